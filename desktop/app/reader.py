"""The reader pane: a QTextBrowser showing one unit around a paragraph,
and the Back/Forward history of the places visited.

The HTML comes from desktop.content.render (Qt-free); this module only
shows it, highlights search terms, maps positions back to paragraphs and
records where the reader has been. Its neighbours:

* reader_documents -- each unit rendered once into a QTextDocument, kept in
  a small cache; the current paragraph is marked on the document;
* reader_style -- the reading style, the zoom and the side margin;
* reader_history -- Back/Forward; reader_menu -- the context menus;
  reader_links -- hover text and link names; reader_caret -- the caret and
  what a screen reader is told; reader_access -- the accessible document.

A new reading style renders the pages again (``_invalidate_documents``,
the one place that forgets them).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Callable

import shiboken6
from PySide6.QtCore import QMimeData, QPoint, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import (QColor, QHideEvent, QMouseEvent, QPaintEvent, QTextCharFormat,
                           QTextCursor, QTextFormat)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from desktop.app import reader_access
from desktop.app.qt_viewport import wrap_viewport
from desktop.app.reader_documents import (CORRECTED_PREFIX, DocumentCache, ReadAhead,
                                          UnitDocument, drop_glyphs, keep_glyphs)
from desktop.app.reader_caret import ReaderCaret
from desktop.app.reader_history import NavigationHistory
from desktop.app.reader_links import PREVIEW_LINES, PREVIEW_WIDTH, ReaderLinks, link_preview
from desktop.app.reader_menu import ParagraphAction, ReaderMenus
from desktop.app.reader_style import ReaderStyle
from desktop.app.settings import DEFAULT_ZOOM
from desktop.content import editorial_html
from desktop.content.citations import strip_joiners
from desktop.content.render import PARA_SCHEME, anchor_name
from desktop.content.records import Paragraph
from desktop.content.store import ContentStore

if TYPE_CHECKING:  # a link's QUrl comes with its click: its type (13 enums) is not built before
    from PySide6.QtCore import QUrl

__all__ = ["ReaderView", "NavigationHistory", "ParagraphAction", "link_preview",
           "PREVIEW_LINES", "PREVIEW_WIDTH", "CORRECTED_PREFIX"]

TERM_COLOUR = "#ffd27f"
MARK_COLOUR = "#fff8dc"
#: how long after an open the units it hid give their glyphs back
GLYPHS_DROPPED_AFTER_MS = 300


class ReaderView(ReaderStyle, ReaderMenus, ReaderLinks, ReaderCaret, QTextBrowser):
    """Shows a unit; ``paragraphOpened(id)`` after each open_paragraph."""

    paragraphOpened = Signal(str)
    historyChanged = Signal()
    #: the reader's point size changed (Ctrl+wheel); the window remembers it
    zoomChanged = Signal(int)
    #: emitted for "show what links here" from the context menu
    linksRequested = Signal(str)

    def __init__(self, store: ContentStore, parent: QWidget | None = None):
        super().__init__(parent)
        # kept: viewport() then needs no type lookup (desktop.app.qt_viewport)
        self._viewport = wrap_viewport(self)
        self.store = store
        self.history = NavigationHistory()
        self.paragraph_actions: list[ParagraphAction] = []
        #: callables painting in the viewport after the text (``paint(painter)``)
        #: and giving hover text for a viewport position first (``tip(pos)``)
        self.margin_painters: list[Callable] = []
        self.margin_tooltips: list[Callable] = []
        #: entries of a cross-reference's context menu (add_link_action)
        self.link_actions: list[ParagraphAction] = []
        self._unit: UnitDocument | None = None
        self._unit_id: str | None = None
        self._paragraph_id: str | None = None
        self._terms: list[str] = []
        self._term_selections: list = []
        self._mark_selections: list = []
        self._mark_ids: list[str] = []
        self._link_source: str | None = None
        self._zoom = DEFAULT_ZOOM
        #: font family, line spacing, page colours (apply_reading_style)
        self.reading_style = None
        self._side_margin = 0
        self._documents = DocumentCache(store, self, parent=self)
        self._read_ahead = ReadAhead(self, self._documents, lambda: self._unit,
                                     self._style_key)
        #: units swapped out whose blocks still keep their glyphs: freed once
        #: the reader has been idle a while, not in the open that hid them
        #: (0.4 ms for a 7000-character unit)
        self._unshown: list[UnitDocument] = []
        self._drop_timer = QTimer(self)
        self._drop_timer.setSingleShot(True)
        self._drop_timer.setInterval(GLYPHS_DROPPED_AFTER_MS)
        self._drop_timer.timeout.connect(self._drop_unshown_glyphs)
        self.setObjectName("reader")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.prepare_document(self.document())
        self.anchorClicked.connect(self._on_anchor)
        self.set_zoom(DEFAULT_ZOOM)
        self._setup_access()

    # the public API

    def open_paragraph(self, paragraph_id: str, highlight_terms: Sequence[str] | None = None, *,
                       record: bool = True, from_top: bool = False) -> bool:
        """Show the paragraph's unit, highlight and scroll to it; False if unknown.
        ``from_top``: the unit was opened as a whole (from the tree): its
        heading, title, dates and symbol stay in view above the paragraph."""
        para = self.store.paragraph(paragraph_id)
        if para is None:
            return False
        viewport = self.viewport()
        # the page is painted once, where it ends: the caret, the anchor
        # and the lines above it each scrolled it, and every scroll moved
        # the whole picture first (issue 17)
        painting = viewport.updatesEnabled()
        viewport.setUpdatesEnabled(False)
        try:
            self._show(para, highlight_terms or [])
            self._place_caret(para.id)
            self._scroll_to(para.id, from_top)
        finally:
            viewport.setUpdatesEnabled(painting)
        if record:
            self.history.visit(para.id)
        self.historyChanged.emit()
        self.paragraphOpened.emit(para.id)
        self._announce_opened(para)
        self._read_ahead.schedule()
        return True

    def select_paragraph(self, paragraph_id: str) -> bool:
        """Make a paragraph of the shown unit the current one (a click on it):
        highlighted, the page left where it is, history untouched."""
        para = self.store.paragraph(paragraph_id)
        if para is None or para.unit_id != self._unit_id:
            return False
        if para.id != self._paragraph_id:
            bar = self.verticalScrollBar()
            position = bar.value()
            wanted = self._mark_ids
            self._show(para, self._terms)
            if wanted:
                self.mark_paragraphs(wanted)
            bar.setValue(position)
            self.paragraphOpened.emit(para.id)
        return True

    def open_gap(self, node_id: str) -> bool:
        """Show what is known about a meeting or session no source holds
        (a "gap" node: it has no paragraphs); False if it is not one."""
        if not editorial_html.is_gap(self.store.node(node_id)):
            return False
        self._swap(self._documents.get(node_id, gap=True))
        self._paragraph_id = None
        self._mark_selections = []
        self._mark_ids = []
        self._term_selections = []
        self._apply_selections()
        self.verticalScrollBar().setValue(0)
        reader_access.document_changed(self)
        return True

    def _show(self, para: Paragraph, terms: Sequence[str]) -> None:
        unit = self._documents.get(para.unit_id)
        if self.document() is unit.document and unit.current != para.id:
            # Qt's lazy layout must be finished before the shown document is
            # edited: an edit half-way left the blocks after the first
            # screenful that it did not touch zero pixels high (paragraphs
            # missing). A document not shown is marked first: showing it
            # lays it out anew.
            self.document().documentLayout().documentSize()
        moved = unit.set_current(self.store, para.id)
        swapped = self._swap(unit)
        self._paragraph_id = para.id
        self._mark_selections = []
        self._mark_ids = []
        self.highlight_terms(terms)
        if swapped or moved:
            reader_access.document_changed(self)

    def _swap(self, unit: UnitDocument) -> bool:
        """Show this unit's document (restyled first if the style changed
        since it was made); False when it was already shown."""
        previous = self._unit
        self._unit, self._unit_id = unit, unit.unit_id
        if unit.style != self._style_key():
            if unit.style is not None:
                self.prepare_document(unit.document)
            unit.style = self._style_key()
        if self.document() is unit.document:
            return False
        # from the top: QTextEdit lays the new document out down to where
        # the old one was scrolled (the paragraph is scrolled to after)
        self.verticalScrollBar().setValue(0)
        # the scroll bar held on while the document goes in: QTextEdit lays a
        # new document out at once, and a scroll bar appearing after that
        # (a long unit after a short one) narrowed the page and laid it all
        # out again (issue 17: 15 ms of a 7000-character unit's 19). As
        # needed again after: a short unit drops it, and only it is laid
        # out anew.
        policy = self.verticalScrollBarPolicy()
        # QTextEdit sets the document's page size (its width) whatever it
        # was, and a page size set lays the whole document out anew, even
        # unchanged: a layout made before is thrown away. So none is made:
        # the layout, made with no page size, lays nothing out, and the
        # text is laid out once, at the reader's width (issue 17: a unit's
        # first layout cost twice a relayout -- Qt laid out its first part
        # when it made the layout, then all of it again).
        unit.document.setPageSize(QSizeF(0, 0))
        unit.document.documentLayout()
        keep_glyphs(unit.document)
        if policy == Qt.ScrollBarPolicy.ScrollBarAsNeeded:
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setDocument(unit.document)
        self.setVerticalScrollBarPolicy(policy)
        if previous is not None and previous is not unit:
            self._unshown.append(previous)
            self._drop_timer.start()
        return True

    def _drop_unshown_glyphs(self) -> None:
        for unit in self._unshown:
            if unit is not self._unit and shiboken6.isValid(unit.document):
                drop_glyphs(unit.document)
        self._unshown = []

    def _invalidate_documents(self) -> None:
        """Forget every rendered unit (the reading style changed: what is
        rendered into the pages); the page shown is rendered again, at the
        current paragraph."""
        shown = self._unit
        gone = self._documents.clear()
        self._read_ahead.stop()
        para = self.current_paragraph()
        if shown is not None and para is not None and para.unit_id == shown.unit_id:
            marked = self._mark_ids
            self._show(para, self._terms)
            if marked:
                self.mark_paragraphs(marked)
            self.document().documentLayout().documentSize()   # laid out, then placed
            self._scroll_to(para.id)
        elif shown is not None:
            self.open_gap(shown.unit_id)
        else:
            self.prepare_document(self.document())
        for unit in gone:
            if unit.document is not self.document():
                unit.document.deleteLater()

    def current_paragraph_id(self) -> str | None:
        return self._paragraph_id

    def current_unit_id(self) -> str | None:
        return self._unit_id

    def current_paragraph(self) -> Paragraph | None:
        return self.store.paragraph(self._paragraph_id) if self._paragraph_id else None

    def shown_paragraph_ids(self) -> list[str]:
        """The paragraphs of the shown unit, in reading order."""
        return list(self._unit.paragraph_ids) if self._unit else []

    def corrected_words(self) -> list[tuple[str, str]]:
        """(word, tooltip) of every corrected word shown, in reading order."""
        out = []
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                tip = fragment.charFormat().toolTip()
                if tip.startswith(CORRECTED_PREFIX):
                    out.append((fragment.text(), tip))
                it += 1
            block = block.next()
        return out

    def back(self) -> bool:
        target = self.history.back()
        return self.open_paragraph(target, record=False) if target else False

    def go_forward(self) -> bool:
        target = self.history.forward()
        return self.open_paragraph(target, record=False) if target else False

    def forward(self) -> None:
        """QTextBrowser's slot (its Alt+Right handler calls it): go_forward."""
        self.go_forward()

    def backward(self) -> None:
        """QTextBrowser's own name for back (its Alt+Left handler calls it)."""
        self.back()

    def go_to_history(self, index: int) -> bool:
        target = self.history.go(index)
        return self.open_paragraph(target, record=False) if target else False

    # highlighting search terms

    def highlight_terms(self, terms: Sequence[str]) -> int:
        """Mark every occurrence of the given surface forms; returns how many."""
        self._terms = [t for t in terms if t]
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(self.page_colour(TERM_COLOUR)))
        self._term_selections = []
        for term in self._terms:
            cursor = QTextCursor(self.document())
            while True:
                cursor = self.document().find(term, cursor)
                if cursor.isNull():
                    break
                sel = QTextEdit.ExtraSelection()
                sel.cursor = cursor
                sel.format = fmt
                self._term_selections.append(sel)
        self._apply_selections()
        return len(self._term_selections)

    def mark_paragraphs(self, paragraph_ids: Sequence[str]) -> list[str]:
        """Tint other paragraphs of the shown unit (e.g. every target of an
        index entry); returns those that are in the unit. The next open clears it."""
        wanted = set(paragraph_ids)
        self._mark_ids = list(paragraph_ids)
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(self.page_colour(MARK_COLOUR)))
        fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
        self._mark_selections = []
        marked: list[str] = []
        for number, pid in sorted(self._block_paragraph.items()):
            if pid not in wanted or pid == self._paragraph_id or pid in marked:
                continue
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document().findBlockByNumber(number))
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock,
                                QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            sel.format = fmt
            self._mark_selections.append(sel)
            marked.append(pid)
        self._apply_selections()
        return marked

    def marked_paragraphs(self) -> list[str]:
        return [self._block_paragraph.get(sel.cursor.blockNumber(), "")
                for sel in self._mark_selections]

    def _apply_selections(self) -> None:
        self.setExtraSelections(self._mark_selections + self._term_selections)

    # positions → paragraphs

    @property
    def _block_paragraph(self) -> dict[int, str]:
        """Text block number -> the paragraph it belongs to (shown unit)."""
        return self._unit.block_paragraph if self._unit is not None else {}

    def paragraph_at(self, pos: QPoint) -> str | None:
        """The paragraph under a viewport position."""
        cursor = self.cursorForPosition(pos)
        return self._block_paragraph.get(cursor.block().blockNumber())

    def paragraph_of_block(self, block_number: int) -> str | None:
        return self._block_paragraph.get(block_number)

    def scroll_to_current(self) -> None:
        """Scroll the open paragraph back into view (after a resize)."""
        if self._paragraph_id:
            self._scroll_to(self._paragraph_id)

    def _scroll_to(self, paragraph_id: str, from_top: bool = False) -> None:
        """Bring the paragraph into view with a few lines of what precedes it
        (``from_top``: the page from its top, when the paragraph is on it)."""
        name = anchor_name(paragraph_id)

        def scroll() -> None:
            if self._paragraph_id != paragraph_id:
                return
            self.scrollToAnchor(name)
            if from_top and self._block_top(paragraph_id) < self.viewport().height() * 0.8:
                self.verticalScrollBar().setValue(0)
                return
            if from_top:  # a section or annex: its headings at the top
                self.verticalScrollBar().setValue(int(self._block_top(paragraph_id, True)))
                return
            bar = self.verticalScrollBar()
            if bar.value() > 0:
                bar.setValue(max(0, bar.value() - self.viewport().height() // 6))

        def placed() -> tuple:
            """What the place scrolled to follows from: the paragraph's
            top, the page's height, how far the bar goes."""
            return (self.isVisible(), self.document(), self._block_top(paragraph_id),
                    self.viewport().height(), self.verticalScrollBar().maximum())

        scroll()
        before = placed()

        def again() -> None:
            # once more after the layout settled, unless nothing it follows
            # from moved (it scrolled the page twice for nothing, issue 17)
            if not before[0] or placed() != before:
                scroll()

        QTimer.singleShot(0, again)

    def _block_top(self, paragraph_id: str, headings: bool = False) -> float:
        """Where the paragraph's first block starts in the document (pixels);
        ``headings``: where the headings right above it start."""
        block = self._unit.first_block(paragraph_id) if self._unit else None
        if block is None:
            return 0.0
        while headings and block.previous().isValid() \
                and block.previous().blockFormat().headingLevel() > 0:
            block = block.previous()
        return self.document().documentLayout().blockBoundingRect(block).top()

    # links, painting, mouse buttons

    def _on_anchor(self, url: QUrl) -> None:
        self.follow_href(url.toString())

    def follow_href(self, text: str) -> None:
        """Follow a link of the shown text (click, Return, or AT's "press")."""
        if text.startswith(PARA_SCHEME):
            # Back after a link returns to the paragraph the link was in,
            # even if the reader had moved on from the one opened last: the
            # paragraph under the mouse, else the one holding the caret
            # (a link reached by Tab or caret browsing)
            source = self._link_source or self.paragraph_of_block(
                self.textCursor().blockNumber())
            self._link_source = None
            if source and source != self.history.current():
                self.history.visit(source)
            self._via_link = True
            try:
                self.open_paragraph(text[len(PARA_SCHEME):])
            finally:
                self._via_link = False
        elif text.startswith("#"):
            self.scrollToAnchor(text[1:])
            self._caret_to_anchor(text[1:])

    def hideEvent(self, event: QHideEvent) -> None:
        self._read_ahead.stop()
        super().hideEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.margin_painters:   # none until a feature has something to paint there
            from PySide6.QtGui import QPainter

            painter = QPainter(self.viewport())
            for paint in self.margin_painters:
                paint(painter)
            painter.end()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        # Ask for the link BEFORE Qt handles the release: the release follows
        # the link (a new unit is shown), and the same point then lies over
        # another paragraph of the new page, which must not become current --
        # the link's target is the current paragraph.
        pos = event.position().toPoint()
        on_link = bool(self.anchorAt(pos))
        self._link_source = self.paragraph_at(pos) if on_link else None
        shown = (self._unit_id, self._paragraph_id)
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not on_link \
                and (self._unit_id, self._paragraph_id) == shown \
                and not self.textCursor().hasSelection():
            pid = self.paragraph_at(pos)
            if pid:
                self.select_paragraph(pid)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.BackButton:
            self.back()
            return
        if event.button() == Qt.MouseButton.ForwardButton:
            self.forward()
            return
        super().mousePressEvent(event)

    def createMimeDataFromSelection(self) -> QMimeData:
        mime = super().createMimeDataFromSelection()
        if mime.hasText():
            mime.setText(strip_joiners(mime.text()))
        return mime
