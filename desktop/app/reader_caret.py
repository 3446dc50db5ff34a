"""The reader and the keyboard: caret browsing (arrows move a caret,
Tab/Return reach links, Shift+F10 opens the paragraph's menu), where the
caret goes when a paragraph opens, and what a screen reader is told
(the accessible document itself: desktop.app.reader_access).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import QApplication, QWidget

from desktop.app.reader_base import ReaderBase
from desktop.app import reader_access
from desktop.app.reader_links import next_span, previous_span
from desktop.content.records import Paragraph


class ReaderCaret(ReaderBase):
    """Mixed into ReaderView (a QTextBrowser with ``_unit``,
    ``_block_paragraph``, ``_paragraph_id``, ``link_spans`` and
    ``show_caret_menu``)."""

    def _setup_access(self) -> None:
        """Caret browsing (arrows move a caret, Tab/Return reach links) and
        the accessible document with its links (desktop.app.reader_access)."""
        flags = Qt.TextInteractionFlag
        self.setTextInteractionFlags(flags.TextSelectableByMouse | flags.TextSelectableByKeyboard
                                     | flags.LinksAccessibleByMouse
                                     | flags.LinksAccessibleByKeyboard)
        self._via_link = False
        self.cursorPositionChanged.connect(self._caret_moved)
        self.setAccessibleDescription("")
        reader_access.install()
        menu_key = QShortcut(QKeySequence("Shift+F10"), self)
        menu_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        menu_key.activated.connect(self.show_caret_menu)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab / Shift+Tab in the reader: the next / previous link FROM THE
        CARET (the current paragraph), not from the top of the unit as
        QTextBrowser does when no link is selected yet; past the last link,
        focus leaves the reader."""
        cursor = self.textCursor()
        keyboard_links = Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        if cursor.hasSelection() or not self.textInteractionFlags() & keyboard_links:
            return super().focusNextPrevChild(next)
        here = cursor.position()
        spans = self.link_spans()
        span = next_span(spans, here) if next else previous_span(spans, here)
        if span is None:
            return QWidget.focusNextPrevChild(self, next)
        link = QTextCursor(self.document())
        link.setPosition(span.start)
        link.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(link)
        self.ensureCursorVisible()
        return True

    def _place_caret(self, paragraph_id: str) -> bool:
        """Put the caret at the start of the paragraph (where a screen reader
        starts reading); the view is scrolled separately by _scroll_to."""
        block = self._unit.first_block(paragraph_id) if self._unit else None
        if block is None:
            return False
        self.setTextCursor(QTextCursor(block))
        return True

    def _caret_to_anchor(self, name: str) -> None:
        """After following an in-page link (a footnote), the caret goes there too."""
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                if name in it.fragment().charFormat().anchorNames():
                    self.setTextCursor(QTextCursor(block))
                    return
                it += 1
            block = block.next()

    def caret_paragraph_id(self) -> str | None:
        """The paragraph the caret is in (the keyboard's "here")."""
        return self._block_paragraph.get(self.textCursor().blockNumber()) or self._paragraph_id

    def _caret_moved(self) -> None:
        cursor = self.textCursor()
        if cursor.hasSelection():
            reader_access.link_focused(self, cursor.selectionStart(), cursor.selectionEnd())

    def _announce_opened(self, para: Paragraph) -> None:
        """Say which paragraph is now open (the citation), and that a link led there."""
        cite = para.citation or para.id
        self.setAccessibleDescription(cite)
        focus = QApplication.focusWidget()
        if focus is not None and focus.objectName() == "contents-tree":
            return  # arrowing through the tree: the row just read says where
        prefix = "تم اتباع الرابط إلى " if self._via_link else "فُتحت "
        reader_access.announce(self, prefix + cite)
