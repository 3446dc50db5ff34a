"""Paragraphs on the clipboard: rich and plain text with the citation, in a
QMimeData Qt made (one made in Python crashes PySide6 at shutdown)."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication

from desktop.app.clipboard import copy_items, new_mime_data
from desktop.content.citations import strip_joiners
from desktop.export.model import gather_items


def test_new_mime_data_is_empty_and_made_by_qt(app):
    mime = new_mime_data()
    assert isinstance(mime, QMimeData)
    assert mime.formats() == []
    assert type(mime) is QMimeData        # not a Python subclass's wrapper


def test_copy_items_puts_rich_and_plain_text_with_the_citation(app, tiny_db_path):
    from desktop.content.store import open_store

    store = open_store(tiny_db_path)
    try:
        items = gather_items(store, ["A07/13"])
        text = copy_items(items)
    finally:
        store.close()
    clip = QApplication.clipboard().mimeData()
    assert strip_joiners(clip.text()) == strip_joiners(text)
    assert "سابعاً-13" in strip_joiners(text)
    assert clip.hasHtml() and "سابعاً" in strip_joiners(clip.html())
