"""«البحث عن صياغة متفق عليها» and «مشابهات»: the Qt views over desktop.search.similar.

FinderPanel: paste or type a draft; the closest paragraphs of every document
are listed with their citation, a similarity figure and the wording they
share with the draft in bold; the chosen one is compared with the draft word
by word, side by side (what the draft adds on green, what it drops struck
out on red). From a result: open it, add it to the selection, copy it with
its citation.

SimilarParagraphsPanel ("more like this"): the paragraphs most like one
paragraph across meetings, sessions and documents, oldest first.

Everything from the database is escaped (desktop.search.wordiff builds the
HTML); the search runs in the interface thread (tens of milliseconds on the
compendium), a short pause after typing.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMenu,
                               QPlainTextEdit, QPushButton, QSplitter, QTextBrowser,
                               QVBoxLayout, QWidget)

from desktop.app.search_results import HTML_ROLE, HtmlDelegate
from desktop.app.titled_list import TitledList
from desktop.content import html_escape
from desktop.search.connection import SearchError, connect
from desktop.search.similar import Match, SimilarInputError, find_similar, more_like_this
from desktop.search.wordiff import WordDiff, compare

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget

    from desktop.app.main_window import MainWindow
    from desktop.app.selection_panel import SelectionPanel

RLM = "\u200f"
ID_ROLE = Qt.ItemDataRole.UserRole + 40
RESULTS = 15
#: pause after the last key before searching (ms)
DELAY_MS = 350
#: characters of a paragraph shown in a result (around the first shared wording)
EXCERPT_CHARS = 420
SHARED_STYLE = "background-color:#fff1a8; font-weight:bold"


def percent(score: float) -> str:
    return f"{round(score * 100)}٪"


def excerpt_html(text: str, diff: WordDiff, size: int = EXCERPT_CHARS) -> str:
    """Escaped window of `text` from a little before its first shared wording,
    the shared wording highlighted, ellipses where cut."""
    start = 0
    if diff.shared and len(text) > size:
        start = max(0, diff.shared[0][0] - 60)
        space = text.rfind(" ", 0, start)
        start = space + 1 if start and space >= 0 else start
    end = min(len(text), start + size)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    out, pos = [], start
    for s, e in diff.shared:
        s, e = max(s, start), min(e, end)
        if s >= e:
            continue
        out.append(html_escape.escape(text[pos:s]))
        out.append(f'<span style="{SHARED_STYLE}">{html_escape.escape(text[s:e])}</span>')
        pos = e
    out.append(html_escape.escape(text[pos:end]))
    return ("… " if start else "") + "".join(out) + (" …" if end < len(text) else "")


class _Similar:
    """The similarity search's own read-only connection, opened on first use."""

    def __init__(self, db_path: Path):
        self.db_path = db_path
        self._conn: sqlite3.Connection | None = None

    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = connect(self.db_path)
        return self._conn


class FinderPanel(QWidget):
    """The draft, the ranked agreed paragraphs, and the word-level comparison."""

    results_shown = Signal(int)
    message_shown = Signal(str)
    #: its dock in the window, given by finder.show_finder right after it is made
    dock: QDockWidget

    def __init__(self, window: MainWindow, selection: SelectionPanel | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent or window)
        self.main = window   # not "window": that is QWidget.window()
        #: what «أضف إلى المختارات» adds to (None: the button stays off)
        self.selection = selection
        self.setObjectName("finder-panel")
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self._similar = _Similar(Path(window.store.path))
        self.matches: list[Match] = []
        self._diffs: dict[str, WordDiff] = {}
        self._last_text: str | None = None

        self.draft = QPlainTextEdit(self)
        self.draft.setObjectName("finder-draft")
        self.draft.setPlaceholderText("الصق نص المشروع هنا أو اكتبه: تظهر الفقرات المتفق "
                                      "عليها الأقرب إليه… (Ctrl+Enter للبحث فوراً)")
        self.draft.setAccessibleName("نص المشروع")
        self.draft.textChanged.connect(self._schedule)
        self.run_button = QPushButton("ابحث", self)
        self.run_button.clicked.connect(self.search_now)
        self.status = QLabel("", self)
        self.status.setObjectName("finder-status")
        self.status.setWordWrap(True)

        self.results = QListWidget(self)
        self.results.setObjectName("finder-results")
        self.results.setAccessibleName("الفقرات المتفق عليها الأقرب إلى المشروع")
        self.results.setItemDelegate(HtmlDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.results.currentRowChanged.connect(self._show_comparison)
        self.results.itemActivated.connect(lambda _item: self.open_current())
        self.results.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.results.customContextMenuRequested.connect(self._results_menu)

        self.compare_title = QLabel("", self)
        self.compare_title.setObjectName("finder-compare-title")
        self.compare_title.setWordWrap(True)
        self.draft_view = self._browser("finder-draft-diff", "المشروع: ما يضيفه بالأخضر")
        self.agreed_view = self._browser("finder-agreed-diff",
                                         "النص المتفق عليه: ما يحذفه المشروع مشطوب بالأحمر")
        self.open_button = QPushButton("فتح", self)
        self.open_button.clicked.connect(self.open_current)
        self.add_button = QPushButton("أضف إلى المختارات", self)
        self.add_button.clicked.connect(self.add_current)
        self.copy_button = QPushButton("نسخ مع الإحالة", self)
        self.copy_button.clicked.connect(self.copy_current)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        run_now = QShortcut(QKeySequence("Ctrl+Return"), self.draft)
        run_now.activated.connect(self.search_now)

        self._layout()
        self._update_buttons()

    def _browser(self, name: str, title: str) -> QTextBrowser:
        view = QTextBrowser(self)
        view.setObjectName(name)
        view.setAccessibleName(title)
        view.setOpenLinks(False)
        view.document().setDocumentMargin(6)
        option = view.document().defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        view.document().setDefaultTextOption(option)
        return view

    def _layout(self) -> None:
        left = QWidget(self)  # in a right-to-left window: the draft is on the right
        box = QVBoxLayout(left)
        box.setContentsMargins(2, 2, 2, 2)
        box.addWidget(QLabel("نص المشروع:", left))
        box.addWidget(self.draft, 1)
        row = QHBoxLayout()
        row.addWidget(self.run_button)
        row.addStretch(1)
        box.addLayout(row)
        box.addWidget(self.status)

        middle = QWidget(self)
        box = QVBoxLayout(middle)
        box.setContentsMargins(2, 2, 2, 2)
        box.addWidget(QLabel("الفقرات المتفق عليها الأقرب:", middle))
        box.addWidget(self.results, 1)

        right = QWidget(self)
        box = QVBoxLayout(right)
        box.setContentsMargins(2, 2, 2, 2)
        box.addWidget(self.compare_title)
        sides = QHBoxLayout()
        for label, view in (("المشروع", self.draft_view), ("النص المتفق عليه", self.agreed_view)):
            col = QVBoxLayout()
            col.addWidget(QLabel(label, right))
            col.addWidget(view, 1)
            sides.addLayout(col, 1)
        box.addLayout(sides, 1)
        buttons = QHBoxLayout()
        for b in (self.open_button, self.add_button, self.copy_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        box.addLayout(buttons)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for w in (left, middle, right):
            self.splitter.addWidget(w)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 4)
        self.splitter.setSizes([260, 400, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    # ---- searching -------------------------------------------------------

    def focus_draft(self) -> None:
        self.draft.setFocus()

    def set_draft(self, text: str, immediately: bool = False) -> None:
        self.draft.setPlainText(text)
        if immediately:
            self.search_now()

    def _schedule(self) -> None:
        self._timer.start()

    def search_now(self) -> int:
        """Search for the draft now; returns the number of paragraphs listed."""
        self._timer.stop()
        text = self.draft.toPlainText()
        if text == self._last_text:
            return len(self.matches)
        self._last_text = text
        try:
            found = find_similar(self._similar.conn(), text, limit=RESULTS)
        except (SimilarInputError, SearchError) as exc:
            self._set_matches([])
            self._message(str(exc) if isinstance(exc, SimilarInputError)
                          else "تعذّر البحث: قاعدة البيانات بلا فهرس بحث صالح.")
            return 0
        self._set_matches(list(found))
        if not found:
            self._message("لا فقرات متفق عليها قريبة من هذا النص.")
        else:
            note = f" {found.notice}" if found.notice else ""
            self._message(f"{len(found)} فقرة، الأقرب أولاً ({found.words} كلمة في المشروع).{note}")
        self.results_shown.emit(len(found))
        return len(found)

    def _message(self, text: str) -> None:
        self.status.setText(RLM + text)
        self.message_shown.emit(text)

    def _set_matches(self, matches: list[Match]) -> None:
        self.matches = matches
        self._diffs = {}
        self.results.clear()
        draft = self.draft.toPlainText()
        for m in matches:
            diff = self._diffs[m.id] = compare(draft, m.text)
            item = QListWidgetItem()
            item.setData(ID_ROLE, m.id)
            item.setData(Qt.ItemDataRole.DisplayRole, f"{m.citation} {percent(m.score)}")
            item.setData(HTML_ROLE,
                         f'<div dir="rtl"><b>{RLM}{html_escape.escape(m.citation)}</b> — '
                         f'تشابه {percent(m.score)}</div>'
                         f'<div dir="rtl">{excerpt_html(m.text, diff)}</div>')
            item.setToolTip(m.citation)
            self.results.addItem(item)
        if matches:
            self.results.setCurrentRow(0)
        else:
            self._show_comparison(-1)
        self._update_buttons()

    # ---- the chosen result ----------------------------------------------

    def current_match(self) -> Match | None:
        row = self.results.currentRow()
        return self.matches[row] if 0 <= row < len(self.matches) else None

    def diff_for(self, paragraph_id: str) -> WordDiff | None:
        return self._diffs.get(paragraph_id)

    def _show_comparison(self, row: int) -> None:
        m = self.matches[row] if 0 <= row < len(self.matches) else None
        if m is None:
            self.compare_title.setText("")
            self.draft_view.clear()
            self.agreed_view.clear()
            self._update_buttons()
            return
        diff = self._diffs[m.id]
        self.compare_title.setText(
            f"{RLM}{m.citation} — تشابه {percent(m.score)}؛ يضيف المشروع "
            f"{sum(len(t.split()) for t in diff.added)} كلمة ويحذف "
            f"{sum(len(t.split()) for t in diff.dropped)} كلمة")
        self.draft_view.setHtml(f'<div dir="rtl">{diff.html("draft")}</div>')
        self.agreed_view.setHtml(f'<div dir="rtl">{diff.html("agreed")}</div>')
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.current_match() is not None
        for b in (self.open_button, self.copy_button):
            b.setEnabled(has)
        self.add_button.setEnabled(has and self.selection is not None)

    def result_menu(self) -> QMenu:
        """The chosen result's actions, as on the buttons."""
        menu = QMenu(self)
        menu.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        for button in (self.open_button, self.add_button, self.copy_button):
            action = menu.addAction(button.text(), button.click)
            action.setEnabled(button.isEnabled())
        return menu

    def _results_menu(self, pos: QPoint) -> None:
        item = self.results.itemAt(pos)
        if item is not None:
            self.results.setCurrentItem(item)
            self.result_menu().exec(self.results.viewport().mapToGlobal(pos))

    def open_current(self) -> bool:
        m = self.current_match()
        return bool(m and self.main.open_paragraph(m.id))

    def add_current(self) -> int:
        m = self.current_match()
        panel = self.selection
        if m is None or panel is None:
            return 0
        added = panel.add_paragraphs([m.id])
        self._message("أضيفت الفقرة إلى المختارات." if added else "الفقرة في المختارات من قبل.")
        return added

    def copy_current(self) -> str:
        m = self.current_match()
        if m is None:
            return ""
        text = self.main.reader.copy_with_citation(m.id)
        self._message("نُسخت الفقرة مع إحالتها.")
        return text


class SimilarParagraphsPanel(TitledList):
    """«مشابهات»: the paragraphs most like one paragraph, oldest first."""

    paragraph_requested = Signal(str)
    #: its dock in the window, given by finder.show_similar right after it is made
    dock: QDockWidget

    def __init__(self, window: MainWindow, parent: QWidget | None = None):
        super().__init__("similar-list", parent or window)
        self.main = window   # not "window": that is QWidget.window()
        self.setObjectName("similar-panel")
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self._similar = _Similar(Path(window.store.path))
        self.paragraph_id: str | None = None
        self.matches: list[Match] = []
        self._opening = False
        self.list.setAccessibleName("الفقرات المشابهة، الأقدم أولاً")
        self.paragraph_requested.connect(window.open_paragraph)
        # follows the reader while it is shown
        window.reader.paragraphOpened.connect(self._follow)

    def _follow(self, paragraph_id: str) -> None:
        # not when the reader went to one of this list's paragraphs: the list stays
        if self._opening or not self.isVisible() or paragraph_id == self.paragraph_id:
            return
        self.show_paragraph(paragraph_id)

    def show_paragraph(self, paragraph_id: str) -> int:
        self.paragraph_id = paragraph_id
        self.list.clear()
        para = self.main.store.paragraph(paragraph_id)
        cite = para.citation if para and para.citation else paragraph_id
        self.title.setText(f"{RLM}مشابهات {cite}، الأقدم أولاً:")
        try:
            self.matches = list(more_like_this(self._similar.conn(), paragraph_id))
        except SearchError:
            self.matches = []
            self.title.setText(RLM + "تعذّر البحث: قاعدة البيانات بلا فهرس بحث صالح.")
            return 0
        for m in self.matches:
            year = f"{m.year} — " if m.year else ""
            item = QListWidgetItem(f"{RLM}{year}{m.citation} — تشابه {percent(m.score)}")
            item.setData(ID_ROLE, m.id)
            item.setToolTip(m.text[:400])
            self.list.addItem(item)
        if not self.matches:
            self.show_empty("لا فقرات مشابهة لهذه الفقرة.")
        return len(self.matches)

    def _on_item(self, item: QListWidgetItem) -> None:
        pid = item.data(ID_ROLE)
        if pid:
            self._opening = True
            try:
                self.paragraph_requested.emit(pid)
            finally:
                self._opening = False
