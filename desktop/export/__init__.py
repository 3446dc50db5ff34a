"""Putting a selection on paper or into a draft: PDF, Word, HTML, clipboard.

model.py gathers the items from the content database (Qt-free); html.py,
docx.py and clipboard.py are Qt-free writers; pdf.py paints pages with Qt
(QPdfWriter, and any QPrinter for the print preview).
"""
