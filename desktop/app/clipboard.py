"""Putting paragraphs on the clipboard with their citations: rich text and
plain text (desktop.export.clipboard makes both), in a QMimeData that Qt
itself created (see new_mime_data)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QStringListModel
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:  # the export layer loads on first use, after the first paint
    from desktop.export.model import ExportItem, ExportOptions


def new_mime_data() -> QMimeData:
    """An empty QMimeData created by Qt, not by Python.

    With PySide6 (measured on 6.11.3 and 6.12) a QMimeData constructed in
    Python and handed to the clipboard crashes the process when the
    application shuts down (the clipboard destroys it through Python's
    wrapper class; exit status 139). One created in C++ (here by a model's mimeData()) is a
    plain QMimeData and is destroyed cleanly.
    """
    model = QStringListModel([""])
    mime = model.mimeData([model.index(0, 0)])
    mime.clear()
    return mime


def copy_items(items: list[ExportItem], options: ExportOptions | None = None) -> str:
    """Put ``items`` on the clipboard as rich and plain text, both with
    citations; returns the plain text."""
    from desktop.export.clipboard import payload

    data = payload(items, options)
    mime = new_mime_data()
    mime.setHtml(data.html)
    mime.setText(data.text)
    QApplication.clipboard().setMimeData(mime)
    return data.text
