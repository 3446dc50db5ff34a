"""Putting a selection on paper or into a draft: PDF, Word, HTML, clipboard.

model.py gathers the items and their citations from the content database;
html.py, docx.py and clipboard.py are Qt-free writers; pdf.py paints A4
pages with Qt (QPdfWriter, and any QPrinter for the print preview);
files.py writes atomically; locate.py turns ids and locators into paragraph
ids for ``python -m desktop.export``.
"""
