"""The reader's rendered units: one QTextDocument per unit, rendered once.

Parsing a unit's HTML and laying it out took most of an open (issue 17:
~10 ms for setHtml, up to 40 ms of layout for the longest units). The
reader keeps the last units it showed, and a few it expects next (the
units beside the open one, the units its links lead to: ``prefetch``), in
a small least-recently-used cache; opening a paragraph of one of them swaps
the document in (``QTextEdit.setDocument``, no parsing). Showing a document
lays it out anew (QTextEdit sets its page size, and Qt lays out again at any
page size set, even the same): no document is laid out before it is shown.

So the rendered HTML carries no "current paragraph": the document is
rendered with none selected (``render_unit(store, unit)``) and
``UnitDocument.set_current`` marks it on the document itself, exactly as
``render_unit(store, unit, selected)`` would have: the highlight background
on the paragraph's block and, after a damaged or reconstructed paragraph,
the block with the text as printed in the source
(``quality_html.after_selected``). Moving to another paragraph undoes both.
tests/unit/app/test_reader_documents.py holds the two side by side.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Callable, Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget
from PySide6.QtGui import (QColor, QTextBlock, QTextBlockFormat, QTextCharFormat, QTextCursor,
                           QTextDocument)

from desktop.content import editorial_html
from desktop.content.related import quality_html
from desktop.content.render import HIGHLIGHT_COLOUR, PARA_SCHEME, render_unit
from desktop.content.store import ContentStore

#: the tooltip of a corrected word starts so (editorial_html.CorrectionMark)
CORRECTED_PREFIX = "صُحّح في هذا التطبيق"
#: rendered units kept (about 0.3 MiB each, laid out; the longest ~1 MiB)
CACHE_LIMIT = 8
#: once an open has settled this long, units the reader may want next are
#: rendered ahead, this many, one per turn of the event loop
READ_AHEAD_DELAY_MS = 250
READ_AHEAD_UNITS = 3
_ANCHOR_PREFIX = "p-"


class Look(Protocol):
    """How the reader wants its documents (ReaderView is one)."""

    def load_page(self, document: QTextDocument, html: str) -> None:
        """Load a page's HTML into a new document: its default style sheet,
        the HTML in the page's colours."""

    def prepare_document(self, document: QTextDocument) -> None:
        """Font, size, direction, margins and width, once the HTML is in."""

    def page_colour(self, colour: str) -> str:
        """A colour written in the pages, as the reader shows it."""


class PlainLook:
    """The pages as rendered, in the reader's font at ``point_size``."""

    def __init__(self, point_size: int = 14):
        self.point_size = point_size

    def load_page(self, document: QTextDocument, html: str) -> None:
        document.setHtml(html)

    def prepare_document(self, document: QTextDocument) -> None:
        from desktop.app.application import reader_font
        document.setDefaultFont(reader_font(self.point_size))

    def page_colour(self, colour: str) -> str:
        return colour


class UnitDocument:
    """A unit's document and what the reader asks of it: which paragraph
    each block belongs to, which paragraph is marked current, which units
    its links lead to."""

    def __init__(self, unit_id: str, document: QTextDocument, paragraph_ids: list[str],
                 link_targets: list[str], look: Look):
        self.unit_id = unit_id
        self.look = look
        self.document = document
        self.paragraph_ids = paragraph_ids
        #: paragraph ids the unit's links point at, in reading order
        self.link_targets = link_targets
        #: text block number -> paragraph id (blocks after a paragraph's own
        #: -- "see also", the source text -- belong to it too)
        self.block_paragraph: dict[int, str] = {}
        #: the reader's style the document was prepared with
        self.style: object = None
        self.current: str | None = None
        self._source_block = False  # a source-text block follows the current paragraph
        self._map_blocks()

    def _map_blocks(self) -> None:
        mapping: dict[int, str] = {}
        block = self.document.begin()
        ids = self.paragraph_ids
        while block.isValid():
            state = block.userState()
            if 0 <= state < len(ids):
                mapping[block.blockNumber()] = ids[state]
            block = block.next()
        self.block_paragraph = mapping

    def first_block(self, paragraph_id: str) -> QTextBlock | None:
        """The paragraph's own block (the one that starts with its anchor)."""
        numbers = [n for n, pid in self.block_paragraph.items() if pid == paragraph_id]
        return self.document.findBlockByNumber(min(numbers)) if numbers else None

    def set_current(self, store: ContentStore, paragraph_id: str | None) -> bool:
        """Mark ``paragraph_id`` as the current paragraph (None: no paragraph);
        True when blocks were added or removed (positions moved)."""
        if paragraph_id == self.current:
            return False
        moved = self._unmark()
        self.current = None
        block = self.first_block(paragraph_id) if paragraph_id is not None else None
        if paragraph_id is None or block is None:
            self.document.setModified(False)
            return moved
        self.current = paragraph_id
        cursor = QTextCursor(block)
        highlight = QTextBlockFormat()
        highlight.setBackground(QColor(self.look.page_colour(HIGHLIGHT_COLOUR)))
        cursor.mergeBlockFormat(highlight)
        para = store.paragraph(paragraph_id)
        after = quality_html.after_selected(store.quality_rows([paragraph_id]).get(paragraph_id),
                                            para.depth if para else 0)
        if after:
            self._insert_after(block, "".join(after), self.paragraph_ids.index(paragraph_id))
            moved = True
        self.document.setModified(False)
        return moved

    def _unmark(self) -> bool:
        block = self.first_block(self.current) if self.current else None
        if block is None:
            return False
        plain = block.blockFormat()
        plain.clearBackground()
        QTextCursor(block).setBlockFormat(plain)
        if not self._source_block:
            return False
        added = block.next()
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        cursor.setPosition(added.position() + added.length() - 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        self._source_block = False
        self._map_blocks()
        return True

    def _insert_after(self, block: QTextBlock, html: str, index: int) -> None:
        """Insert ``html`` (one block) after ``block``, as the parser would
        have laid it out there (its block and character formats)."""
        parsed = QTextDocument()
        self.look.load_page(parsed, html)
        first = parsed.begin()
        whole = QTextCursor(parsed)
        whole.select(QTextCursor.SelectionType.Document)
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        cursor.insertBlock(first.blockFormat(), first.charFormat())
        cursor.insertFragment(whole.selection())
        block.next().setUserState(index)
        block.next().layout().setCacheEnabled(block.layout().cacheEnabled())
        self._source_block = True
        self._map_blocks()


def keep_glyphs(document: QTextDocument) -> None:
    """Have each block keep the glyphs its layout shaped (QTextLayout's
    cache), for a document about to be shown. Qt's document layout frees
    them after laying a block out, and every paint then shaped the text
    on screen again -- with Amiri's OpenType rules, the slowest part of a
    paint (issue 17: the reader's repaint 2.2 -> 0.5 ms)."""
    block = document.begin()
    while block.isValid():
        block.layout().setCacheEnabled(True)
        block = block.next()


def drop_glyphs(document: QTextDocument) -> None:
    """Free the glyphs keep_glyphs had kept, for a document no longer shown
    (it is laid out anew when shown again): the cached units would hold
    ~0.3 MiB each of shapes nobody paints. An empty layout run is what
    frees a block's layout data."""
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        if layout.cacheEnabled():
            layout.setCacheEnabled(False)
            layout.beginLayout()
            layout.endLayout()
        block = block.next()


def build_unit(store: ContentStore, unit_id: str, look: Look,
               parent: QObject | None = None) -> UnitDocument:
    """Render a unit (no paragraph current) into a new document. It is not
    laid out yet (no layout before it is shown): the edits
    here and in set_current cannot meet Qt's lazy layout half-way."""
    rendered = render_unit(store, unit_id)
    document = QTextDocument(parent)
    document.setUndoRedoEnabled(False)
    look.load_page(document, rendered.html)
    targets = _scan(document, rendered.paragraph_ids,
                    dotted=f'title="{CORRECTED_PREFIX}' in rendered.html)
    look.prepare_document(document)  # after the HTML: loading resets the root frame
    document.setModified(False)
    return UnitDocument(unit_id, document, rendered.paragraph_ids, targets, look)


def build_gap(store: ContentStore, node_id: str, look: Look,
              parent: QObject | None = None) -> UnitDocument:
    """The page of a meeting or session no source holds (a gap node)."""
    document = QTextDocument(parent)
    document.setUndoRedoEnabled(False)
    look.load_page(document, editorial_html.render_gap(store, node_id))
    look.prepare_document(document)
    document.setModified(False)
    return UnitDocument(node_id, document, [], [], look)


def _scan(document: QTextDocument, paragraph_ids: list[str], dotted: bool) -> list[str]:
    """One pass over the loaded document: number each block with its
    paragraph (block user state = index in ``paragraph_ids``), give the
    corrected words their dotted underline (Qt's HTML has none), and list
    the paragraphs the links lead to."""
    index = {pid: i for i, pid in enumerate(paragraph_ids)}
    targets: dict[str, None] = {}
    corrected: list[tuple[int, int]] = []
    state = -1
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            # a name (<a name>) rides on the fragment after it, which is
            # not necessarily a link itself
            for name in fmt.anchorNames():
                if name.startswith(_ANCHOR_PREFIX):
                    state = index.get(name[len(_ANCHOR_PREFIX):], state)
            if fmt.isAnchor():
                href = fmt.anchorHref()
                if href.startswith(PARA_SCHEME):
                    targets[href[len(PARA_SCHEME):]] = None
            if dotted and fmt.toolTip().startswith(CORRECTED_PREFIX):
                corrected.append((fragment.position(), fragment.position() + fragment.length()))
            it += 1
        block.setUserState(state)
        block = block.next()
    if corrected:
        dots = QTextCharFormat()
        dots.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        cursor = QTextCursor(document)
        for start, end in corrected:
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(dots)
    return list(targets)


class DocumentCache:
    """Rendered units: the last ``limit`` the reader showed, and up to
    ``ahead_limit`` rendered ahead and not shown yet; least recently used
    first. Rendering ahead never pushes out a unit the reader showed."""

    def __init__(self, store: ContentStore, look: Look, limit: int = CACHE_LIMIT,
                 parent: QObject | None = None, ahead_limit: int = READ_AHEAD_UNITS):
        #: the documents' QObject parent (the reader): Qt owns them, so none
        #: is freed while a text edit may still show it
        self.parent = parent
        self.store = store
        self.look = look
        self.limit = max(1, limit)
        self.ahead_limit = max(0, ahead_limit)
        self._units: OrderedDict[str, UnitDocument] = OrderedDict()
        self._ahead: set[str] = set()   # rendered ahead, not shown yet

    def __contains__(self, unit_id: str) -> bool:
        return unit_id in self._units

    def __len__(self) -> int:
        return len(self._units)

    def unit_ids(self) -> list[str]:
        """Cached units, least recently used first."""
        return list(self._units)

    def get(self, unit_id: str, gap: bool = False) -> UnitDocument:
        """The unit's document to show, rendered now if it is not cached; it
        becomes the most recently used."""
        unit = self._units.get(unit_id)
        if unit is None:
            build = build_gap if gap else build_unit
            unit = self._units[unit_id] = build(self.store, unit_id, self.look, self.parent)
        self._ahead.discard(unit_id)
        self._units.move_to_end(unit_id)
        self._trim()
        return unit

    def add_ahead(self, unit_id: str) -> UnitDocument | None:
        """Render a unit ahead of need (None: it is cached already)."""
        if unit_id in self._units or self.ahead_limit == 0:
            return None
        unit = self._units[unit_id] = build_unit(self.store, unit_id, self.look, self.parent)
        self._ahead.add(unit_id)
        self._trim()
        return unit

    def clear(self) -> list[UnitDocument]:
        """Forget every unit; returns them (the caller frees their documents
        once none is shown)."""
        gone = list(self._units.values())
        self._units.clear()
        self._ahead.clear()
        return gone

    def _trim(self) -> None:
        for ahead, limit in ((True, self.ahead_limit), (False, self.limit)):
            ids = [u for u in self._units if (u in self._ahead) == ahead]
            for unit_id in ids[:max(0, len(ids) - limit)]:  # the oldest go
                self._ahead.discard(unit_id)
                self._units.pop(unit_id).document.deleteLater()


class ReadAhead(QObject):
    """Renders, while the reader is idle, the units it may be asked for next:
    the units beside the open one (the tree's next and previous) and those
    its links lead to."""

    def __init__(self, reader: QWidget, cache: DocumentCache,
                 shown: Callable[[], UnitDocument | None], style: Callable[[], object]):
        super().__init__(reader)
        self.reader, self.cache, self.shown, self.style = reader, cache, shown, style
        #: how long the reader must have been idle (ms)
        self.delay = READ_AHEAD_DELAY_MS
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._step)
        self._queue: list[str] | None = None

    def schedule(self) -> None:
        """After an open: start over once the reader has been idle a while."""
        self._queue = None  # worked out when the timer fires
        self.timer.start(self.delay)

    def stop(self) -> None:
        self.timer.stop()
        self._queue = None

    def wanted(self) -> list[str]:
        """The units to render ahead for the shown one, most likely first."""
        shown = self.shown()
        store = self.cache.store
        unit = store.node(shown.unit_id) if shown is not None else None
        if shown is None or unit is None:
            return []
        wanted = [u for u in (self._beside(unit.id, 1), self._beside(unit.id, -1)) if u]
        wanted += [p.unit_id for p in store.paragraphs(shown.link_targets[:20])]
        return [u for u in dict.fromkeys(wanted) if u != unit.id][:READ_AHEAD_UNITS]

    def _beside(self, node_id: str, step: int) -> str | None:
        """The unit after (``step`` 1) or before (-1) a unit in the tree: its
        next sibling's, else its container's next sibling's (the next
        session's decision), gaps passed over."""
        store = self.cache.store
        node = store.node(node_id)
        while node is not None and node.parent_id:
            siblings = [n for n in store.child_nodes(node.parent_id)
                        if not editorial_html.is_gap(n)]
            at = next((i for i, n in enumerate(siblings) if n.id == node.id), None)
            if at is not None and 0 <= at + step < len(siblings):
                first = store.first_paragraph(siblings[at + step].id)
                return first.unit_id if first else None
            node = store.node(node.parent_id)
        return None

    def _step(self) -> None:
        if not self.reader.isVisible():  # closed, or never shown
            self._queue = None
            return
        if self._queue is None:
            self._queue = self.wanted()
        while self._queue:
            unit_id = self._queue.pop(0)
            if unit_id in self.cache or self.cache.store.node(unit_id) is None:
                continue
            unit = self.cache.add_ahead(unit_id)
            if unit is not None:
                # not laid out: showing it lays it out anew whatever it
                # holds (ReaderView._swap), a layout made here would be lost
                unit.style = self.style()
            break
        if self._queue:
            self.timer.start(0)
