"""The thematic index as a Qt model: themes → entries, asked lazily.

Columns: theme (or, for an entry, its document symbol), decision, locator,
status, and the theme's number of entries under its own header. Every cell
gives its whole text as a tool tip and to screen readers (the view wraps,
never elides: «سابعاً-11 … سابعاً-16» cut in the middle read as a range);
each status says what it means (STATUS_MEANING). ``ThemeFilter`` keeps the themes whose name contains the typed text
once both are folded (desktop.search.normalize.fold: no diacritics,
alef/ya/ta-marbuta variants merged), and their entries with them.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.app.item_model import ItemModel

from desktop.content.records import IndexEntry, Theme
from desktop.content.store import ContentStore
from desktop.search.normalize import fold

HEADERS = ("الموضوع / الوثيقة", "القرار أو المقرر", "الموضع في الخلاصة", "الحالة", "العدد")
HEADER_TIPS = ("الموضوع، وتحته وثائق إدخالاته", "القرار أو المقرر الذي يذكره الإدخال",
               "الموضع الذي يحيل إليه الفهرس في الخلاصة", "",
               "عدد إدخالات الموضوع في الفهرس")
STATUS_COLUMN, COUNT_COLUMN = 3, 4
STATUS_TEXT = {"resolved": "محدد", "corrected": "مصحح", "unresolved": "غير محدد"}
#: what each status means, for the legend, the tool tips and screen readers
STATUS_MEANING = {
    "resolved": "عُثر في الخلاصة على الموضع الذي يذكره الفهرس؛ النقر يفتحه",
    "corrected": "الموضع المطبوع في الفهرس خاطئ وصُحّح بعد المراجعة؛ النقر يفتح الموضع الصحيح",
    "unresolved": "تعذّر العثور على الموضع الذي يذكره الفهرس؛ النقر لا يفتح شيئاً",
}
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


class IndexModel(ItemModel):
    def __init__(self, store: ContentStore, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self._themes = [_ThemeItem(t, row) for row, t in enumerate(store.themes())]

    def _entries(self, item: _ThemeItem) -> list[_EntryItem]:
        if item.entries is None:
            item.entries = [_EntryItem(e, item, row) for row, e in
                            enumerate(self.store.index_entries(item.theme.id))]
        return item.entries

    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:
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

    def parent_index(self, item: _ThemeItem | _EntryItem) -> QModelIndex:
        if isinstance(item, _EntryItem):
            return self.createIndex(item.parent.row, 0, item.parent)
        return QModelIndex()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._themes)
        if parent.column() > 0:
            return 0
        item = parent.internalPointer()
        return len(self._entries(item)) if isinstance(item, _ThemeItem) else 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return len(HEADERS)

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        if not parent.isValid():
            return bool(self._themes)
        item = parent.internalPointer()
        return isinstance(item, _ThemeItem) and parent.column() == 0 and \
            item.theme.entry_count > 0

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> str | None:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS[section] or status_legend("\n")
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> str | int | QBrush | None:
        if not index.isValid():
            return None
        item = index.internalPointer()
        col = index.column()
        if isinstance(item, _ThemeItem):
            if role == Qt.ItemDataRole.DisplayRole and col == 0:
                return item.theme.name
            if role == Qt.ItemDataRole.DisplayRole and col == COUNT_COLUMN:
                return f"{item.theme.entry_count}"
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return theme_text(item.theme.name, item.theme.entry_count)
            if role == THEME_ROLE:
                return item.theme.id
            if role == FOLDED_ROLE:
                return item.folded
            return None
        entry = item.entry
        if role == Qt.ItemDataRole.DisplayRole:
            return (shown_symbol(entry.symbol), entry.decision or "", entry.locator or "",
                    STATUS_TEXT.get(entry.status, entry.status), "")[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(entry_lines(entry))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return "، ".join(entry_lines(entry)[:-1])
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return status_meaning(entry.status)
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

    def row_of_theme(self, theme_id: int | str) -> int:
        for item in self._themes:
            if item.theme.id == theme_id:
                return item.row
        return -1


def shown_symbol(symbol: str | None) -> str:
    """A joint symbol («…/WG.2/2018/3-CTOC/COP/WG.3/2018/3») wraps after its
    hyphen; LEFT-TO-RIGHT MARKs around it keep the hyphen at the end of the
    first line's symbol (in a right-to-left row it went to the far left)."""
    return (symbol or "").replace("-", "\u200e-\u200e")


def status_meaning(status: str) -> str:
    return f"{STATUS_TEXT.get(status, status)}: {STATUS_MEANING.get(status, '')}"


def status_legend(separator: str = " · ") -> str:
    return separator.join(status_meaning(s) for s in STATUS_TEXT)


def theme_text(name: str, count: int) -> str:
    return f"{name}، {count} إدخالاً"


def entry_lines(entry: IndexEntry) -> list[str]:
    """An entry in full: every column's text with its name, then what its
    status means (the tool tip; screen readers get the same)."""
    lines = []
    if entry.symbol:
        lines.append(f"الوثيقة: {entry.symbol}")
    if entry.decision:
        lines.append(f"القرار/المقرر: {entry.decision}")
    if entry.locator:
        lines.append(f"الموضع في الخلاصة: {entry.locator}")
    if entry.report_paragraphs:
        lines.append(f"فقرات التقرير: {entry.report_paragraphs}")
    lines.append(f"الحالة: {STATUS_TEXT.get(entry.status, entry.status)}")
    lines.append(STATUS_MEANING.get(entry.status, ""))
    return lines


class ThemeFilter(QSortFilterProxyModel):
    """Themes whose folded name contains the folded filter text."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._needle = ""

    def set_text(self, text: str) -> None:
        # begin/endFilterChange replace the deprecated invalidateFilter (Qt 6.9+)
        self.beginFilterChange()
        self._needle = fold(text or "").strip()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if source_parent.isValid():
            return True
        if not self._needle:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        folded = self.sourceModel().data(index, FOLDED_ROLE) or ""
        return all(word in folded for word in self._needle.split())
