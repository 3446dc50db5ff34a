"""The search tab: a search box with results as you type, filters, a results list.

Searching runs in a worker thread with its own read-only connection
(desktop.search.engine), after a short pause in typing; an answer that
arrives for an older text is dropped, so the list always matches the box and
the UI never waits for the database. Enter or a click asks for the paragraph
with ``paragraph_requested(id, terms)``: terms are the matched words as they
are spelled in that paragraph, for the reader to highlight. A misspelled
query shows «هل تقصد: …؟» as a button that searches the suggestion; partial
matches are headed «نتائج تطابق بعض كلمات البحث»; each hit says when it was
found through another form, a theme of the index, or is printed elsewhere too.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from PySide6.QtCore import (QAbstractListModel, QModelIndex, QObject, QRectF, QRunnable,
                            QSize, Qt, QThreadPool, QTimer, Signal, Slot)
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeySequence, QPalette, QTextDocument, QTextOption
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QGridLayout, QHBoxLayout,
                               QLabel, QLineEdit, QListView, QPushButton, QStyle,
                               QStyledItemDelegate, QStyleOptionViewItem, QVBoxLayout, QWidget)

from desktop.content.citations import RLM, count_phrase
from desktop.search import engine
from desktop.search.connection import SearchError, connect
from desktop.search.results import Result, Results, result_notes, short_query
from desktop.search.facets import FilterOptions, filter_options

#: Pause after the last keystroke before searching (ms).
DEBOUNCE_MS = 180
#: Results shown for one search.
PAGE_SIZE = 50
HIGHLIGHT_STYLE = "background-color:#ffd27f;"

ID_ROLE = Qt.ItemDataRole.UserRole + 1
TERMS_ROLE = Qt.ItemDataRole.UserRole + 2
HTML_ROLE = Qt.ItemDataRole.UserRole + 3
KIND_ROLE = Qt.ItemDataRole.UserRole + 4
PARTIAL_HEADING = "نتائج تطابق بعض كلمات البحث"
NOTE_STYLE = "color:#555555;"
HEADING_STYLE = "color:#7a4b00; font-weight:bold;"


def count_text(n: int) -> str:
    """`n` results, in Arabic number agreement (the one rule, in citations)."""
    return count_phrase(n, "نتيجة واحدة", "نتيجتان", "نتائج", "نتيجة", zero="لا نتائج")


# --- worker ----------------------------------------------------------------

_local = threading.local()


def _thread_connection(db_path: Path):
    """One read-only connection per pool thread (threads are reused)."""
    conns = getattr(_local, "conns", None)
    if conns is None:
        conns = _local.conns = {}
    conn = conns.get(db_path)
    if conn is None:
        # the window's store checked the file's pages when it opened it
        conn = conns[db_path] = connect(db_path, check=False)
    return conn


class _Relay(QObject):
    """Lives in the GUI thread; the task emits through it (queued)."""

    finished = Signal(int, object)   # generation, Results
    failed = Signal(int, str)        # generation, message


class SearchTask(QRunnable):
    """One search, run on the panel's single-thread pool."""

    def __init__(self, panel: "SearchPanel", generation: int, text: str, filters: dict):
        super().__init__()
        self.relay = panel.relay
        self.is_current = panel.is_current
        self.db_path = panel.db_path
        self.generation, self.text, self.filters = generation, text, filters

    def run(self) -> None:
        if not self.is_current(self.generation):  # the user typed on: skip
            return
        try:
            results = engine.search(_thread_connection(self.db_path), self.text,
                                    limit=PAGE_SIZE, as_you_type=True, **self.filters)
        except Exception as exc:  # never let a search take the app down
            message = str(exc) if isinstance(exc, SearchError) else \
                f"{type(exc).__name__}: {exc}"
            self._emit(self.relay.failed, message)
            return
        self._emit(self.relay.finished, results)

    def _emit(self, signal, payload) -> None:
        try:
            signal.emit(self.generation, payload)
        except RuntimeError:  # the panel was closed meanwhile
            pass


# --- results model and delegate ----------------------------------------------

class ResultsModel(QAbstractListModel):
    """One page of search Result rows."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._results: list[Result] = []
        self.partial_start: int | None = None

    def set_results(self, results) -> None:
        self.beginResetModel()
        self._results = list(results)
        self.partial_start = getattr(results, "partial_start", None)
        self.endResetModel()

    def result(self, row: int) -> Result | None:
        return self._results[row] if 0 <= row < len(self._results) else None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._results)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        r = self.result(index.row())
        if r is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            snip = r.snippet_parts.plain() if r.snippet_parts else r.snippet
            return f"{r.citation}\n{snip}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.citation
        if role == ID_ROLE:
            return r.id
        if role == TERMS_ROLE:
            return list(r.terms)
        if role == KIND_ROLE:
            return r.kind
        if role == HTML_ROLE:
            return result_html(r, heading=PARTIAL_HEADING if index.row() == self.partial_start
                               else None)
        return None


def result_html(r: Result, heading: str | None = None) -> str:
    """Citation line, highlighted snippet and notes; all text from the DB escaped.

    heading: a line above the result (the first partial match).
    """
    import html as _html

    snippet = (r.snippet_parts.html(f'<span style="{HIGHLIGHT_STYLE}">', "</span>")
               if r.snippet_parts else _html.escape(r.snippet))
    top = (f'<div dir="rtl" style="{HEADING_STYLE}">{RLM}{_html.escape(heading)}</div>'
           if heading else "")
    notes = "".join(f'<div dir="rtl" style="{NOTE_STYLE}"><small>{RLM}{_html.escape(n)}'
                    f'</small></div>' for n in result_notes(r))
    return (f'{top}<div dir="rtl"><b>{RLM}{_html.escape(r.citation)}</b></div>'
            f'<div dir="rtl">{snippet}</div>{notes}')


class HtmlDelegate(QStyledItemDelegate):
    """Paints HTML_ROLE as a right-to-left rich-text block."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        text_option = QTextOption()
        text_option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        text_option.setWrapMode(QTextOption.WrapMode.WordWrap)
        doc.setDefaultTextOption(text_option)
        doc.setDocumentMargin(4)
        doc.setHtml(index.data(HTML_ROLE) or "")
        doc.setTextWidth(max(50, option.rect.width()))
        return doc

    def paint(self, painter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(option, index)
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, option.rect.width(), option.rect.height()))
        ctx = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            ctx.palette.setColor(QPalette.ColorRole.Text,
                                 option.palette.color(QPalette.ColorRole.HighlightedText))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        width = option.rect.width()
        if width <= 0 and option.widget is not None:
            width = option.widget.viewport().width()
        opt = QStyleOptionViewItem(option)
        opt.rect.setWidth(max(200, width))
        doc = self._document(opt, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 2)


# --- the panel -----------------------------------------------------------------

class SearchPanel(QWidget):
    """Search box, filters, result count and results list."""

    #: (paragraph id, matched words as spelled in it)
    paragraph_requested = Signal(str, list)
    #: a thematic-index theme name (a hit on the theme's own name)
    theme_requested = Signal(str)
    #: emitted after each answer is shown (tests, status bar)
    results_shown = Signal(int)

    def __init__(self, db_path: Path | str, parent: QWidget | None = None,
                 debounce_ms: int = DEBOUNCE_MS):
        super().__init__(parent)
        self.setObjectName("search-panel")
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.db_path = Path(db_path)
        self._generation = 0
        self._shown_generation = 0
        self.error: str | None = None
        self.local_search = None

        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("search-box")
        self.search_box.setPlaceholderText("ابحث في النصوص… (Ctrl+K)")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.search_box.setToolTip(
            'كلمات (كلها مطلوبة)، "عبارة بين علامتي تنصيص"، -كلمة مستبعدة، بادئة*، '
            "أو موضع مثل سابعاً-13")

        self.part_box = QComboBox(self)
        self.part_box.setObjectName("filter-part")
        for label, value in (("كل الأجزاء", None), ("الجزء ألف", "A"), ("الجزء باء", "B")):
            self.part_box.addItem(label, value)
        self.unit_box = QComboBox(self)
        self.unit_box.setObjectName("filter-unit")
        self.year_box = QComboBox(self)
        self.year_box.setObjectName("filter-year")
        self.theme_box = QComboBox(self)
        self.theme_box.setObjectName("filter-theme")
        for box in (self.part_box, self.unit_box, self.year_box, self.theme_box):
            # Long meeting and theme names must not widen the navigation pane.
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(8)
        self.related_box = QCheckBox("تضمين الوثائق ذات الصلة", self)
        self.related_box.setObjectName("filter-related")
        self.clear_filters_button = QPushButton("إزالة عوامل التصفية", self)
        self.clear_filters_button.setObjectName("clear-filters")

        self.count_label = QLabel("", self)
        self.count_label.setObjectName("result-count")
        self.message = QLabel("", self)
        self.message.setObjectName("search-message")
        # it repeats the query: user text, never rendered as HTML
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.hide()
        #: «هل تقصد: …؟» — one click searches the suggestion
        self.suggestion_button = QPushButton("", self)
        self.suggestion_button.setObjectName("search-suggestion")
        self.suggestion_button.setFlat(True)
        self.suggestion_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.suggestion_button.setStyleSheet("color:#0645ad; text-decoration:underline;")
        self.suggestion_button.hide()
        self._suggestion: str | None = None
        #: what was done to the query (English read as Arabic, other forms searched)
        self.notes_label = QLabel("", self)
        self.notes_label.setTextFormat(Qt.TextFormat.PlainText)   # echoes the query
        self.notes_label.setObjectName("search-notes")
        self.notes_label.setWordWrap(True)
        self.notes_label.setStyleSheet(NOTE_STYLE)
        self.notes_label.hide()

        self.model = ResultsModel(self)
        self.view = QListView(self)
        self.view.setObjectName("search-results")
        self.view.setModel(self.model)
        self.view.setItemDelegate(HtmlDelegate(self.view))
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setUniformItemSizes(False)

        filters = QGridLayout()
        filters.addWidget(self.part_box, 0, 0)
        filters.addWidget(self.unit_box, 0, 1)
        filters.addWidget(self.year_box, 1, 0)
        filters.addWidget(self.theme_box, 1, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.related_box)
        bottom.addStretch(1)
        bottom.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.search_box)
        layout.addLayout(filters)
        layout.addLayout(bottom)
        suggestion_row = QHBoxLayout()  # right-to-left: the button sits at the right edge
        suggestion_row.addWidget(self.suggestion_button)
        suggestion_row.addStretch(1)
        layout.addLayout(suggestion_row)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.message)
        layout.addWidget(self.clear_filters_button)
        layout.addWidget(self.view, 1)
        self.clear_filters_button.hide()

        self.options = FilterOptions()
        self._load_options()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.search_now)

        self.relay = _Relay(self)
        self.relay.finished.connect(self._on_finished)
        self.relay.failed.connect(self._on_failed)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one search at a time; stale ones are skipped

        self.search_box.textChanged.connect(self._schedule)
        self.search_box.returnPressed.connect(self.open_current)
        self.search_box.installEventFilter(self)
        for box in (self.part_box, self.unit_box, self.year_box, self.theme_box):
            box.currentIndexChanged.connect(self._schedule)
        self.part_box.currentIndexChanged.connect(self._fill_units)
        self.related_box.toggled.connect(self._schedule)
        self.clear_filters_button.clicked.connect(self.clear_filters)
        self.suggestion_button.clicked.connect(self.search_suggestion)
        self.view.clicked.connect(self._open_index)
        self.view.activated.connect(self._open_index)

    # ---- filters ------------------------------------------------------------

    def _load_options(self) -> None:
        try:
            conn = connect(self.db_path, check=False)
            try:
                self.options = filter_options(conn)
            finally:
                conn.close()
        except (SearchError, sqlite3.Error) as exc:
            self.error = str(exc)
            # the opener's Arabic message (it names no Python command in the
            # installed app)
            why = exc.arabic if isinstance(exc, SearchError) else str(exc)
            self._show_message(f"البحث غير متاح. {why}")
            self.search_box.setEnabled(False)
            return
        self._fill_units()
        self.year_box.blockSignals(True)
        self.year_box.addItem("كل السنوات", None)
        for y in self.options.years:
            self.year_box.addItem(str(y), y)
        self.year_box.blockSignals(False)
        self.theme_box.blockSignals(True)
        self.theme_box.addItem("كل المواضيع", None)
        for t in self.options.themes:
            self.theme_box.addItem(t, t)
        self.theme_box.setEnabled(bool(self.options.themes))
        self.theme_box.blockSignals(False)

    def _fill_units(self) -> None:
        part = self.part_box.currentData()
        current = self.unit_box.currentData()
        self.unit_box.blockSignals(True)
        self.unit_box.clear()
        self.unit_box.addItem("كل الاجتماعات والدورات", None)
        for u in self.options.units:
            if u.part is None and not self.related_box.isChecked():
                continue
            if part and u.part != part:
                continue
            year = f" ({u.year})" if u.year else ""
            self.unit_box.addItem(f"{u.label}{year}", u.id)
        at = self.unit_box.findData(current)
        self.unit_box.setCurrentIndex(max(0, at))
        self.unit_box.blockSignals(False)

    def filters(self) -> dict:
        """The engine.search keyword arguments the controls stand for."""
        f = {}
        if self.part_box.currentData():
            f["part"] = self.part_box.currentData()
        if self.unit_box.currentData():
            f["unit"] = self.unit_box.currentData()
        if self.year_box.currentData():
            f["year"] = self.year_box.currentData()
        if self.theme_box.currentData():
            f["theme"] = self.theme_box.currentData()
        if not self.related_box.isChecked():
            f["document"] = "compendium"
        return f

    def active_filter_count(self) -> int:
        return sum(1 for k in ("part", "unit", "year", "theme") if k in self.filters())

    def clear_filters(self) -> None:
        for box in (self.part_box, self.unit_box, self.year_box, self.theme_box):
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        self._fill_units()
        self.search_now()

    # ---- searching ------------------------------------------------------------

    def set_query(self, text: str, immediately: bool = False) -> None:
        self.search_box.setText(text)
        if immediately:
            self.search_now()

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _schedule(self, *_args) -> None:
        if self.sender() is self.related_box:
            self._fill_units()
        self._timer.start()

    @Slot()
    def search_now(self) -> None:
        self._timer.stop()
        if self.error:
            return
        text = self.search_box.text()
        self._generation += 1
        # another source of results instead of the engine (personal.py's
        # «ملاحظاتي»): returns a list of results, or None to search as usual
        local = self.local_search(text) if self.local_search else None
        if local is not None:
            self._show_results(self._generation, local)
            return
        if not text.strip():
            self._show_results(self._generation, Results())
            return
        self.pool.start(SearchTask(self, self._generation, text, self.filters()))

    def is_current(self, generation: int) -> bool:
        """Thread-safe enough: reads one int the GUI thread writes."""
        return generation == self._generation

    @Slot(int, object)
    def _on_finished(self, generation: int, results) -> None:
        if generation != self._generation:
            return  # an answer to text the user has since changed
        self._show_results(generation, results)

    @Slot(int, str)
    def _on_failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self.model.set_results([])
        self._show_hints(None)
        self.count_label.setText("")
        self._show_message(f"تعذّر البحث: {message}")
        self.results_shown.emit(0)

    @Slot()
    def search_suggestion(self) -> None:
        """Search the «هل تقصد» suggestion (the button's click)."""
        if self._suggestion:
            self.set_query(self._suggestion, immediately=True)

    def _show_hints(self, results) -> None:
        suggestion = getattr(results, "suggestion", None)
        self._suggestion = suggestion
        if suggestion:
            self.suggestion_button.setText(f"{RLM}هل تقصد: {short_query(suggestion)}؟")
            self.suggestion_button.setToolTip(suggestion)
            self.suggestion_button.show()
        else:
            self.suggestion_button.hide()
        notes = list(getattr(results, "notes", ()) or ())
        self.notes_label.setText("\n".join(RLM + n for n in notes))
        self.notes_label.setVisible(bool(notes))

    def _show_results(self, generation: int, results) -> None:
        self._shown_generation = generation
        self.model.set_results(results)
        self._show_hints(results)
        text = self.search_box.text().strip()
        total = getattr(results, "total", len(results))
        if not text:
            self.count_label.setText("")
            self._hide_message()
        elif total == 0:
            self.count_label.setText(count_text(0))
            msg = f"لا توجد نتائج للبحث عن «{short_query(text)}»."
            if self.active_filter_count():
                msg += " جرّب إزالة عامل تصفية (الجزء، الاجتماع أو الدورة، السنة، الموضوع)."
                self.clear_filters_button.show()
            elif not self.related_box.isChecked():
                msg += " جرّب تضمين الوثائق ذات الصلة، أو كلمات أقل."
            else:
                msg += " جرّب كلمات أقل أو بادئة مثل تقني*."
            self._show_message(msg)
        else:
            shown = len(results)
            label = count_text(total)
            if getattr(results, "capped", False):
                label = f"أكثر من {label}"
            if shown < total:
                label += f" (تُعرض أول {shown})"
            self.count_label.setText(label)
            self._hide_message()
            self.view.setCurrentIndex(self.model.index(0, 0))
            self.view.scrollToTop()
        self.results_shown.emit(total)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _hide_message(self) -> None:
        self.message.hide()
        self.clear_filters_button.hide()

    # ---- opening ------------------------------------------------------------

    def result_count(self) -> int:
        return self.model.rowCount()

    def open_current(self) -> bool:
        """Open the selected result (the first one after a search)."""
        if self._timer.isActive():
            # Enter before the pause ended: search now; the result opens when shown.
            self.search_now()
            self.results_shown.connect(self._open_when_shown)
            return False
        index = self.view.currentIndex()
        if not index.isValid():
            index = self.model.index(0, 0)
        return self._open_index(index)

    @Slot(int)
    def _open_when_shown(self, _total: int) -> None:
        self.results_shown.disconnect(self._open_when_shown)
        self.open_current()

    @Slot(QModelIndex)
    def _open_index(self, index: QModelIndex) -> bool:
        r = self.model.result(index.row()) if index.isValid() else None
        if r is None:
            return False
        if r.kind == "theme":
            self.theme_requested.emit(r.id)
        else:
            self.paragraph_requested.emit(r.id, list(r.terms))
        return True

    def eventFilter(self, watched, event) -> bool:
        from PySide6.QtCore import QEvent

        if watched is self.search_box and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.model.rowCount():
                row = self.view.currentIndex().row()
                row = row + 1 if key == Qt.Key.Key_Down else row - 1
                row = max(0, min(self.model.rowCount() - 1, row))
                self.view.setCurrentIndex(self.model.index(row, 0))
                return True
            if event.matches(QKeySequence.StandardKey.Cancel):
                self.search_box.clear()
                return True
        return super().eventFilter(watched, event)

    def shutdown(self) -> None:
        """Wait for a running search (called when the window closes)."""
        self._timer.stop()
        self._generation += 1  # queued tasks become stale and return at once
        self.pool.waitForDone(3000)

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)


# --- wiring into the main window -------------------------------------------------

def install_search(window, db_path: Path | str | None = None):
    """Add the search tab (Ctrl+K) and the find bar (Ctrl+F) to a MainWindow.

    Uses only the window's extension API (add_navigation_tab, menu,
    open_paragraph, show_theme, reader); the find bar goes under the reader
    in the main splitter. Returns (panel, find_bar).
    """
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QVBoxLayout as _VBox

    from desktop.app.find_bar import FindBar

    path = Path(db_path) if db_path else Path(window.store.path)
    panel = SearchPanel(path, window)
    window.search_panel = panel
    tab = window.add_navigation_tab(panel, "البحث")

    def open_paragraph(pid: str, terms: list) -> None:
        window.open_paragraph(pid, terms)

    def open_theme(name: str) -> None:
        for theme in window.store.themes():
            if theme.name == name:
                window.show_theme(theme.id)
                return

    panel.paragraph_requested.connect(open_paragraph)
    panel.theme_requested.connect(open_theme)

    def focus_search() -> None:
        window.navigation.setCurrentIndex(tab)
        panel.focus_search()

    search_action = QAction("البحث في النصوص", window)
    search_action.setObjectName("action-search")
    search_action.setShortcut(QKeySequence("Ctrl+K"))
    search_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    search_action.triggered.connect(focus_search)
    window.menu("go").addAction(search_action)
    window.addAction(search_action)

    # The find bar sits under the reader: on first use (when the splitter has
    # real sizes), the reader and the bar go into one box in the splitter.
    reader = window.reader
    find_bar = FindBar(reader)

    def place_find_bar() -> None:
        splitter = window.splitter
        at = splitter.indexOf(reader)
        if at < 0:
            return
        sizes = splitter.sizes()
        box = QWidget()
        box.setObjectName("reader-box")
        layout = _VBox(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        splitter.insertWidget(at, box)
        layout.addWidget(reader, 1)  # reparenting takes the reader out of the splitter
        layout.addWidget(find_bar)
        reader.show()
        splitter.setStretchFactor(at, 1)
        splitter.setSizes(sizes)

    find_bar.before_first_show = place_find_bar
    window.find_bar = find_bar
    reader.paragraphOpened.connect(lambda _pid: find_bar.document_changed())

    find_action = QAction("بحث في الوحدة المفتوحة", window)
    find_action.setObjectName("action-find")
    find_action.setShortcut(QKeySequence.StandardKey.Find)
    find_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    find_action.triggered.connect(find_bar.open_bar)
    window.menu("go").addAction(find_action)
    window.addAction(find_action)

    from PySide6.QtWidgets import QApplication as _App
    _App.instance().aboutToQuit.connect(panel.shutdown)
    return panel, find_bar
