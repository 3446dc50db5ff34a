"""The reader pane: a QTextBrowser showing one unit around a paragraph,
and the Back/Forward history of the places visited.

The HTML comes from desktop.content.render (Qt-free); this module only
shows it, highlights search terms, maps positions back to paragraphs (for
the context menu and the hover text) and records where the reader has been.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (QAction, QColor, QHelpEvent, QPainter, QPalette, QTextCharFormat,
                           QTextCursor,
                           QTextFormat)
from PySide6.QtWidgets import QMenu, QTextBrowser, QTextEdit, QToolTip, QWidget

from desktop.app import reader_access

from desktop.content.citations import RLM, strip_joiners
from desktop.content.render import PARA_SCHEME, anchor_name, render_unit
from desktop.content.records import Paragraph
from desktop.content.store import ContentStore
from desktop.content import editorial_html
from desktop.app.application import reader_font
from desktop.app.settings import DEFAULT_ZOOM, MAX_ZOOM, MIN_ZOOM

TERM_COLOUR = "#ffd27f"
CORRECTED_PREFIX = "صُحّح في هذا التطبيق"
MARK_COLOUR = "#fff8dc"


@dataclass
class ParagraphAction:
    """An entry of the paragraph context menu: ``callback(paragraph_id)``."""

    text: str | Callable[[str], str | None]
    callback: Callable[[str], None]


class NavigationHistory:
    """Back/Forward over visited paragraph ids (like a web browser)."""

    def __init__(self, limit: int = 500):
        self._items: list[str] = []
        self._pos = -1
        self._limit = limit

    def visit(self, paragraph_id: str) -> None:
        if self._pos >= 0 and self._items[self._pos] == paragraph_id:
            return
        del self._items[self._pos + 1:]
        self._items.append(paragraph_id)
        if len(self._items) > self._limit:
            del self._items[0]
        self._pos = len(self._items) - 1

    def can_back(self) -> bool:
        return self._pos > 0

    def can_forward(self) -> bool:
        return self._pos < len(self._items) - 1

    def back(self) -> str | None:
        if not self.can_back():
            return None
        self._pos -= 1
        return self._items[self._pos]

    def forward(self) -> str | None:
        if not self.can_forward():
            return None
        self._pos += 1
        return self._items[self._pos]

    def current(self) -> str | None:
        return self._items[self._pos] if self._pos >= 0 else None

    def entries(self) -> list[str]:
        """Every visited paragraph, oldest first (the history menu)."""
        return list(self._items)

    def position(self) -> int:
        return self._pos

    def go(self, index: int) -> str | None:
        """Jump to entry ``index`` (as from a Back/Forward drop-down)."""
        if not 0 <= index < len(self._items):
            return None
        self._pos = index
        return self._items[index]


class ReaderView(QTextBrowser):
    """Shows a unit; ``paragraphOpened(id)`` after each open_paragraph."""

    paragraphOpened = Signal(str)
    historyChanged = Signal()
    #: the reader's point size changed (Ctrl+wheel); the window remembers it
    zoomChanged = Signal(int)
    #: emitted for "show what links here" from the context menu
    linksRequested = Signal(str)

    def __init__(self, store: ContentStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.history = NavigationHistory()
        self.paragraph_actions: list[ParagraphAction] = []
        #: callables painting in the viewport after the text (``paint(painter)``)
        #: and giving hover text for a viewport position first (``tip(pos)``)
        self.margin_painters: list[Callable] = []
        self.margin_tooltips: list[Callable] = []
        #: entries of a cross-reference's context menu (add_link_action)
        self.link_actions: list[ParagraphAction] = []
        self._unit_id: str | None = None
        self._paragraph_id: str | None = None
        self._block_paragraph: dict[int, str] = {}
        self._terms: list[str] = []
        self._term_selections: list = []
        self._mark_selections: list = []
        self._mark_ids: list[str] = []
        self._link_source: str | None = None
        self._zoom = DEFAULT_ZOOM
        #: font family, line spacing, page colours (apply_reading_style)
        self.reading_style = None
        self.setObjectName("reader")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        option = self.document().defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        self.document().setDefaultTextOption(option)
        self.anchorClicked.connect(self._on_anchor)
        self.set_zoom(DEFAULT_ZOOM)
        self._setup_access()

    # the public API

    def open_paragraph(self, paragraph_id: str, highlight_terms=None, *,
                       record: bool = True, from_top: bool = False) -> bool:
        """Show the paragraph's unit, highlight and scroll to it; False if unknown.
        ``from_top``: the unit was opened as a whole (from the tree): its
        heading, title, dates and symbol stay in view above the paragraph."""
        para = self.store.paragraph(paragraph_id)
        if para is None:
            return False
        self._show(para, highlight_terms or [])
        self._place_caret(para.id)
        self._scroll_to(para.id, from_top)
        if record:
            self.history.visit(para.id)
        self.historyChanged.emit()
        self.paragraphOpened.emit(para.id)
        self._announce_opened(para)
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
        self.setHtml(self._styled(editorial_html.render_gap(self.store, node_id)))
        self._unit_id = node_id
        self._paragraph_id = None
        self._map_blocks()
        self._mark_selections = []
        self._mark_ids = []
        self._term_selections = []
        self._apply_selections()
        self.verticalScrollBar().setValue(0)
        reader_access.document_changed(self)
        return True

    def _show(self, para: Paragraph, terms) -> None:
        rendered = render_unit(self.store, para.unit_id, para.id)
        # the document keeps its default font (set_zoom) and style sheet
        self.setHtml(self._styled(rendered.html))
        self._dot_corrected_words()
        self._unit_id = para.unit_id
        self._paragraph_id = para.id
        self._map_blocks()
        self._mark_selections = []
        self._mark_ids = []
        self.highlight_terms(terms)
        reader_access.document_changed(self)

    def _dot_corrected_words(self) -> None:
        """Qt's HTML has no dotted underline: give it to the corrected words
        (the spans render.py titles with a correction) after loading."""
        document = self.document()
        spans: list[tuple[int, int]] = []
        block = document.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if fragment.charFormat().toolTip().startswith(CORRECTED_PREFIX):
                    spans.append((fragment.position(), fragment.position() + fragment.length()))
                it += 1
            block = block.next()
        if not spans:
            return
        # Finish the lazy layout of the new page first: an edit while it is
        # under way left the blocks after the first screenful that the edits
        # did not touch zero pixels high (whole paragraphs missing on screen)
        document.documentLayout().documentSize()
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        for start, end in spans:
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)
        document.setModified(False)

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

    def current_paragraph_id(self) -> str | None:
        return self._paragraph_id

    def current_unit_id(self) -> str | None:
        return self._unit_id

    def current_paragraph(self) -> Paragraph | None:
        return self.store.paragraph(self._paragraph_id) if self._paragraph_id else None

    def add_paragraph_action(self, text: str, callback: Callable[[str], None]) -> ParagraphAction:
        """Add an entry to every paragraph's context menu."""
        action = ParagraphAction(text, callback)
        self.paragraph_actions.append(action)
        return action

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

    # zoom

    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, point_size: int) -> None:
        self._zoom = max(MIN_ZOOM, min(MAX_ZOOM, int(point_size)))
        font = reader_font(self._zoom)
        if self.reading_style is not None:
            font.setFamily(self.reading_style.family)
        self.document().setDefaultFont(font)
        if self._paragraph_id:
            self._scroll_to(self._paragraph_id)

    # reading style (desktop.app.preferences)

    def apply_reading_style(self, style) -> None:
        """Show the text in ``style`` (a desktop.app.preferences.ReadingStyle:
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
        self.document().setDefaultStyleSheet(style.stylesheet())
        self._zoom = max(MIN_ZOOM, min(MAX_ZOOM, int(style.point_size)))
        font = reader_font(self._zoom)
        font.setFamily(style.family)
        self.document().setDefaultFont(font)
        para = self.current_paragraph()
        if para is not None and para.unit_id == self._unit_id:
            marked = self._mark_ids
            self._show(para, self._terms)      # the style sheet applies as it loads
            if marked:
                self.mark_paragraphs(marked)
            self.document().documentLayout().documentSize()   # laid out, then placed
            self._scroll_to(para.id)
        elif self._unit_id:
            self.open_gap(self._unit_id)

    def _styled(self, html: str) -> str:
        return self.reading_style.page_html(html) if self.reading_style is not None else html

    def _colour(self, colour: str) -> str:
        return self.reading_style.colour(colour) if self.reading_style is not None else colour

    # highlighting search terms

    def highlight_terms(self, terms) -> int:
        """Mark every occurrence of the given surface forms; returns how many."""
        self._terms = [t for t in terms if t]
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(self._colour(TERM_COLOUR)))
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

    def mark_paragraphs(self, paragraph_ids) -> list[str]:
        """Tint other paragraphs of the shown unit (e.g. every target of an
        index entry); returns those that are in the unit. The next open clears it."""
        wanted = set(paragraph_ids)
        self._mark_ids = list(paragraph_ids)
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(self._colour(MARK_COLOUR)))
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

    def _map_blocks(self) -> None:
        """Remember which paragraph each text block belongs to."""
        mapping: dict[int, str] = {}
        current: str | None = None
        block = self.document().begin()
        prefix = "p-"
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                for name in it.fragment().charFormat().anchorNames():
                    if name.startswith(prefix):
                        current = name[len(prefix):]
                it += 1
            if current:
                mapping[block.blockNumber()] = current
            block = block.next()
        self._block_paragraph = mapping

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

        scroll()
        QTimer.singleShot(0, scroll)

    def _block_top(self, paragraph_id: str, headings: bool = False) -> float:
        """Where the paragraph's first block starts in the document (pixels);
        ``headings``: where the headings right above it start."""
        blocks = [n for n, pid in self._block_paragraph.items() if pid == paragraph_id]
        if not blocks:
            return 0.0
        block = self.document().findBlockByNumber(min(blocks))
        while headings and block.previous().isValid() \
                and block.previous().blockFormat().headingLevel() > 0:
            block = block.previous()
        return self.document().documentLayout().blockBoundingRect(block).top()

    # links, hover, context menu, mouse buttons

    def go_to_history(self, index: int) -> bool:
        target = self.history.go(index)
        return self.open_paragraph(target, record=False) if target else False

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

    def tooltip_at(self, pos: QPoint) -> str:
        """Hover text: a footnote's text, a link's target, a corrected word's
        source form and reason, or the paragraph's citation."""
        for tip in self.margin_tooltips:
            text = tip(pos)
            if text:
                return text
        own = strip_joiners(self.cursorForPosition(pos).charFormat().toolTip())
        if own.startswith(CORRECTED_PREFIX):
            rest = self._tooltip_under(pos)
            return f"{own}\n{rest}" if rest and self.anchorAt(pos) else own
        return own if own and not self.anchorAt(pos) else self._tooltip_under(pos)

    def link_target_text(self, href: str) -> str:
        """What a link points at: a footnote's text, or the target's citation."""
        if href.startswith("#fn-"):
            number = href[len("#fn-"):]
            for note in self.store.footnotes(self._block_paragraph.values()):
                if str(note.number) == number:
                    return strip_joiners(note.shown)
        if href.startswith(PARA_SCHEME):
            target = self.store.paragraph(href[len(PARA_SCHEME):])
            if target:
                return self.store.citation(target).full
        return ""

    def _tooltip_under(self, pos: QPoint) -> str:
        href = self.anchorAt(pos)
        if href.startswith(PARA_SCHEME):
            # hovering a cross-reference previews it: citation and first lines
            linked = self.store.paragraph(href[len(PARA_SCHEME):])
            if linked:
                return link_preview(linked, self.store.citation(linked).full)
        target = self.link_target_text(href)
        if target:
            return target
        pid = self.paragraph_at(pos)
        if pid:
            para = self.store.paragraph(pid)
            if para:
                return self.store.citation(para).full
        return ""

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.margin_painters:
            painter = QPainter(self.viewport())
            for paint in self.margin_painters:
                paint(painter)
            painter.end()

    def wheelEvent(self, event) -> None:
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

    def mouseReleaseEvent(self, event) -> None:
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

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.BackButton:
            self.back()
            return
        if event.button() == Qt.MouseButton.ForwardButton:
            self.forward()
            return
        super().mousePressEvent(event)

    def paragraph_menu(self, paragraph_id: str, parent: QWidget | None = None) -> QMenu:
        """The context menu for one paragraph (built fresh each time)."""
        menu = QMenu(parent or self)
        menu.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        menu.addAction("نسخ مع الإحالة", lambda: self.copy_with_citation(paragraph_id))
        menu.addAction("ما يحيل إلى هذه الفقرة", lambda: self.linksRequested.emit(paragraph_id))
        if self.paragraph_actions:
            menu.addSeparator()
            for action in self.paragraph_actions:
                # text may depend on the paragraph (callable; None hides it)
                text = action.text(paragraph_id) if callable(action.text) else action.text
                if text:
                    menu.addAction(text, functools.partial(action.callback, paragraph_id))
        return menu

    def contextMenuEvent(self, event) -> None:
        if event.reason() == event.Reason.Keyboard:
            self.show_caret_menu()
            return
        pid = self.paragraph_at(event.pos())
        if not pid:
            super().contextMenuEvent(event)
            return
        menu = self.paragraph_menu(pid)
        if self.textCursor().hasSelection():
            menu.insertAction(menu.actions()[0], self._copy_selection_action(menu))
        self._add_link_actions(menu, self.anchorAt(event.pos()))
        menu.exec(event.globalPos())

    def add_link_action(self, text: str, callback: Callable[[str], None]) -> ParagraphAction:
        """Add an entry to the context menu of a cross-reference (first in
        the menu); ``callback(target paragraph id)``."""
        action = ParagraphAction(text, callback)
        self.link_actions.append(action)
        return action

    def _add_link_actions(self, menu: QMenu, href: str) -> None:
        if not href.startswith(PARA_SCHEME) or not self.link_actions:
            return
        target = href[len(PARA_SCHEME):]
        first = menu.actions()[0] if menu.actions() else None
        for action in self.link_actions:
            text = action.text(target) if callable(action.text) else action.text
            if not text:
                continue
            entry = QAction(text, menu)
            entry.triggered.connect(lambda _=False, cb=action.callback: cb(target))
            if first is None:
                menu.addAction(entry)
            else:
                menu.insertAction(first, entry)
        if first is not None:
            menu.insertSeparator(first)

    def _copy_selection_action(self, menu: QMenu):
        action = menu.addAction("نسخ النص المحدد")
        action.triggered.connect(self.copy)
        return action

    def copy_with_citation(self, paragraph_id: str) -> str:
        """Put the paragraph's text and citation on the clipboard, as the
        selection's copy does (rich and plain text, quality marks, THE
        citation); returns the plain text."""
        from PySide6.QtCore import QMimeData
        from PySide6.QtWidgets import QApplication
        from desktop.export.clipboard import payload
        from desktop.export.model import gather_items

        if self.store.paragraph(paragraph_id) is None:
            return ""
        data = payload(gather_items(self.store, [paragraph_id]))
        mime = QMimeData()
        mime.setHtml(data.html)
        mime.setText(data.text)
        QApplication.clipboard().setMimeData(mime)
        return data.text

    def createMimeDataFromSelection(self):
        mime = super().createMimeDataFromSelection()
        if mime.hasText():
            mime.setText(strip_joiners(mime.text()))
        return mime

    # screen readers and the keyboard (caret, links, announcements)

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
        from PySide6.QtGui import QKeySequence, QShortcut
        menu_key = QShortcut(QKeySequence("Shift+F10"), self)
        menu_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        menu_key.activated.connect(self.show_caret_menu)

    def accessible_links(self) -> list:
        """Links and footnote markers of the shown document, in reading
        order, each named for a screen reader (text + where it leads)."""
        spans = self.link_spans()
        for span in spans:
            span.name = self._link_name(span)
        return spans

    def link_spans(self) -> list:
        """Links and footnote markers of the shown document, in reading order."""
        spans: list[reader_access.LinkSpan] = []
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                href = fmt.anchorHref() if fmt.isAnchor() else ""
                if href:
                    start, end = fragment.position(), fragment.position() + fragment.length()
                    if spans and spans[-1].href == href and spans[-1].end == start:
                        spans[-1].end = end
                    else:
                        spans.append(reader_access.LinkSpan(start, end, href, ""))
                it += 1
            block = block.next()
        return spans

    def _link_name(self, span) -> str:
        cursor = QTextCursor(self.document())
        cursor.setPosition(span.start)
        cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
        words = strip_joiners(cursor.selectedText()).strip()
        target = self.link_target_text(span.href).replace("\n", "، ")
        if span.href.startswith("#fn-"):
            target = target.replace("*", "")  # *Treaty Series*: emphasis marks, not words
            number = span.href[len('#fn-'):]
            note = f"الحاشية {'*' if number == '0' else number}"
            return f"{note}: {target}" if target else note
        if not target or target.startswith(words):
            return target or words
        return f"{words} ({target})"

    def _place_caret(self, paragraph_id: str) -> bool:
        """Put the caret at the start of the paragraph (where a screen reader
        starts reading); the view is scrolled separately by _scroll_to."""
        blocks = [n for n, pid in self._block_paragraph.items() if pid == paragraph_id]
        if not blocks:
            return False
        cursor = QTextCursor(self.document().findBlockByNumber(min(blocks)))
        self.setTextCursor(cursor)
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

    def show_caret_menu(self) -> QMenu | None:
        """The paragraph menu for the paragraph at the caret (Menu, Shift+F10)."""
        pid = self.caret_paragraph_id()
        if not pid:
            return None
        menu = self.paragraph_menu(pid)
        if self.textCursor().hasSelection():
            menu.insertAction(menu.actions()[0], self._copy_selection_action(menu))
        self._add_link_actions(menu, self.textCursor().charFormat().anchorHref())
        rect = self.cursorRect()
        menu.popup(self.viewport().mapToGlobal(rect.bottomLeft()))
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.caret_menu = menu
        return menu

    def _caret_moved(self) -> None:
        cursor = self.textCursor()
        if cursor.hasSelection():
            reader_access.link_focused(self, cursor.selectionStart(), cursor.selectionEnd())

    def _announce_opened(self, para: Paragraph) -> None:
        """Say which paragraph is now open (the citation), and that a link led there."""
        cite = para.citation or para.id
        self.setAccessibleDescription(cite)
        from PySide6.QtWidgets import QApplication
        focus = QApplication.focusWidget()
        if focus is not None and focus.objectName() == "contents-tree":
            return  # arrowing through the tree: the row just read says where
        prefix = "تم اتباع الرابط إلى " if self._via_link else "فُتحت "
        reader_access.announce(self, prefix + cite)


#: a link's hover preview: this many lines of the target, this wide
PREVIEW_LINES = 3
PREVIEW_WIDTH = 70


def link_preview(para: Paragraph, citation: str | None = None) -> str:
    """What hovering a cross-reference shows: the target's citation
    (``citation``: THE full citation, from ContentStore.citation), then its
    first lines (cut at a word, "…" after)."""
    import textwrap

    label = f"{para.label} " if para.label and para.label.isdigit() else ""
    lines = textwrap.wrap(strip_joiners(label + " ".join((para.text or "").split())),
                          PREVIEW_WIDTH)
    shown = lines[:PREVIEW_LINES]
    if len(lines) > PREVIEW_LINES:
        shown[-1] += " …"
    # RLM first: a line that starts with a symbol (CTOC/...) would turn left-to-right
    preview = "\n".join(RLM + line for line in shown)
    return (citation or para.citation or para.id) + ("\n\n" + preview if shown else "")


def next_span(spans, position: int):
    """The first link starting at or after `position` (spans in reading order)."""
    return next((span for span in spans if span.start >= position), None)


def previous_span(spans, position: int):
    """The last link ending at or before `position`."""
    return next((span for span in reversed(spans) if span.end <= position), None)
