"""desktop.app.search_results: a page of search results as a list model and
each one painted as a right-to-left rich-text block (citation, highlighted
snippet, notes), database text escaped; the first partial match is headed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QListView, QStyleOptionViewItem

from desktop.app.search_results import (HIGHLIGHT_STYLE, HTML_ROLE, ID_ROLE, KIND_ROLE,
                                        PARTIAL_HEADING, TERMS_ROLE, HtmlDelegate,
                                        ResultsModel, result_html)
from desktop.content.citations import RLM
from desktop.search.results import Result, Results
from desktop.search.snippets import Snippet

SNIPPET = Snippet(segments=(("ينبغي ", False), ("حماية", True), (" <الشهود> & غيرهم", False)),
                  cut_start=True, cut_end=False, terms=("حماية",))


def _result(pid: str, **kw) -> Result:
    kw.setdefault("citation", f"الجزء ألف، {pid}")
    kw.setdefault("snippet", "نص")
    return Result(id=pid, score=1.0, **kw)


@pytest.fixture
def model(qapp):
    page = Results([_result("A07/13", snippet_parts=SNIPPET, terms=("حماية",)),
                    _result("A07/5", kind="title"),
                    _result("B6-r4/1", partial=True, matched=1),
                    _result("B6-r4/2", partial=True, matched=1)])
    page.partial_start = 2
    model = ResultsModel()
    model.set_results(page)
    return model


def test_the_model_gives_each_result_by_role(model, qtbot):
    assert model.rowCount() == 4 and model.rowCount(model.index(0, 0)) == 0
    first = model.index(0, 0)
    assert model.data(first, ID_ROLE) == "A07/13"
    assert model.data(first, TERMS_ROLE) == ["حماية"]
    assert model.data(first, KIND_ROLE) == "paragraph"
    assert model.data(model.index(1, 0), KIND_ROLE) == "title"
    assert model.data(first, Qt.ItemDataRole.ToolTipRole) == "الجزء ألف، A07/13"
    # what a screen reader and a copy get: the citation, then the snippet's words
    assert model.data(first, Qt.ItemDataRole.DisplayRole) == \
        "الجزء ألف، A07/13\nينبغي حماية <الشهود> & غيرهم"
    assert model.data(model.index(1, 0), Qt.ItemDataRole.DisplayRole) == "الجزء ألف، A07/5\nنص"
    assert model.result(2).id == "B6-r4/1" and model.result(4) is None and model.result(-1) is None
    assert model.data(model.index(5, 0), ID_ROLE) is None
    with qtbot.waitSignal(model.modelReset):
        model.set_results([])
    assert model.rowCount() == 0 and model.partial_start is None


def test_the_block_escapes_database_text_and_highlights_the_match(model):
    html = model.data(model.index(0, 0), HTML_ROLE)
    assert f'<span style="{HIGHLIGHT_STYLE}">حماية</span>' in html
    assert "&lt;الشهود&gt; &amp; غيرهم" in html and "<الشهود>" not in html
    assert html.count('dir="rtl"') == 2 and f"<b>{RLM}الجزء ألف، A07/13</b>" in html
    assert "… ينبغي" in html  # the window starts inside the text
    plain = result_html(_result("x", citation="<b>حيلة</b>", snippet="<script>x</script>"))
    assert "<script>" not in plain and "&lt;script&gt;" in plain and "&lt;b&gt;حيلة" in plain


def test_only_the_first_partial_match_is_headed(model):
    headed = [model.data(model.index(row, 0), HTML_ROLE).count(PARTIAL_HEADING)
              for row in range(4)]
    assert headed == [0, 0, 1, 0]


def test_notes_say_how_the_result_was_found(qapp):
    html = result_html(_result("A07/13", variants=("غسل الأموال",), theme="حماية الشهود",
                               also_in=("القرار 4/6",)))
    for note in ("بصيغة: غسل الأموال", "من الفهرس المواضيعي: حماية الشهود",
                 "وارد أيضاً في القرار 4/6"):
        assert f"<small>{RLM}{note}</small>" in html
    assert "<small>" not in result_html(_result("A07/13"))


def test_the_delegate_wraps_right_to_left_and_grows_when_narrow(model, qtbot):
    long = "حماية الشهود والضحايا والمبلغين " * 12
    model.set_results([_result("A07/13", snippet=long)])
    view = QListView()
    qtbot.addWidget(view)
    view.setModel(model)
    delegate = HtmlDelegate(view)
    view.setItemDelegate(delegate)
    index = model.index(0, 0)
    option = QStyleOptionViewItem()
    option.font = view.font()
    option.rect.setWidth(600)
    wide = delegate.sizeHint(option, index)
    option.rect.setWidth(250)
    narrow = delegate.sizeHint(option, index)
    assert narrow.height() > wide.height() * 1.5   # wrapped onto more lines
    assert narrow.width() <= 250 < wide.width() <= 600

    # painted: ink on the right (start of an Arabic line), the left end of a short line blank
    model.set_results([_result("A07/13", citation="حماية", snippet="الشهود")])
    option.rect.setRect(0, 0, 400, 60)
    option.widget = view
    image = QImage(400, 60, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    delegate.paint(painter, option, model.index(0, 0))
    painter.end()

    def inked(x0, x1):
        return any(image.pixelColor(x, y).lightness() < 128 for x in range(x0, x1)
                   for y in range(60))

    assert inked(300, 400) and not inked(0, 200)


def test_an_empty_index_is_no_result(model):
    assert model.data(QModelIndex(), ID_ROLE) is None
