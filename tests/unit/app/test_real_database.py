"""The reader on the database the build produces: the parts in order, the
index, and the links between Working Group meetings and COP resolutions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QUrl

from desktop.content.ids import ORDINAL_WORDS
from desktop.content.render import para_href
from desktop.content.render import HIGHLIGHT_COLOUR
from tests.helpers.reader_qt import block_background, links_followed


@pytest.fixture
def window(make_window, content_db_path):
    return make_window(content_db_path)


def _children(model, parent):
    return [model.index(r, 0, parent) for r in range(model.rowCount(parent))]


def test_tree_has_parts_meetings_sessions_and_decisions_in_order(window):
    model = window.tree_model
    part_a, part_b = _children(model, QModelIndex())[:2]
    assert model.key(part_a) == ("node", "A") and model.key(part_b) == ("node", "B")
    meetings = [i for i in _children(model, part_a)
                if window.store.node(model.key(i)[1]).document == "compendium"]
    assert [window.store.node(model.key(i)[1]).number for i in meetings] == list(range(1, 12))
    assert meetings[6].data().startswith(ORDINAL_WORDS[7])
    assert "2013" in meetings[6].data()
    sessions = [i for i in _children(model, part_b)
                if window.store.node(model.key(i)[1]).document == "compendium"]
    assert [model.key(i)[1] for i in sessions] == [f"B{n}" for n in range(1, 9)]
    session3 = _children(model, sessions[2])
    assert [i.data().split(":")[0] for i in session3] == ["المقرر 4/3"]
    decision = _children(model, session3[0])
    kinds = [model.key(i)[0] for i in decision]
    assert kinds[0] == "paragraph" and "node" in kinds


def test_every_top_document_is_in_the_tree_compendium_first(window):
    model = window.tree_model
    keys = [model.key(i)[1] for i in _children(model, QModelIndex())]
    assert keys[:2] == ["A", "B"]
    assert len(keys) == len(window.store.top_nodes())


def test_selecting_a_meeting_7_recommendation(window):
    index = window.tree_model.index_for_paragraph("A07/13")
    window.tree_view.setCurrentIndex(index)
    para = window.store.paragraph("A07/13")
    assert window.reader.current_paragraph_id() == "A07/13"
    assert " ".join(para.text.split())[:40] in " ".join(window.reader.toPlainText().split())
    assert block_background(window.reader, "A07/13") == HIGHLIGHT_COLOUR
    assert window.citation_label.text() == "\u200f" + para.citation


def test_what_links_here_lists_the_endorsing_resolution(window, qtbot):
    window.open_paragraph("A07/13")
    links_followed(qtbot, window)
    entries = window.links_panel.entries()
    sources = {ident for kind, ident, _ in entries if kind == "paragraph"}
    assert any(s.startswith("B7-r3") for s in sources), entries
    text = next(t for k, i, t in entries if i.startswith("B7-r3"))
    assert "القرار 3/7" in text
    themes = [t for k, i, t in entries if k == "theme"]
    assert any("حماية الشهود" in t for t in themes)


def test_following_a_mention_and_coming_back(window):
    store = window.store
    link = next(l for l in store.links_from(p.id for p in store.unit_paragraphs("A04"))
                if l.kind == "mention_decision")
    window.open_paragraph(link.from_id)
    window.reader.anchorClicked.emit(QUrl(para_href(link.to_id)))
    assert window.reader.current_paragraph_id() == link.to_id
    assert window.reader.current_unit_id() == store.paragraph(link.to_id).unit_id
    window.back_action.trigger()
    assert window.reader.current_paragraph_id() == link.from_id


def test_theme_filter_and_entry_opens_target(window):
    panel = window.index_panel
    assert len(panel.visible_themes()) == len(window.store.themes()) > 20
    panel.filter_box.setText("الشُّهود")  # with diacritics this time
    assert panel.visible_themes() == ["حماية الشهود"]
    panel.filter_box.setText("الشهود")
    assert panel.visible_themes() == ["حماية الشهود"]
    panel.filter_box.setText("انفاذ القانون")  # hamza left out
    assert set(panel.visible_themes()) == {
        "التعاون والتنسيق بين الوكالات/ الأجهزة (إنفاذ القانون)",
        "سلطات وأجهزة إنفاذ القانون والمسؤولون والموظفون العاملون في هذا المجال"}
    panel.filter_box.setText("الشهود")
    theme = panel.proxy.index(0, 0)
    panel.view.expand(theme)
    entry_index = panel.proxy.index(1, 0, theme)
    entry = panel.model.entry(panel.proxy.mapToSource(entry_index))
    assert entry.resolved and entry.targets
    panel.view.clicked.emit(entry_index)
    assert window.reader.current_paragraph_id() == entry.targets[0]


def test_index_entry_with_several_targets_tints_the_others(window):
    panel = window.index_panel
    panel.filter_box.setText("الشهود")
    theme = panel.proxy.index(0, 0)
    panel.view.expand(theme)
    for row in range(panel.proxy.rowCount(theme)):
        index = panel.proxy.index(row, 0, theme)
        entry = panel.model.entry(panel.proxy.mapToSource(index))
        if entry.symbol == "CTOC/COP/WG.2/2013/5":
            break
    assert entry.targets[:3] == ("A07/11", "A07/13", "A07/15")
    panel.view.clicked.emit(index)
    reader = window.reader
    assert reader.current_paragraph_id() == "A07/11"
    assert reader.marked_paragraphs() == [t for t in entry.targets[1:]
                                          if window.store.paragraph(t).unit_id == "A07"]
    # a click on another paragraph keeps the tint; opening elsewhere clears it
    reader.select_paragraph("A07/12")
    assert "A07/13" in reader.marked_paragraphs()
    window.open_paragraph("B3-d4/1")
    assert reader.marked_paragraphs() == []
