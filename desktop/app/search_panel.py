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
The results list is desktop.app.search_results, the worker
desktop.app.search_worker; desktop.app.search puts the tab in the window.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
                               QListView, QPushButton, QVBoxLayout, QWidget)

from desktop.app.search_results import NOTE_STYLE, HtmlDelegate, ResultsModel
from desktop.app.search_worker import Relay, SearchTask
from desktop.content.citations import RLM, count_phrase
from desktop.search.connection import SearchError, connect
from desktop.search.facets import FilterOptions, filter_options
from desktop.search.results import Results, short_query

#: Pause after the last keystroke before searching (ms).
DEBOUNCE_MS = 180


def count_text(n: int) -> str:
    """`n` results, in Arabic number agreement (the one rule, in citations)."""
    return count_phrase(n, "نتيجة واحدة", "نتيجتان", "نتائج", "نتيجة", zero="لا نتائج")


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
        #: another source of results (personal.py's «ملاحظاتي» box): the
        #: results for a text, or None to search the texts as usual
        self.local_search: Callable[[str], Results | None] | None = None
        #: that box, once personal.py has put it in the panel
        self.notes_box: QCheckBox | None = None

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

        self.relay = Relay(self)
        self.relay.finished.connect(self._on_finished)
        self.relay.failed.connect(self._on_failed)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one search at a time; stale ones are skipped
        # one thread for the panel's life: the worker keeps a connection per
        # thread (search_worker._conns), and a thread that expired after 30 s
        # idle left its connection behind for the next thread's new one
        self.pool.setExpiryTimeout(-1)

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

    def _schedule(self, *_args: object) -> None:
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
        self.pool.start(SearchTask(self.relay, self.is_current, self.db_path, self._generation,
                                   text, self.filters()))

    def is_current(self, generation: int) -> bool:
        """Thread-safe enough: reads one int the GUI thread writes."""
        return generation == self._generation

    @Slot(int, object)
    def _on_finished(self, generation: int, results: Results) -> None:
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

    def _show_hints(self, results: Results | None) -> None:
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

    def _show_results(self, generation: int, results: Results) -> None:
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.search_box and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)):
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

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
