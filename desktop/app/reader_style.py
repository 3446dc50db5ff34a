"""The look of the reader's pages: the reading style (font, size, line
spacing, colours: ``apply_reading_style``), the zoom (``set_zoom``,
Ctrl+wheel) and the side margin kept for the notes' marks. Every document
the reader renders gets them through ``load_page`` and
``prepare_document`` (reader_documents.Look); a change restyles the shown
page, the others when they are shown again (``_style_key`` tells a stale
one), and a new reading style renders the pages again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette, QTextDocument, QWheelEvent

from desktop.app.application import reader_font
from desktop.app.reader_base import ReaderBase
from desktop.app.settings import MAX_ZOOM, MIN_ZOOM

if TYPE_CHECKING:
    from desktop.app.page_themes import ReadingStyle


class ReaderStyle(ReaderBase):
    """Mixed into ReaderView (a QTextBrowser with ``_swap``, ``_unit``,
    ``_scroll_to`` and ``_invalidate_documents``)."""

    def load_page(self, document: QTextDocument, html: str) -> None:
        """A new page: the reading style's sheet (links, line spacing), then
        the HTML in the style's colours."""
        style = self.reading_style
        document.setDefaultStyleSheet(style.stylesheet() if style is not None else "")
        document.setHtml(style.page_html(html) if style is not None else html)

    def prepare_document(self, document: QTextDocument) -> None:
        """Give a document the reader's font and size, right-to-left text,
        the side margin, and this reader's width."""
        document.setDefaultFont(self._font())
        option = document.defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setWrapMode(self.wordWrapMode())  # as QTextEdit sets it: no relayout on show
        document.setDefaultTextOption(option)
        frame = document.rootFrame().frameFormat()
        if frame.rightMargin() != self._side_margin:
            frame.setRightMargin(self._side_margin)
            document.rootFrame().setFrameFormat(frame)
        if document.textWidth() != self.viewport().width():
            document.setTextWidth(self.viewport().width())

    def page_colour(self, colour: str) -> str:
        return self.reading_style.colour(colour) if self.reading_style is not None else colour

    def _font(self) -> QFont:
        font = reader_font(self._zoom)
        if self.reading_style is not None:
            font.setFamily(self.reading_style.family)
        return font

    def _style_key(self) -> tuple:
        """What prepare_document gives a document, to tell a stale one."""
        return (self._zoom, self._side_margin)

    def apply_reading_style(self, style: ReadingStyle) -> None:
        """Show the text in ``style`` (a desktop.app.page_themes.ReadingStyle:
        ``family``, ``point_size``, the page's ``background``, ``text`` and
        ``link`` colours, ``stylesheet()`` for line spacing and links,
        ``page_html(html)`` and ``colour(hex)`` for the colours written in the
        pages); the shown page is rendered again at the current paragraph."""
        self.reading_style = style
        palette = self.palette()
        for role, colour in ((QPalette.ColorRole.Base, style.background),
                             (QPalette.ColorRole.Text, style.text),
                             (QPalette.ColorRole.Link, style.link),
                             (QPalette.ColorRole.LinkVisited, style.link)):
            palette.setColor(role, QColor(colour))
        self.setPalette(palette)
        self._zoom = max(MIN_ZOOM, min(MAX_ZOOM, int(style.point_size)))
        self._invalidate_documents()

    def set_side_margin(self, pixels: int) -> None:
        """Room kept beside the text on the right (the notes' marks)."""
        if pixels != self._side_margin:
            self._side_margin = pixels
            if self._unit is not None:
                self._swap(self._unit)

    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, point_size: int) -> None:
        self._zoom = max(MIN_ZOOM, min(MAX_ZOOM, int(point_size)))
        if self._unit is not None:
            self._swap(self._unit)
        else:
            self.document().setDefaultFont(self._font())
        if self._paragraph_id:
            self._scroll_to(self._paragraph_id)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl+wheel zooms through set_zoom (QTextEdit's own zoom would
        change the widget font behind the document's back)."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            step = 1 if event.angleDelta().y() > 0 else -1 if event.angleDelta().y() < 0 else 0
            if step:
                self.set_zoom(self._zoom + step)
                self.zoomChanged.emit(self._zoom)
            event.accept()
            return
        super().wheelEvent(event)
