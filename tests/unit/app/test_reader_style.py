"""desktop.app.reader_style: the zoom and the side margin kept for the notes'
marks reach every unit the reader shows, those rendered before included."""

from __future__ import annotations

import pytest

from desktop.app.reader import ReaderView
from desktop.content.store import open_store


@pytest.fixture
def reader(app, qtbot, tiny_db_path):
    view = ReaderView(open_store(tiny_db_path))
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    view._read_ahead.delay = 10_000   # no rendering ahead unless a test asks
    return view


def test_zoom_reaches_a_unit_rendered_before_it(reader):
    assert reader.open_paragraph("A07/13")
    assert reader.open_paragraph("B6-r4/1")
    reader.set_zoom(reader.zoom() + 3)
    assert reader.open_paragraph("A07/13")
    assert reader.document().defaultFont().pointSize() == reader.zoom()


def test_side_margin_reaches_every_unit(reader):
    assert reader.open_paragraph("A07/13")
    reader.set_side_margin(22)
    assert reader.document().rootFrame().frameFormat().rightMargin() == 22
    assert reader.open_paragraph("B6-r4/1")
    assert reader.document().rootFrame().frameFormat().rightMargin() == 22
