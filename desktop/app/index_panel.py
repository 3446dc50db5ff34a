"""The thematic index tab: a filter box over the themes, their entries below.

A click on an entry opens its first target paragraph; unresolved entries
are shown in red and open nothing (the status column says so, the tooltip
why).  An entry the source prints twice is shown greyed as «مكرر في المصدر»
and is not counted in its theme's total.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QLineEdit, QTreeView, QVBoxLayout, QWidget

from desktop.content.store import ContentStore
from desktop.app.index_model import IndexModel, ThemeFilter

DUPLICATE_TEXT = "مكرر في المصدر"
DUPLICATE_COLOUR = "#8a8a8a"
STATUS_COLUMN = 3


class IndexEntriesFilter(ThemeFilter):
    """ThemeFilter plus what the panel says about duplicates and unresolved
    entries: a theme's total counts each entry once, a duplicate row is
    greyed with «مكرر في المصدر», an unresolved entry's tooltip gives the reason."""

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        source = self.mapToSource(index)
        model = self.sourceModel()
        entry = model.entry(source) if source.isValid() else None
        if entry is None:
            theme = model.theme(source) if source.isValid() else None
            if theme is not None and theme.duplicate_count:
                if role == Qt.ItemDataRole.DisplayRole and index.column() == STATUS_COLUMN:
                    return str(theme.entry_count - theme.duplicate_count)
                if role == Qt.ItemDataRole.ToolTipRole:
                    return (f"{theme.entry_count - theme.duplicate_count} إدخالاً؛ "
                            f"ولا يُحسب {theme.duplicate_count} {DUPLICATE_TEXT}")
            return super().data(index, role)
        if entry.duplicate_of is not None:
            if role == Qt.ItemDataRole.DisplayRole and index.column() == STATUS_COLUMN:
                return DUPLICATE_TEXT
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(DUPLICATE_COLOUR))
            if role == Qt.ItemDataRole.ToolTipRole:
                return (f"{super().data(index, role) or ''}\n{DUPLICATE_TEXT}: "
                        "يطبع المصدر هذا الإدخال مرتين تحت الموضوع نفسه؛ لا يُحسب في مجموعه")
        elif not entry.resolved and role == Qt.ItemDataRole.ToolTipRole and entry.note:
            return f"{super().data(index, role) or ''}\nسبب عدم التحديد: {entry.note}"
        return super().data(index, role)


class IndexPanel(QWidget):
    #: (paragraph id, all target ids of the entry)
    paragraphRequested = Signal(str, list)

    def __init__(self, store: ContentStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("index-panel")
        self.store = store
        self.model = IndexModel(store, self)
        self.proxy = IndexEntriesFilter(self)
        self.proxy.setSourceModel(self.model)

        self.filter_box = QLineEdit(self)
        self.filter_box.setObjectName("theme-filter")
        self.filter_box.setPlaceholderText("تصفية المواضيع…")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.filter_box.textChanged.connect(self.proxy.set_text)

        self.view = QTreeView(self)
        self.view.setObjectName("index-view")
        # the model goes in when the tab is first shown (attach_model): sizing
        # its columns to their contents reads every row, which the start
        # (with the contents tab in front) does not need
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.view.setExpandsOnDoubleClick(False)
        self.view.clicked.connect(self._on_clicked)
        self.view.activated.connect(self._on_activated)  # Enter on an entry

        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.filter_box)
        if not store.has_index():
            note = QLabel("لا يتضمن هذا الإصدار من قاعدة البيانات الفهرس المواضيعي.", self)
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addWidget(self.view)

    def attach_model(self) -> None:
        if self.view.model() is self.proxy:
            return
        self.view.setModel(self.proxy)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(40)
        # the symbol column wide enough for CTOC/COP/WG.2/2013/5 under a theme;
        # the locator takes what is left; decision and status fit their text
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, self.fontMetrics().horizontalAdvance("CTOC/COP/WG.2/2013/5") + 48)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)

    def showEvent(self, event) -> None:
        self.attach_model()
        super().showEvent(event)

    def set_filter(self, text: str) -> None:
        self.attach_model()
        self.filter_box.setText(text)

    def visible_themes(self) -> list[str]:
        self.attach_model()
        return [self.proxy.index(row, 0).data() for row in range(self.proxy.rowCount())]

    def _on_clicked(self, proxy_index: QModelIndex) -> None:
        source = self.proxy.mapToSource(proxy_index)
        entry = self.model.entry(source)
        if entry is None:
            # a theme: a click opens or closes its list of entries
            theme_index = proxy_index.siblingAtColumn(0)
            self.view.setExpanded(theme_index, not self.view.isExpanded(theme_index))
            return
        self.open_entry(entry)

    def _on_activated(self, proxy_index: QModelIndex) -> None:
        entry = self.model.entry(self.proxy.mapToSource(proxy_index))
        if entry is not None:
            self.open_entry(entry)

    def open_entry(self, entry) -> bool:
        if not entry.targets:
            return False
        self.paragraphRequested.emit(entry.targets[0], list(entry.targets))
        return True

    def show_theme(self, theme_id: str) -> None:
        """Select and expand a theme (e.g. from "what links here")."""
        row = self.model.row_of_theme(theme_id)
        if row < 0:
            return
        self.attach_model()
        self.filter_box.clear()
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.view.setCurrentIndex(index)
        self.view.expand(index)
        self.view.scrollTo(index)
