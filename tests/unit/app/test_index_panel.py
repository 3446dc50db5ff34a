"""desktop.app.index_panel, the thematic index tab: filtering themes the way
Arabic readers type, opening an entry's target; on the built database,
duplicates the source prints twice are greyed and not counted and an
unresolved entry's tooltip says why."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.app.index_model import COUNT_COLUMN, ENTRY_ROLE, STATUS_COLUMN
from desktop.app.index_panel import DUPLICATE_COLOUR, DUPLICATE_TEXT


def _entry_index(panel, theme_row, entry_row):
    theme = panel.proxy.index(theme_row, 0)
    panel.view.expand(theme)
    return panel.proxy.index(entry_row, 0, theme)


def test_themes_and_entries_listed(make_window, tiny_db_path):
    panel = make_window(tiny_db_path).index_panel
    assert panel.visible_themes() == ["حماية الشُّهود", "التعاون الدولي"]
    entry = _entry_index(panel, 0, 0)
    row = [entry.sibling(entry.row(), c).data() for c in range(4)]
    assert row == ["CTOC/COP/WG.2/2013/5", "", "الجزء ألف سابعاً-13", "محدد"]
    unresolved = _entry_index(panel, 0, 1)
    assert unresolved.sibling(1, 3).data() == "غير محدد"
    assert unresolved.sibling(1, 1).data() == "4/6"


def test_filter_ignores_diacritics_and_letter_variants(make_window, tiny_db_path):
    panel = make_window(tiny_db_path).index_panel
    panel.filter_box.setText("الشهود")  # typed without the shadda and damma
    assert panel.visible_themes() == ["حماية الشُّهود"]
    panel.filter_box.setText("حمايه")  # ta marbuta typed as ha
    assert panel.visible_themes() == ["حماية الشُّهود"]
    panel.filter_box.setText("الدولى")  # ya typed as alif maqsura
    assert panel.visible_themes() == ["التعاون الدولي"]
    panel.filter_box.setText("غسل")
    assert panel.visible_themes() == []
    panel.filter_box.clear()
    assert len(panel.visible_themes()) == 2


def test_filter_keeps_the_entries_of_a_matching_theme(make_window, tiny_db_path):
    panel = make_window(tiny_db_path).index_panel
    panel.set_filter("الشهود")
    theme = panel.proxy.index(0, 0)
    assert panel.proxy.rowCount(theme) == 2


def test_clicking_an_entry_opens_its_target(make_window, tiny_db_path, qtbot):
    window = make_window(tiny_db_path)
    panel = window.index_panel
    window.navigation.setCurrentWidget(panel)
    panel.set_filter("التعاون")
    entry = _entry_index(panel, 0, 0)
    assert entry.data(ENTRY_ROLE) == 3
    panel.view.clicked.emit(entry)
    assert window.reader.current_paragraph_id() == "A07/12"


def test_unresolved_entry_opens_nothing(make_window, tiny_db_path):
    window = make_window(tiny_db_path)
    window.open_paragraph("B6-r4/1")
    panel = window.index_panel
    panel.view.clicked.emit(_entry_index(panel, 0, 1))
    assert window.reader.current_paragraph_id() == "B6-r4/1"


def test_database_without_index_says_so(make_window, tmp_path):
    from tests.helpers.reader_db import make_reader_db
    window = make_window(make_reader_db(tmp_path / "bare.sqlite", with_index=False))
    assert window.index_panel.visible_themes() == []
    window.open_paragraph("A07/13")
    assert window.links_panel.entries() == []


def test_a_click_on_a_theme_opens_and_closes_it(make_window, tiny_db_path):
    window = make_window(tiny_db_path)
    panel = window.index_panel
    window.navigation.setCurrentWidget(panel)  # the tab a user clicks in
    theme = panel.proxy.index(0, 0)
    assert not panel.view.isExpanded(theme)
    panel.view.clicked.emit(theme)
    assert panel.view.isExpanded(theme)
    panel.view.clicked.emit(theme.siblingAtColumn(3))  # anywhere on its row
    assert not panel.view.isExpanded(theme)


def test_enter_on_an_entry_opens_it(make_window, tiny_db_path, qtbot):
    from PySide6.QtCore import Qt
    window = make_window(tiny_db_path)
    panel = window.index_panel
    window.navigation.setCurrentWidget(panel)
    entry = _entry_index(panel, 1, 0)
    panel.view.setCurrentIndex(entry)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert window.reader.current_paragraph_id() == "A07/12"


def test_the_index_model_waits_until_the_tab_is_shown(make_window, tiny_db_path):
    """Sizing the index's columns reads every row: not at start-up, where
    the contents tab is in front; the model is there once the tab is shown."""
    window = make_window(tiny_db_path)
    panel = window.index_panel
    assert window.navigation.currentWidget() is not panel
    assert panel.view.model() is None
    window.navigation.setCurrentWidget(panel)
    assert panel.view.model() is panel.proxy
    # the locator column takes what the others leave
    header = panel.view.header()
    assert header.sectionSize(2) > panel.column_minimums()[2]


def test_headers_are_whole_at_any_zoom(make_window, tiny_db_path):
    """A zoomed font (the preferences' zoom reaches the tab) wraps the narrow
    columns' headers onto three lines: the header grows, nothing is cut."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QFont
    window = make_window(tiny_db_path)
    window.resize(1000, 700)
    panel = window.index_panel
    window.navigation.setCurrentWidget(panel)
    header = panel.view.header()
    for size in (10, 15, 20):
        font = QFont(window.font())
        font.setPointSizeF(size)
        panel.setFont(font)
        metrics = header.fontMetrics()
        for column in range(header.count()):
            text = panel.proxy.headerData(column, Qt.Orientation.Horizontal)
            needed = metrics.boundingRect(
                QRect(0, 0, header.sectionSize(column) - 8, 10_000),
                int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap), text).height()
            assert header.height() >= needed, (size, text)


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
    return make_window(content_db_path).index_panel


def _theme_row(panel, theme_id):
    for row in range(panel.proxy.rowCount()):
        index = panel.proxy.index(row, 0)
        if panel.model.theme(panel.proxy.mapToSource(index)).id == theme_id:
            return index
    raise AssertionError(theme_id)


def _entries(panel, theme_index):
    panel.view.expand(theme_index)
    out = []
    for row in range(panel.proxy.rowCount(theme_index)):
        index = panel.proxy.index(row, 0, theme_index)
        out.append((panel.model.entry(panel.proxy.mapToSource(index)), index))
    return out


def test_duplicates_are_greyed_and_not_counted(panel):
    rows = _query(panel, "SELECT theme_id, count(*) AS n FROM index_entries"
                             " WHERE duplicate_of IS NOT NULL GROUP BY theme_id")
    assert rows
    for row in rows:
        theme = _theme_row(panel, row["theme_id"])
        entries = _entries(panel, theme)
        total = len(entries)
        assert theme.siblingAtColumn(COUNT_COLUMN).data() == str(total - row["n"])
        assert theme.siblingAtColumn(STATUS_COLUMN).data() is None
        assert "لا يُحسب" in theme.data(Qt.ItemDataRole.ToolTipRole)
        duplicates = [(e, i) for e, i in entries if e.duplicate_of is not None]
        assert len(duplicates) == row["n"]
        for entry, index in duplicates:
            assert index.siblingAtColumn(STATUS_COLUMN).data() == DUPLICATE_TEXT
            assert index.data(Qt.ItemDataRole.ForegroundRole).color().name() == DUPLICATE_COLOUR
            assert DUPLICATE_TEXT in index.data(Qt.ItemDataRole.ToolTipRole)
        for entry, index in entries:
            if entry.duplicate_of is None:
                assert index.siblingAtColumn(STATUS_COLUMN).data() != DUPLICATE_TEXT


def test_theme_without_duplicates_keeps_its_count(panel):
    row = _query(panel, "SELECT theme_id, count(*) AS n FROM index_entries GROUP BY theme_id"
                            " HAVING sum(duplicate_of IS NOT NULL) = 0 LIMIT 1")[0]
    assert _theme_row(panel, row["theme_id"]).siblingAtColumn(COUNT_COLUMN).data() == str(row["n"])


def test_unresolved_entry_tooltip_gives_the_reason(panel):
    row = _query(panel, "SELECT theme_id, note FROM index_entries WHERE status = 'unresolved'")[0]
    assert row["note"]
    entries = _entries(panel, _theme_row(panel, row["theme_id"]))
    tips = [i.data(Qt.ItemDataRole.ToolTipRole) for e, i in entries if not e.resolved]
    assert any(f"سبب عدم التحديد: {row['note']}" in t for t in tips)


def test_the_legend_is_in_the_placeholder_colour_and_follows_the_palette(make_window, tiny_db_path):
    from PySide6.QtGui import QColor, QPalette

    panel = make_window(tiny_db_path).index_panel
    role = QPalette.ColorRole

    def shown() -> QColor:
        return panel.legend.palette().color(role.WindowText)

    assert panel.legend.styleSheet() == ""  # no style-sheet style for one label
    assert shown() == panel.palette().color(role.PlaceholderText)
    palette = panel.palette()
    palette.setColor(role.PlaceholderText, QColor("#123456"))
    panel.setPalette(palette)
    assert shown() == QColor("#123456")
