"""Offline reader for the UNODC technical-assistance compendium (Arabic)."""

__version__ = "0.1.0"

#: Qt's organisation and application names: they decide where
#: QStandardPaths puts the user's data and settings (the app and the
#: command lines must agree).
APP_NAME = "compendium"
ORGANIZATION = "UNODC-TA-Compendium"
