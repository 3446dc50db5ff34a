"""The thematic index tab: a filter box over the themes, their entries below.

A click on an entry opens its first target paragraph; unresolved entries
are shown in red and open nothing (the status column says so, the tooltip
why).  An entry the source prints twice is shown greyed as «مكرر في المصدر»
and is not counted in its theme's total.
"""

from __future__ import annotations

from PySide6.QtCore import (QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt,
                            QTimer, Signal)
from PySide6.QtGui import QBrush, QColor, QPalette, QShowEvent
from PySide6.QtWidgets import (QHeaderView, QLabel, QLineEdit, QStyledItemDelegate,
                               QStyleOptionViewItem, QTreeView, QVBoxLayout, QWidget)

from desktop.content.records import IndexEntry
from desktop.content.store import ContentStore
from desktop.app.index_model import (COUNT_COLUMN, STATUS_COLUMN, IndexModel, ThemeFilter,
                                     status_legend, theme_text)

DUPLICATE_TEXT = "مكرر في المصدر"
DUPLICATE_MEANING = "يطبع المصدر هذا الإدخال مرتين تحت الموضوع نفسه؛ لا يُحسب في عدد الموضوع"
DUPLICATE_COLOUR = "#8a8a8a"
#: the legend under the list (the full meanings: its tool tip, IndexPanel.legend_text)
LEGEND_LINE = ("محدد: وُجد الموضع · مصحح: صُحّح موضع خاطئ في الفهرس\n"
               "غير محدد (بالأحمر): لم يوجد · مكرر في المصدر (بالرمادي): لا يُحسب")


class IndexEntriesFilter(ThemeFilter):
    """ThemeFilter plus what the panel says about duplicates and unresolved
    entries: a theme's total counts each entry once, a duplicate row is
    greyed with «مكرر في المصدر», an unresolved entry's tooltip gives the reason."""

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> str | int | QBrush | None:
        source = self.mapToSource(index)
        model = self.sourceModel()
        assert isinstance(model, IndexModel)     # set by the panel, never another model
        entry = model.entry(source) if source.isValid() else None
        if entry is None:
            theme = model.theme(source) if source.isValid() else None
            if theme is not None and theme.duplicate_count:
                counted = theme.entry_count - theme.duplicate_count
                if role == Qt.ItemDataRole.DisplayRole and index.column() == COUNT_COLUMN:
                    return str(counted)
                if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                    return (f"{theme_text(theme.name, counted)}؛ "
                            f"ولا يُحسب {theme.duplicate_count} {DUPLICATE_TEXT}")
            return super().data(index, role)
        if entry.duplicate_of is not None:
            if role == Qt.ItemDataRole.DisplayRole and index.column() == STATUS_COLUMN:
                return DUPLICATE_TEXT
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(DUPLICATE_COLOUR))
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{super().data(index, role) or ''}\n{DUPLICATE_TEXT}: {DUPLICATE_MEANING}"
            if role == Qt.ItemDataRole.AccessibleDescriptionRole:
                return f"{DUPLICATE_TEXT}: {DUPLICATE_MEANING}"
        elif not entry.resolved and role == Qt.ItemDataRole.ToolTipRole and entry.note:
            return f"{super().data(index, role) or ''}\nسبب عدم التحديد: {entry.note}"
        return super().data(index, role)


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text. QTreeView asks a row's height
    with no column width (so wrapped text was cut and elided); this gives
    the delegate the column's width."""

    def __init__(self, view: QTreeView):
        super().__init__(view)
        self.view = view

    #: the columns whose texts wrap (the others are as wide as their texts)
    WRAPPED = (0, 1, 2, STATUS_COLUMN)

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        if index.column() not in self.WRAPPED:
            return super().sizeHint(option, index)
        option = QStyleOptionViewItem(option)
        width = self.view.header().sectionSize(index.column())
        if index.column() == 0:
            depth, parent = 0, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            width -= self.view.indentation() * (depth + 1)
        option.rect = QRect(0, 0, max(width - 8, 20), 1_000_000)
        return super().sizeHint(option, index)


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
        # never cut a text: «سابعاً-11 وسابعاً-13 وسابعاً-15 وسابعاً-16» elided in
        # the middle read «سابعاً-1…سابعاً-16», a range; long texts wrap instead
        self.view.setUniformRowHeights(False)
        self.view.setWordWrap(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.view.setItemDelegate(WrappingDelegate(self.view))
        self.view.setAlternatingRowColors(True)
        self.view.setAccessibleDescription(self.legend_text())
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
        # what «محدد» / «مصحح» / «غير محدد» / «مكرر في المصدر» mean, under the list
        self.legend = QLabel(LEGEND_LINE, self)
        self.legend.setToolTip(self.legend_text())
        self.legend.setAccessibleDescription(self.legend_text())
        self.legend.setObjectName("index-legend")
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.PlainText)
        self.legend.setAccessibleName("معاني الحالات")
        self._dim_legend()
        layout.addWidget(self.legend)

    @staticmethod
    def legend_text() -> str:
        return (status_legend("\n").replace("غير محدد:", "غير محدد (بالأحمر):")
                + f"\n{DUPLICATE_TEXT} (بالرمادي): {DUPLICATE_MEANING}")

    def attach_model(self) -> None:
        if self.view.model() is self.proxy:
            return
        self.view.setModel(self.proxy)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(24)
        # headers wrap too rather than lose their last words
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag.AlignVCenter
                                   | Qt.TextFlag.TextWordWrap)
        for column in range(header.count()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.view.setIndentation(14)
        self.fit_columns()
        # a column's new width changes how many lines its texts take
        self._relayout = QTimer(self, singleShot=True, interval=0)
        self._relayout.timeout.connect(self.view.doItemsLayout)
        header.sectionResized.connect(lambda *_: self._relayout.start())
        self.view.viewport().installEventFilter(self)

    def column_minimums(self) -> list[int]:
        """The narrowest each column may be without breaking a word: texts
        wrap between words only (a break inside «سابعاً-13» would change it)."""
        advance = self.view.fontMetrics().horizontalAdvance
        pad = 10
        return [advance("CTOC/COP/WG.2/2013/5") + 2 * self.view.indentation() + pad,
                max(advance("المقرر"), advance("10/10")) + pad,  # «القرار 6/5» on two lines
                max(advance("وسابعاً-13"), advance("وخامساً-(ل)"), advance("الخلاصة")) + pad,
                max(advance(w) for w in ("محدد", "مصحح", "الحالة", "المصدر")) + pad,
                max(advance("العدد"), advance("000")) + pad]

    def fit_columns(self) -> None:
        """Every column at its minimum, the locator taking what is left
        (again when the zoom changes the font)."""
        header = self.view.header()
        widths = self.column_minimums()
        spare = self.view.viewport().width() - sum(widths)
        widths[2] += max(0, spare)
        for column, width in enumerate(widths):
            header.resizeSection(column, width)
        # as tall as the header that wraps onto the most lines (two at least)
        metrics = header.fontMetrics()
        flags = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)
        tallest = max((metrics.boundingRect(QRect(0, 0, max(1, width - 8), 10_000), flags,
                                            str(self.proxy.headerData(
                                                column, Qt.Orientation.Horizontal) or ""))
                       .height() for column, width in enumerate(widths)), default=0)
        header.setMinimumHeight(max(2 * metrics.height(), tallest) + 8)

    def _dim_legend(self) -> None:
        """The legend in the placeholder colour, from the panel's palette (again
        when that changes). Not a style sheet: one widget's style sheet set up
        Qt's style-sheet style, ~0.25 MiB resident from the start (issue 17)."""
        palette = self.legend.palette()
        palette.setColor(QPalette.ColorRole.WindowText,
                         self.palette().color(QPalette.ColorRole.PlaceholderText))
        self.legend.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self.view.model() is self.proxy:
            self.fit_columns()
        elif event.type() == QEvent.Type.PaletteChange:
            self._dim_legend()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
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

    def open_entry(self, entry: IndexEntry) -> bool:
        if not entry.targets:
            return False
        self.paragraphRequested.emit(entry.targets[0], list(entry.targets))
        return True

    def show_theme(self, theme_id: int | str) -> None:
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
