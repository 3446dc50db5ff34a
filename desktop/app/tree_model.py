"""The contents tree as a Qt model that asks the store lazily.

Part A → meetings (with dates) → paragraphs; Part B → sessions →
decisions/resolutions → annexes and sections → paragraphs; every other
document's top nodes after the compendium's. Children are fetched from the
store the first time a node is expanded or asked for, never copied up front.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.app.item_model import ItemModel

from desktop.content.records import Node, Paragraph
from desktop.content.store import ContentStore, StoreError

#: Role holding ("node" | "paragraph", id) for an index.
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
SNIPPET_CHARS = 70


class _Item:
    __slots__ = ("record", "parent", "row", "children")

    def __init__(self, record: Node | Paragraph | None, parent: "_Item | None", row: int):
        self.record = record
        self.parent = parent
        self.row = row
        self.children: list[_Item] | None = None

    @property
    def is_paragraph(self) -> bool:
        return isinstance(self.record, Paragraph)


def node_text(node: Node) -> str:
    """How a node reads in the tree: heading, then a decision's title or the dates."""
    text = node.heading or node.id
    if node.kind in ("decision", "resolution") and node.title:
        text = f"{text}: {node.title}"
    if node.dates:
        text = f"{text} ({node.dates})"
    if node.kind == "gap":                      # a meeting or session no source holds
        text = f"{text} — غير وارد في المصادر"
    elif node.kind in ("session", "meeting") and node.title:
        text = f"{text} — ملحق، ليس من طبعة 2021"   # drawn from the COP 12 report
    return text


def paragraph_text(para: Paragraph) -> str:
    label = para.label or ""
    snippet = " ".join((para.text or "").split())
    if para.damaged:
        snippet = f"[نص تالف] {snippet}"
    if len(snippet) > SNIPPET_CHARS:
        snippet = snippet[:SNIPPET_CHARS].rstrip() + "…"
    return f"{label}  {snippet}".strip() if label else snippet


def _key(record: Node | Paragraph) -> tuple[str, str]:
    return ("paragraph" if isinstance(record, Paragraph) else "node", record.id)


class ContentTreeModel(ItemModel):
    def __init__(self, store: ContentStore, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self._root = _Item(None, None, 0)

    # loading

    def _children(self, item: _Item) -> list[_Item]:
        if item.children is None:
            if item.is_paragraph:
                item.children = []
            else:
                node_id = None if item.record is None else item.record.id
                # Qt models must never raise into Qt (an exception here, then
                # scrollTo, ended in SIGSEGV): a damaged page leaves the node
                # empty and the rest of the book reads.
                try:
                    records = self.store.children(node_id)
                except StoreError as exc:
                    logging.getLogger(__name__).warning("tree: %s", exc)
                    records = []
                item.children = [_Item(rec, item, row) for row, rec in enumerate(records)]
        return item.children

    def _item(self, index: QModelIndex | QPersistentModelIndex) -> _Item:
        return index.internalPointer() if index.isValid() else self._root

    # QAbstractItemModel

    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        children = self._children(self._item(parent))
        if row >= len(children):
            return QModelIndex()
        return self.createIndex(row, 0, children[row])

    def parent_index(self, item: _Item) -> QModelIndex:
        up = item.parent
        if up is None or up is self._root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if parent.column() > 0:
            return 0
        return len(self._children(self._item(parent)))

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 1

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        item = self._item(parent)
        if item.is_paragraph:
            return False
        if item.children is None and item.record is not None:
            # asked for every row shown (its branch mark): loading a
            # meeting's paragraphs for it cost the start-up's tree ~4 ms
            # for the meetings beside the start paragraph's (issue 17)
            try:
                return item.record.id in self.store.nodes_with_children()
            except StoreError as exc:
                logging.getLogger(__name__).warning("tree: %s", exc)
                return False
        return bool(self._children(item))

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> str | tuple[str, str] | None:
        if not index.isValid():
            return None
        record = self._item(index).record
        if record is None:      # the root has no index
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return paragraph_text(record) if isinstance(record, Paragraph) else node_text(record)
        if role == Qt.ItemDataRole.ToolTipRole:
            if isinstance(record, Paragraph):
                return record.citation or record.id
            return (node_text(record) + (f"\n{record.symbol}" if record.symbol else "")
                    + (f"\n{record.title}" if record.kind in ("gap", "session", "meeting")
                       and record.title else ""))
        if role == KEY_ROLE:
            return _key(record)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return self.level_text(index)
        return None

    def level_text(self, index: QModelIndex | QPersistentModelIndex) -> str:
        """What a screen reader says after the row: its level in the tree
        (Qt's AT-SPI bridge gives tree rows no level of its own)."""
        level = 1
        parent = index.parent()
        while parent.isValid():
            level += 1
            parent = parent.parent()
        return f"المستوى {level}"

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> str | None:
        # the header is hidden, but screen readers still read the column's name
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return "المحتويات"
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # lookups

    def key(self, index: QModelIndex) -> tuple[str, str] | None:
        """("node" | "paragraph", id) of a row (the KEY_ROLE data)."""
        record = self._item(index).record if index.isValid() else None
        return _key(record) if record is not None else None

    def index_for_paragraph(self, paragraph_id: str, load: bool = True) -> QModelIndex:
        """The tree index of a paragraph (loading the nodes on its way;
        ``load=False``: invalid unless they are loaded already)."""
        try:
            para = self.store.paragraph(paragraph_id)
        except StoreError:
            return QModelIndex()
        if para is None:
            return QModelIndex()
        index = self.index_for_node(para.node_id, load)
        if not index.isValid():
            return QModelIndex()
        return self._find_child(index, paragraph_id, paragraphs=True, load=load)

    def index_for_node(self, node_id: str, load: bool = True) -> QModelIndex:
        index = QModelIndex()
        try:
            chain = self.store.ancestors(node_id)
        except StoreError:
            return QModelIndex()
        for node in chain:
            index = self._find_child(index, node.id, paragraphs=False, load=load)
            if not index.isValid():
                return QModelIndex()
        return index

    def _find_child(self, parent: QModelIndex, record_id: str, paragraphs: bool,
                    load: bool = True) -> QModelIndex:
        item = self._item(parent)
        if not load and item.children is None:
            return QModelIndex()
        for row, child in enumerate(self._children(item)):
            record = child.record       # a child always has one (only the root has none)
            if child.is_paragraph == paragraphs and record is not None and record.id == record_id:
                return self.index(row, 0, parent)
        return QModelIndex()
