"""Opening a meeting or decision from the tree keeps its heading (title,
dates, symbol) in view; opening one of its paragraphs still scrolls to it."""

from __future__ import annotations

import pytest


def _find(model, parent, key):
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        if model.key(index) == key:
            return index
        found = _find(model, index, key) if model.hasChildren(index) else None
        if found is not None:
            return found
    return None


@pytest.mark.parametrize("unit, symbol", [("B4-d3", "CTOC/COP/2008/19"),
                                          ("A07", "CTOC/COP/WG.2/2013/5")])
def test_unit_heading_in_view(make_window, content_db_path, qtbot, unit, symbol):
    window = make_window(content_db_path)
    window.resize(1280, 800)
    reader = window.reader
    reader.open_paragraph("A02/1")          # somewhere else first
    index = _find(window.tree_model, window.tree_model.index(-1, -1), ("node", unit))
    assert index is not None
    window.tree_view.setCurrentIndex(index)
    qtbot.wait(30)
    first = window.store.first_paragraph(unit)
    assert reader.current_paragraph_id() == first.id
    assert reader.verticalScrollBar().value() == 0
    # the symbol line is on screen
    from desktop.content.citations import join_symbols
    cursor = reader.document().find(join_symbols(symbol))
    assert not cursor.isNull()
    assert 0 <= reader.cursorRect(cursor).top() < reader.viewport().height()
