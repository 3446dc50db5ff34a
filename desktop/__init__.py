"""Offline reader for the UNODC technical-assistance compendium (Arabic)."""

__version__ = "0.1.0"
