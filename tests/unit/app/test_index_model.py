"""The index tab on the built database never cuts a text in a way that
changes it: «سابعاً-11 وسابعاً-13 وسابعاً-15 وسابعاً-16» elided in the middle
read «سابعاً-1…سابعاً-16», a range. Texts wrap between words, each row is as
tall as its wrapped text, no word is broken, the full text is the tool tip
and what a screen reader gets; the count has its own column and header;
«محدد / مصحح / غير محدد» are explained (legend, tool tips, accessible
description). Set SCREENSHOTS=folder to save the tab."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from desktop.app.index_model import (COUNT_COLUMN, HEADERS, STATUS_COLUMN, STATUS_MEANING,
                                     STATUS_TEXT)


def _query(panel, sql: str) -> list[dict]:
    """Rows of the panel's content database (the tests' own SQL; the app asks the store)."""
    from desktop.content.database import open_readonly
    conn = open_readonly(panel.store.path)
    try:
        cursor = conn.execute(sql)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor]
    finally:
        conn.close()


@pytest.fixture
def panel(make_window, content_db_path):
    window = make_window(content_db_path)
    window.navigation.setCurrentWidget(window.index_panel)
    QApplication.processEvents()
    return window.index_panel


def _longest_locator_entry(panel):
    row = _query(panel, 
        "SELECT theme_id, id, locator FROM index_entries ORDER BY length(locator) DESC LIMIT 1")[0]
    panel.show_theme(row["theme_id"])
    theme = panel.view.currentIndex()
    for r in range(panel.proxy.rowCount(theme)):
        index = panel.proxy.index(r, 2, theme)
        if index.data() == row["locator"]:
            panel.view.scrollTo(index)
            QApplication.processEvents()
            return index
    raise AssertionError(row)


def test_a_long_locator_wraps_whole_and_is_never_elided(panel):
    index = _longest_locator_entry(panel)
    text = index.data()
    assert len(text.split()) >= 3  # «سابعاً-11 وسابعاً-13 وسابعاً-15 …»
    assert panel.view.textElideMode() == Qt.TextElideMode.ElideNone
    assert panel.view.wordWrap()
    width = panel.view.header().sectionSize(2)
    needed = panel.view.fontMetrics().boundingRect(
        QRect(0, 0, width - 8, 10_000), Qt.TextFlag.TextWordWrap, text)
    line = panel.view.fontMetrics().height()
    assert needed.height() > line  # it does need more than one line here ...
    assert panel.view.visualRect(index).height() >= needed.height()  # ... and gets them
    os.environ.get("SCREENSHOTS") and panel.grab().save(
        os.path.join(os.environ["SCREENSHOTS"], "index-tab.png"))


def _unbreakable(field: str, text: str) -> list[str]:
    """What must stay on one line: a locator's or decision's words; a
    document symbol whole (a joint symbol «…/2018/3-CTOC/…» may wrap at its
    hyphen, each symbol whole)."""
    return text.split("-") if field == "symbol" else text.split()


def test_no_word_of_a_symbol_or_locator_is_broken(panel):
    """Wrapping happens between words only: every word of every symbol,
    decision and locator fits its column at the tab's default width."""
    metrics = panel.view.fontMetrics()
    header = panel.view.header()
    indent = 2 * panel.view.indentation()
    columns = {0: ("symbol", header.sectionSize(0) - indent),
               1: ("decision", header.sectionSize(1)), 2: ("locator", header.sectionSize(2))}
    too_wide = []
    for column, (field, width) in columns.items():
        for row in _query(panel, f"SELECT DISTINCT {field} AS t FROM index_entries"):
            for word in _unbreakable(field, row["t"] or ""):
                if metrics.horizontalAdvance(word) > width - 8:
                    too_wide.append((field, word, width))
    assert too_wide == []
    # and the columns fit the panel: nothing hidden behind a horizontal scroll
    assert sum(header.sectionSize(c) for c in range(header.count())) \
        <= panel.view.viewport().width()


def test_full_text_in_the_tool_tip_and_for_screen_readers(panel):
    index = _longest_locator_entry(panel)
    locator = index.data()
    for cell in (index.siblingAtColumn(0), index, index.siblingAtColumn(STATUS_COLUMN)):
        assert locator in cell.data(Qt.ItemDataRole.ToolTipRole)
        assert locator in cell.data(Qt.ItemDataRole.AccessibleTextRole)
    status = index.siblingAtColumn(STATUS_COLUMN).data()
    meaning = index.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    assert meaning.startswith(status) and len(meaning) > len(status) + 10
    theme = index.parent()
    assert theme.data() in theme.data(Qt.ItemDataRole.AccessibleTextRole)


def test_the_count_has_its_own_column_and_header(panel):
    assert HEADERS[COUNT_COLUMN] == "العدد" and HEADERS[STATUS_COLUMN] == "الحالة"
    model = panel.view.model()
    assert model.headerData(COUNT_COLUMN, Qt.Orientation.Horizontal) == "العدد"
    theme = model.index(0, 0)
    assert theme.siblingAtColumn(COUNT_COLUMN).data().isdigit()
    assert not theme.siblingAtColumn(STATUS_COLUMN).data()
    panel.view.expand(theme)
    entry = model.index(0, 0, theme)
    assert entry.siblingAtColumn(STATUS_COLUMN).data() in STATUS_TEXT.values()
    assert not entry.siblingAtColumn(COUNT_COLUMN).data()


def test_resolved_and_corrected_are_explained(panel):
    legend = panel.legend
    assert legend.isVisible()
    for status in ("resolved", "corrected", "unresolved"):
        word = STATUS_TEXT[status]
        assert word in legend.text()
        assert word in legend.toolTip() and STATUS_MEANING[status] in legend.toolTip()
        assert STATUS_MEANING[status] in panel.view.accessibleDescription()
    # the status header's tool tip is the legend too
    tip = panel.view.model().headerData(STATUS_COLUMN, Qt.Orientation.Horizontal,
                                        Qt.ItemDataRole.ToolTipRole)
    assert STATUS_MEANING["corrected"] in tip
    # a corrected entry's own tool tip says what «مصحح» means
    row = _query(panel, 
        "SELECT theme_id, locator FROM index_entries WHERE status = 'corrected' LIMIT 1")[0]
    panel.show_theme(row["theme_id"])
    theme = panel.view.currentIndex()
    tips = [panel.proxy.index(r, 2, theme).data(Qt.ItemDataRole.ToolTipRole)
            for r in range(panel.proxy.rowCount(theme))]
    assert any(STATUS_MEANING["corrected"] in t and row["locator"] in t for t in tips)


def test_rows_grow_again_when_the_panel_narrows(panel, qtbot):
    index = _longest_locator_entry(panel)
    tall = panel.view.visualRect(index).height()
    window = panel.window()
    window.splitter.setSizes([900, 380])  # a wide index pane: the locator fits on fewer lines
    qtbot.waitUntil(lambda: panel.view.visualRect(index).height() < tall)
    window.splitter.setSizes([470, 810])
    qtbot.waitUntil(lambda: panel.view.visualRect(index).height() == tall)


def test_a_joint_symbol_wraps_with_its_hyphen_at_the_end_of_the_first_line(panel):
    from PySide6.QtGui import QTextLayout, QTextOption

    from desktop.app.index_model import shown_symbol

    symbol = _query(panel, 
        "SELECT symbol FROM index_entries WHERE symbol LIKE '%-%' LIMIT 1")[0]["symbol"]

    def laid_out(text: str, width: float) -> QTextLayout:
        layout = QTextLayout(text, panel.view.font())
        option = QTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        layout.setTextOption(option)
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
        layout.endLayout()
        return layout

    def hyphen_right_of_first_line(text: str) -> bool:
        """Qt's item views draw each wrapped line as a text of its own."""
        width = panel.view.fontMetrics().horizontalAdvance(symbol) * 0.6
        layout = laid_out(text, width)
        first = layout.lineAt(0)
        shown = text[first.textStart():first.textStart() + first.textLength()]
        assert "-" in shown  # the first line ends with the hyphen
        alone = laid_out(shown, 10_000)

        def x(position: int) -> float:
            return alone.glyphRuns(position, 1)[0].boundingRect().center().x()

        return x(shown.index("-")) > x(0)  # right of the symbol's first letter

    assert not hyphen_right_of_first_line(symbol)  # plain: «-CTOC/COP/WG.2/2018/3»
    assert hyphen_right_of_first_line(shown_symbol(symbol))


def test_columns_refit_when_the_zoom_enlarges_the_font(panel, qtbot):
    from PySide6.QtGui import QFont

    window = panel.window()
    symbol_width = panel.view.header().sectionSize(0)
    font = QFont(panel.font())
    font.setPointSizeF(font.pointSizeF() * 1.5)
    window.navigation.setFont(font)  # what the zoom does to the panels
    qtbot.waitUntil(lambda: panel.view.header().sectionSize(0) > symbol_width * 1.3)
    advance = panel.view.fontMetrics().horizontalAdvance
    assert panel.view.header().sectionSize(0) >= advance("CTOC/COP/WG.2/2013/5")
