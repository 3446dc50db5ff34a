"""Helpers for reader widget tests: look into the QTextDocument the reader shows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible


def paragraph_block(reader, paragraph_id: str):
    """The text block that starts with the paragraph's anchor."""
    name = f"p-{paragraph_id}"
    block = reader.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            if name in it.fragment().charFormat().anchorNames():
                return block
            it += 1
        block = block.next()
    raise AssertionError(f"no block for {paragraph_id}")


def block_background(reader, paragraph_id: str) -> str | None:
    """The paragraph's background colour as #rrggbb, or None when it has none."""
    brush = paragraph_block(reader, paragraph_id).blockFormat().background()
    if brush.style() == Qt.BrushStyle.NoBrush:
        return None
    return brush.color().name()


def accessible(reader):
    """The reader's accessibility interface (what a screen reader is given)."""
    iface = QAccessible.queryAccessibleInterface(reader)
    assert iface is not None
    return iface


def caret_paragraph(window):
    """The paragraph the reader's caret is in."""
    reader = window.reader
    return reader.paragraph_of_block(reader.textCursor().blockNumber())


def caret_at_start_of(window, pid):
    """Whether the caret, as the reader and as its accessible text tell it, is at the start of `pid`."""
    reader = window.reader
    text = accessible(reader).textInterface()
    block = paragraph_block(reader, pid)
    return text.cursorPosition() == block.position() == reader.textCursor().position()


def tree_followed(qtbot, window) -> None:
    """Wait until the contents tree has followed the reader's last open
    (its row's part and meeting expanded, scrolled to: once the opens pause)."""
    from PySide6.QtCore import QObject

    follow = window.tree_view.findChild(QObject, "tree-follow")
    if follow is not None:
        qtbot.waitUntil(lambda: not follow.pending())


def links_followed(qtbot, window) -> None:
    """Wait until "what links here" shows the reader's paragraph (it follows
    once the opens pause, as the tree does)."""
    qtbot.waitUntil(lambda: not window._links_timer.isActive())
