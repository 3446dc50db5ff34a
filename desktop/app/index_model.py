"""The thematic index as a Qt model: themes → entries, asked lazily.

Columns: theme (or, for an entry, its document symbol), decision, locator,
status. ``ThemeFilter`` keeps the themes whose name contains the typed text
once both are folded (desktop.search.normalize.fold: no diacritics,
alef/ya/ta-marbuta variants merged), and their entries with them.
"""

from __future__ import annotations

from PySide6.QtCore import (QAbstractItemModel, QModelIndex, QSortFilterProxyModel,
                            Qt)
from PySide6.QtGui import QBrush, QColor

from desktop.content.records import IndexEntry, Theme
from desktop.content.store import ContentStore
from desktop.search.normalize import fold

HEADERS = ("الموضوع / الوثيقة", "القرار/المقرر", "الموضع في الخلاصة", "الحالة")
STATUS_TEXT = {"resolved": "محدد", "corrected": "مصحح", "unresolved": "غير محدد"}
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 2
THEME_ROLE = Qt.ItemDataRole.UserRole + 3
FOLDED_ROLE = Qt.ItemDataRole.UserRole + 4


class _ThemeItem:
    __slots__ = ("theme", "row", "entries", "folded")

    def __init__(self, theme: Theme, row: int):
        self.theme = theme
        self.row = row
        self.entries: list[_EntryItem] | None = None
        self.folded = fold(theme.name)


class _EntryItem:
    __slots__ = ("entry", "parent", "row")

    def __init__(self, entry: IndexEntry, parent: _ThemeItem, row: int):
        self.entry = entry
        self.parent = parent
        self.row = row


class IndexModel(QAbstractItemModel):
    def __init__(self, store: ContentStore, parent=None):
        super().__init__(parent)
        self.store = store
        self._themes = [_ThemeItem(t, row) for row, t in enumerate(store.themes())]

    def _entries(self, item: _ThemeItem) -> list[_EntryItem]:
        if item.entries is None:
            item.entries = [_EntryItem(e, item, row) for row, e in
                            enumerate(self.store.index_entries(item.theme.id))]
        return item.entries

    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        if row < 0 or not 0 <= column < len(HEADERS):
            return QModelIndex()
        if not parent.isValid():
            if row < len(self._themes):
                return self.createIndex(row, column, self._themes[row])
            return QModelIndex()
        item = parent.internalPointer()
        if isinstance(item, _ThemeItem):
            entries = self._entries(item)
            if row < len(entries):
                return self.createIndex(row, column, entries[row])
        return QModelIndex()

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:
        if not index.isValid():
            return QModelIndex()
        item = index.internalPointer()
        if isinstance(item, _EntryItem):
            return self.createIndex(item.parent.row, 0, item.parent)
        return QModelIndex()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._themes)
        if parent.column() > 0:
            return 0
        item = parent.internalPointer()
        return len(self._entries(item)) if isinstance(item, _ThemeItem) else 0

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return len(HEADERS)

    def hasChildren(self, parent: QModelIndex = QModelIndex()) -> bool:
        if not parent.isValid():
            return bool(self._themes)
        item = parent.internalPointer()
        return isinstance(item, _ThemeItem) and parent.column() == 0 and \
            item.theme.entry_count > 0

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = index.internalPointer()
        col = index.column()
        if isinstance(item, _ThemeItem):
            if role == Qt.ItemDataRole.DisplayRole and col == 0:
                return item.theme.name
            if role == Qt.ItemDataRole.DisplayRole and col == 3:
                return f"{item.theme.entry_count}"
            if role == THEME_ROLE:
                return item.theme.id
            if role == FOLDED_ROLE:
                return item.folded
            return None
        entry = item.entry
        if role == Qt.ItemDataRole.DisplayRole:
            return (entry.symbol or "", entry.decision or "", entry.locator or "",
                    STATUS_TEXT.get(entry.status, entry.status))[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [entry.locator or ""]
            if entry.report_paragraphs:
                lines.append(f"فقرات التقرير: {entry.report_paragraphs}")
            lines.append(STATUS_TEXT.get(entry.status, entry.status))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ForegroundRole and not entry.resolved:
            return QBrush(QColor("#a33"))
        if role == ENTRY_ROLE:
            return entry.id
        return None

    def entry(self, index: QModelIndex) -> IndexEntry | None:
        item = index.internalPointer() if index.isValid() else None
        return item.entry if isinstance(item, _EntryItem) else None

    def theme(self, index: QModelIndex) -> Theme | None:
        item = index.internalPointer() if index.isValid() else None
        return item.theme if isinstance(item, _ThemeItem) else None

    def row_of_theme(self, theme_id: str) -> int:
        for item in self._themes:
            if item.theme.id == theme_id:
                return item.row
        return -1


class ThemeFilter(QSortFilterProxyModel):
    """Themes whose folded name contains the folded filter text."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._needle = ""

    def set_text(self, text: str) -> None:
        # begin/endFilterChange replace the deprecated invalidateFilter (Qt 6.9+)
        self.beginFilterChange()
        self._needle = fold(text or "").strip()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        if source_parent.isValid():
            return True
        if not self._needle:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        folded = self.sourceModel().data(index, FOLDED_ROLE) or ""
        return all(word in folded for word in self._needle.split())
