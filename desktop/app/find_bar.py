"""Ctrl+F: find within the unit open in the reader, the Arabic-aware way.

The words typed are matched like the search does (diacritics, alef/ya/ta
marbuta forms, tatweel and clitics do not matter; the last word also matches
as the start of a word, so matches appear while typing). All matches are
tinted, the current one is selected and scrolled into view; Enter/F3 go to
the next, Shift+Enter/Shift+F3 to the previous, Esc closes the bar.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QTextBrowser, QTextEdit,
                               QToolButton, QWidget)

MATCH_COLOUR = "#fff0b3"
CURRENT_COLOUR = "#ff9f43"


def find_spans(text: str, query_text: str) -> list[tuple[int, int]]:
    """(start, end) of every match of `query_text` in `text`, in order.

    Words match as in search (folded, clitics, stems); the last typed word
    also matches as a prefix so that partial words find something.
    """
    # the search's query language, with the first find: the bar is built on
    # the first idle turn, its matcher is not needed until a word is typed
    from desktop.search.query import Query, parse
    from desktop.search.snippets import Matcher

    q = parse(query_text)
    if not q.include:
        return []
    queries = [q]
    last = q.include[-1]
    if not last.prefix:
        prefixed = Query(text=q.text, include=[*q.include[:-1], replace(last, prefix=True)])
        queries.append(prefixed)
    spans: set[tuple[int, int]] = set()
    for query in queries:
        # Each term alone: within one unit the reader wants every occurrence.
        for term in query.include:
            spans.update((s, e) for s, e, _ in Matcher(Query(text="", include=[term])).spans(text))
    ordered = sorted(spans)
    out: list[tuple[int, int]] = []
    for s, e in ordered:  # drop spans inside a longer one
        if out and s < out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
            continue
        out.append((s, e))
    return out


class FindBar(QWidget):
    """A find bar over a QTextBrowser (hidden until Ctrl+F)."""

    #: number of matches after each search
    matches_changed = Signal(int)

    def __init__(self, browser: QTextBrowser, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("find-bar")
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.browser = browser
        #: called once before the bar is first shown (to put it in a layout)
        self.before_first_show: Callable[[], None] | None = None
        self.spans: list[tuple[int, int]] = []
        self.current = -1
        self._base_selections: list = []

        self.label = QLabel("بحث في الوحدة:", self)
        self.box = QLineEdit(self)
        self.box.setObjectName("find-box")
        self.box.setPlaceholderText("كلمة أو عبارة…")
        self.box.setClearButtonEnabled(True)
        self.count_label = QLabel("", self)
        self.count_label.setObjectName("find-count")
        self.prev_button = QToolButton(self)
        self.prev_button.setText("السابق")
        self.next_button = QToolButton(self)
        self.next_button.setText("التالي")
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setToolTip("إغلاق (Esc)")

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.label)
        layout.addWidget(self.box, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.prev_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)

        self.box.textChanged.connect(self.refresh)
        self.box.returnPressed.connect(self.find_next)
        self.next_button.clicked.connect(self.find_next)
        self.prev_button.clicked.connect(self.find_previous)
        self.close_button.clicked.connect(self.close_bar)
        for seq, slot in ((QKeySequence(Qt.Key.Key_Escape), self.close_bar),
                          (QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_Return), self.find_previous),
                          (QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_Enter), self.find_previous)):
            sc = QShortcut(seq, self.box)
            sc.setContext(Qt.ShortcutContext.WidgetShortcut)
            sc.activated.connect(slot)
        self.hide()

    # ---- public ------------------------------------------------------------

    def open_bar(self) -> None:
        """Show the bar and focus it, keeping the reader's own highlights under ours."""
        if self.before_first_show is not None:
            place, self.before_first_show = self.before_first_show, None
            place()
        if not self.isVisible():
            self._base_selections = list(self.browser.extraSelections())
        self.show()
        cursor_text = self.browser.textCursor().selectedText()
        if cursor_text and not self.box.text():
            self.box.setText(cursor_text)
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()
        self.refresh()

    def close_bar(self) -> None:
        self.hide()
        self.browser.setExtraSelections(self._base_selections)
        self.browser.setFocus()

    def document_changed(self) -> None:
        """The reader shows another unit: its highlights are the new base."""
        self._base_selections = list(self.browser.extraSelections())
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        text = self.browser.document().toRawText()
        self.spans = find_spans(text, self.box.text()) if self.box.text().strip() else []
        self.current = -1
        if self.spans:
            here = self.browser.textCursor().selectionStart()
            self.current = next((i for i, (s, _) in enumerate(self.spans) if s >= here), 0)
        self._paint()
        self.matches_changed.emit(len(self.spans))

    def find_next(self) -> None:
        self._step(1)

    def find_previous(self) -> None:
        self._step(-1)

    # ---- internals ------------------------------------------------------------

    def _step(self, delta: int) -> None:
        if not self.spans:
            return
        self.current = (self.current + delta) % len(self.spans)
        self._paint()

    def _paint(self) -> None:
        doc = self.browser.document()
        selections = list(self._base_selections)
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(MATCH_COLOUR))
        cur_fmt = QTextCharFormat()
        cur_fmt.setBackground(QColor(CURRENT_COLOUR))
        for i, (s, e) in enumerate(self.spans):
            cursor = QTextCursor(doc)
            cursor.setPosition(s)
            cursor.setPosition(e, QTextCursor.MoveMode.KeepAnchor)
            sel = QTextEdit.ExtraSelection()
            sel.cursor = cursor
            sel.format = cur_fmt if i == self.current else fmt
            selections.append(sel)
        self.browser.setExtraSelections(selections)
        if 0 <= self.current < len(self.spans):
            s, e = self.spans[self.current]
            cursor = QTextCursor(doc)
            cursor.setPosition(s)
            cursor.setPosition(e, QTextCursor.MoveMode.KeepAnchor)
            self.browser.setTextCursor(cursor)
            self.browser.ensureCursorVisible()
            self.count_label.setText(f"{self.current + 1} من {len(self.spans)}")
        elif self.box.text().strip():
            self.count_label.setText("لا تطابق")
        else:
            self.count_label.setText("")

    def current_text(self) -> str:
        """The text of the current match (tests)."""
        if not (0 <= self.current < len(self.spans)):
            return ""
        s, e = self.spans[self.current]
        return self.browser.document().toRawText()[s:e]
