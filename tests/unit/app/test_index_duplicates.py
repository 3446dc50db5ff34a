"""The index tab on the built database: duplicates the source prints twice are
greyed and not counted; an unresolved entry's tooltip says why (pytest-qt)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.app.index_model import COUNT_COLUMN, STATUS_COLUMN
from desktop.app.index_panel import DUPLICATE_COLOUR, DUPLICATE_TEXT


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
