"""desktop.app.find_bar: Ctrl+F finds within the unit open in the reader, the
Arabic-aware way (diacritics, letter forms and clitics do not matter; the last
word matches while typed); Enter / Shift+Enter step through the matches,
Esc closes the bar and gives the reader its own highlights back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QTextBrowser, QTextEdit, QVBoxLayout, QWidget

from desktop.app.find_bar import CURRENT_COLOUR, MATCH_COLOUR, FindBar, find_spans
from tests.unit.app.test_search_panel import window  # noqa: F401

TEXT = "حماية الشُّهود والمستضعفين. والشهود في الإتفاقية، للشهود حق. شهادة."


def _words(text: str, spans) -> list[str]:
    return [text[s:e] for s, e in spans]


def test_find_spans_folds_diacritics_letter_forms_and_clitics():
    assert _words(TEXT, find_spans(TEXT, "الشهود")) == ["الشُّهود", "والشهود", "للشهود"]
    assert _words(TEXT, find_spans(TEXT, "الاتفاقيه")) == ["الإتفاقية"]
    # the last word typed matches as the start of a word: matches while typing
    assert _words(TEXT, find_spans(TEXT, "المستض")) == ["والمستضعفين"]
    # every word of a phrase is found on its own, in text order
    assert _words(TEXT, find_spans(TEXT, "حماية حق")) == ["حماية", "حق"]
    assert find_spans(TEXT, "") == [] and find_spans(TEXT, "محكمة") == []


@pytest.fixture
def bar(qtbot):
    """A find bar under its browser, as the reader's box holds them."""
    box = QWidget()
    qtbot.addWidget(box)
    browser = QTextBrowser(box)
    browser.setPlainText(TEXT)
    bar = FindBar(browser, box)
    layout = QVBoxLayout(box)
    layout.addWidget(browser)
    layout.addWidget(bar)
    box.show()
    box.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
    yield bar  # the box lives until the test ends


def _colours(browser) -> list[str]:
    return [s.format.background().color().name() for s in browser.extraSelections()]


def test_matches_are_tinted_the_current_one_selected_and_counted(bar, qtbot):
    placed = []
    bar.before_first_show = lambda: placed.append(True)
    with qtbot.waitSignal(bar.matches_changed) as counted:
        bar.open_bar()
    assert placed == [True] and bar.isVisible() and bar.layoutDirection() == Qt.LayoutDirection.RightToLeft
    with qtbot.waitSignal(bar.matches_changed) as counted:
        bar.box.setText("الشهود")
    assert counted.args == [3]
    assert _colours(bar.browser) == [CURRENT_COLOUR, MATCH_COLOUR, MATCH_COLOUR]
    assert bar.current_text() == "الشُّهود"
    assert bar.browser.textCursor().selectedText() == "الشُّهود"
    assert bar.count_label.text() == "1 من 3"
    bar.close_bar()
    bar.open_bar()
    assert placed == [True]  # placed in its layout once only


def test_enter_and_shift_enter_step_and_wrap_around(bar, qtbot):
    bar.open_bar()
    bar.box.setText("الشهود")
    seen = [bar.current_text()]
    for _ in range(3):
        qtbot.keyClick(bar.box, Qt.Key.Key_Return)
        seen.append(bar.current_text())
    assert seen == ["الشُّهود", "والشهود", "للشهود", "الشُّهود"]
    assert bar.count_label.text() == "1 من 3"
    qtbot.keyClick(bar.box, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.current_text() == "للشهود" and bar.count_label.text() == "3 من 3"
    bar.prev_button.click()
    assert bar.current_text() == "والشهود"
    bar.next_button.click()
    assert bar.current_text() == "للشهود"


def test_the_first_match_is_the_one_at_or_after_the_cursor(bar):
    cursor = bar.browser.textCursor()
    cursor.setPosition(TEXT.index(" في "))
    bar.browser.setTextCursor(cursor)
    bar.open_bar()
    bar.box.setText("الشهود")
    assert bar.current_text() == "للشهود" and bar.count_label.text() == "3 من 3"


def test_selected_text_fills_an_empty_box(bar):
    cursor = bar.browser.textCursor()
    start = TEXT.index("حق")
    cursor.setPosition(start)
    cursor.setPosition(start + 2, QTextCursor.MoveMode.KeepAnchor)
    bar.browser.setTextCursor(cursor)
    bar.open_bar()
    assert bar.box.text() == "حق" and bar.spans and bar.current_text() == "حق"


def test_no_match_says_so_and_an_empty_box_says_nothing(bar):
    bar.open_bar()
    bar.box.setText("محكمة")
    assert bar.spans == [] and bar.count_label.text() == "لا تطابق"
    bar.find_next()  # nothing to step to: no error, nothing selected
    assert bar.current_text() == ""
    bar.box.setText("   ")
    assert bar.count_label.text() == ""


def _own_highlight(browser) -> None:
    """The reader's own highlight (a search hit) on the first word."""
    own = QTextEdit.ExtraSelection()
    own.cursor = QTextCursor(browser.document())
    own.cursor.setPosition(0)
    own.cursor.setPosition(5, QTextCursor.MoveMode.KeepAnchor)
    fmt = QTextCharFormat()
    fmt.setBackground(QColor("#00ff00"))
    own.format = fmt
    browser.setExtraSelections([own])


def test_escape_gives_the_reader_its_own_highlights_back(bar, qtbot):
    _own_highlight(bar.browser)
    bar.open_bar()
    bar.box.setText("الشهود")
    assert _colours(bar.browser) == ["#00ff00", CURRENT_COLOUR, MATCH_COLOUR, MATCH_COLOUR]
    qtbot.keyClick(bar.box, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert _colours(bar.browser) == ["#00ff00"]


def test_another_document_is_searched_again_over_its_own_highlights(bar):
    bar.open_bar()
    bar.box.setText("الشهود")
    bar.browser.setPlainText("الشهود وحدهم")
    _own_highlight(bar.browser)
    bar.document_changed()
    assert len(bar.spans) == 1 and bar.count_label.text() == "1 من 1"
    assert _colours(bar.browser) == ["#00ff00", CURRENT_COLOUR]
    bar.close_bar()
    assert _colours(bar.browser) == ["#00ff00"]


def test_find_bar_ctrl_f_finds_within_the_unit_ignoring_diacritics(window, qtbot):
    assert window.open_paragraph("B3-d4/l1")
    bar = window.find_bar
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.isVisible()
    bar.box.setText("يقر")
    assert bar.spans, "يُقرُّ must be found when typed without diacritics"
    assert bar.current_text().startswith("يُقرُّ") or "يُقرّ" in bar.current_text() \
        or bar.current_text().replace("\u064f", "").replace("\u0651", "").startswith("يقر")
    first = bar.current
    qtbot.keyClick(bar.box, Qt.Key.Key_Return)
    assert bar.current == (first + 1) % len(bar.spans)
    cursor = window.reader.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == bar.spans[bar.current]
    assert bar.count_label.text().endswith(f"من {len(bar.spans)}")
    qtbot.keyClick(bar.box, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_find_bar_matches_clitics_and_keeps_search_highlights(window, qtbot):
    assert window.open_paragraph("A07/6", ["للشهود"])
    base = len(window.reader.extraSelections())
    assert base > 0
    bar = window.find_bar
    bar.open_bar()
    bar.box.setText("الشهود")
    texts = {window.reader.document().toRawText()[s:e] for s, e in bar.spans}
    assert {"للشهود", "والشهود"} <= texts
    assert len(window.reader.extraSelections()) == base + len(bar.spans)
    bar.close_bar()
    assert len(window.reader.extraSelections()) == base
