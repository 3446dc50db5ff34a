"""desktop.app.links_panel: «ما يحيل إلى» lists the paragraphs and index themes
that point at the open paragraph, each saying how it refers; a click on one
asks for that paragraph or theme."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.app.links_panel import LinksPanel
from desktop.content.store import open_store
from tests.helpers.reader_qt import links_followed


@pytest.fixture
def panel(qtbot, tiny_db_path):
    panel = LinksPanel(open_store(tiny_db_path))
    qtbot.addWidget(panel)
    panel.show()
    return panel


def _click(qtbot, panel, row: int) -> None:
    item = panel.list.item(row)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.list.visualItemRect(item).center())


def test_each_source_says_how_it_refers_and_themes_come_last(panel):
    panel.show_paragraph("A07/13")
    store = panel.store
    assert panel.title.text() == f"ما يحيل إلى: {store.paragraph('A07/13').citation}"
    entries = panel.entries()
    assert [(kind, ident) for kind, ident, _ in entries] == [
        ("paragraph", "B6-r4/pp1"), ("paragraph", "B6-r4/annex/1"), ("theme", 1)]
    mention, endorsement, theme = (text for _k, _i, text in entries)
    assert mention == f"{store.paragraph('B6-r4/pp1').citation}  (إشارة إلى الفقرة)"
    # the annex endorses the whole meeting, not this paragraph alone
    assert endorsement.endswith("(يُقِرّ توصياته، للوحدة كلها)")
    assert theme == "الفهرس المواضيعي: حماية الشُّهود"
    # the source's words in the tool tip
    assert panel.list.item(0).toolTip() == store.paragraph("B6-r4/pp1").text[:300]


def test_a_link_to_the_paragraph_itself_is_not_said_to_be_for_the_whole_unit(panel):
    panel.show_paragraph("A07/12")  # the endorsement stands on this, the unit's first paragraph
    (kind, ident, text), theme = panel.entries()
    assert (kind, ident) == ("paragraph", "B6-r4/annex/1")
    assert text.endswith("(يُقِرّ توصياته)")
    assert theme[:2] == ("theme", 2)


def test_nothing_pointing_here_says_so_and_opens_nothing(panel, qtbot):
    panel.show_paragraph("A07/13")
    panel.show_paragraph("B6-r4/1")  # the earlier list is gone
    assert panel.entries() == []
    assert panel.list.count() == 1
    assert panel.list.item(0).text() == "لا شيء يحيل إلى هذه الفقرة."
    with qtbot.assertNotEmitted(panel.paragraphRequested), \
            qtbot.assertNotEmitted(panel.themeRequested):
        panel._on_item(panel.list.item(0))


def test_a_click_asks_for_the_paragraph_or_the_theme(panel, qtbot):
    panel.show_paragraph("A07/13")
    with qtbot.waitSignal(panel.paragraphRequested) as asked:
        _click(qtbot, panel, 1)
    assert asked.args == ["B6-r4/annex/1"]
    with qtbot.waitSignal(panel.themeRequested) as asked:
        _click(qtbot, panel, 2)
    assert asked.args == [1]


def test_what_links_here_lists_the_endorsing_paragraph_and_theme(make_window, tiny_db_path,
                                                                  qtbot):
    """The panel follows the reader once the opens pause; its entries open
    what they name."""
    window = make_window(tiny_db_path)
    window.open_paragraph("B6-r4/1")
    window.open_paragraph("A07/13")
    assert window.links_panel.paragraph_id is None    # not in the open's frame
    links_followed(qtbot, window)
    assert window.links_panel.paragraph_id == "A07/13"  # the last one opened
    entries = window.links_panel.entries()
    assert ("paragraph", "B6-r4/annex/1") in [(k, i) for k, i, _ in entries]
    assert ("theme", 1) in [(k, i) for k, i, _ in entries]
    endorsing = next(text for k, i, text in entries if i == "B6-r4/annex/1")
    assert "القرار 4/6" in endorsing and "يُقِرّ توصياته" in endorsing
    # clicking it opens the endorsing paragraph
    row = [i for _k, i, _t in entries].index("B6-r4/annex/1")
    window.links_panel.list.itemClicked.emit(window.links_panel.list.item(row))
    assert window.reader.current_paragraph_id() == "B6-r4/annex/1"
    # and the theme opens in the index tab, selected
    window.open_paragraph("A07/13")
    links_followed(qtbot, window)
    panel = window.links_panel
    panel.list.itemClicked.emit(panel.list.item(panel.list.count() - 1))
    assert window.navigation.currentWidget() is window.index_panel
    assert window.index_panel.view.currentIndex().data() == "حماية الشُّهود"


def test_a_paragraph_is_looked_up_once_and_an_unchanged_list_is_kept(panel, monkeypatch):
    """The panel follows every open (issue 17): what it lists for a
    paragraph is asked of the store once, and a list that would come out
    the same is left as it is (only the title changes)."""
    asked: list[str] = []
    real = panel.store.links_to

    def links_to(paragraph_id):
        asked.append(paragraph_id)
        return real(paragraph_id)

    monkeypatch.setattr(panel.store, "links_to", links_to)
    panel.show_paragraph("A07/13")
    first = panel.list.item(0)
    panel.show_paragraph("B6-r4/1")
    panel.show_paragraph("A07/13")
    assert asked == ["A07/13", "B6-r4/1"]
    assert [i for _k, i, _t in panel.entries()] == ["B6-r4/pp1", "B6-r4/annex/1", 1]
    assert panel.title.text() == f"ما يحيل إلى: {panel.store.paragraph('A07/13').citation}"
    assert panel.list.item(0) is not first        # a different list came in between
    kept = panel.list.item(0)
    panel.show_paragraph("A07/13")
    assert panel.list.item(0) is kept             # the same list: not refilled
    empty = [pid for pid in ("B6-r4/1", "B6-r4/c1", "A07/13.l1.q1", "B6-r4/pp1")
             if not real(pid) and not panel.store.themes_citing(pid)]
    assert len(empty) >= 2
    panel.show_paragraph(empty[0])
    line = panel.list.item(0)
    panel.show_paragraph(empty[1])
    assert panel.list.item(0) is line and line.text() == "لا شيء يحيل إلى هذه الفقرة."
    assert panel.title.text() == f"ما يحيل إلى: {panel.store.paragraph(empty[1]).citation}"


def test_the_panel_can_be_brought_up_to_date_at_once(make_window, tiny_db_path):
    """A screenshot is taken straight after its open: the panel is filled
    then, not once the opens pause."""
    window = make_window(tiny_db_path)
    window.open_paragraph("A07/13")
    window.panels_follow_now()
    assert window.links_panel.paragraph_id == "A07/13"
    assert ("paragraph", "B6-r4/annex/1") in [(k, i) for k, i, _ in window.links_panel.entries()]
