"""The contents tree asks the store lazily and finds paragraphs by id."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from desktop.app.tree_model import ContentTreeModel, node_text, paragraph_text
from desktop.content.store import open_store


class CountingStore:
    """Wraps a store and records which nodes' children were asked for."""

    def __init__(self, store):
        self._store = store
        self.asked: list[str | None] = []

    def children(self, node_id):
        self.asked.append(node_id)
        return self._store.children(node_id)

    def __getattr__(self, name):
        return getattr(self._store, name)


def test_children_are_fetched_only_when_asked(app, tiny_db_path):
    store = CountingStore(open_store(tiny_db_path))
    model = ContentTreeModel(store)
    assert store.asked == []
    assert model.rowCount() == 2
    assert store.asked == [None]
    part_b = model.index(1, 0)
    model.rowCount(part_b)
    model.rowCount(part_b)  # cached
    assert store.asked == [None, "B"]


def test_index_for_paragraph_walks_down_to_it(app, tiny_db_path):
    model = ContentTreeModel(open_store(tiny_db_path))
    index = model.index_for_paragraph("B6-r4/annex/1")
    assert model.key(index) == ("paragraph", "B6-r4/annex/1")
    chain = []
    while index.isValid():
        chain.append(model.key(index)[1])
        index = model.parent(index)
    assert chain == ["B6-r4/annex/1", "B6-r4/annex", "B6-r4", "B6", "B"]
    assert not model.index_for_paragraph("nope").isValid()


def test_display_and_tooltip_texts(app, tiny_db_path):
    store = open_store(tiny_db_path)
    model = ContentTreeModel(store)
    meeting = model.index(0, 0, model.index(0, 0))
    assert meeting.data() == node_text(store.node("A07")) == \
        "سابعاً- الاجتماع السابع (من 28 إلى 30 تشرين الأول/أكتوبر 2013)"
    assert "CTOC/COP/WG.2/2013/5" in meeting.data(Qt.ItemDataRole.ToolTipRole)
    para = model.index(1, 0, meeting)
    assert para.data() == paragraph_text(store.paragraph("A07/13"))
    assert para.data().startswith("13  ينبغي للدول")
    assert para.data(Qt.ItemDataRole.ToolTipRole) == "الجزء ألف، سابعاً-13"
    assert model.rowCount(para) == 0 and not model.hasChildren(para)
    assert not model.index(5, 0, QModelIndex()).isValid()


def test_a_branch_mark_does_not_load_the_rows_under_it(app, content_db_path):
    """hasChildren of a row not opened yet comes from the store's list of
    parents (issue 17: every meeting beside the start paragraph's loaded
    its paragraphs for its branch mark), and agrees with the rows."""
    store = CountingStore(open_store(content_db_path))
    model = ContentTreeModel(store)
    stack = [model.index(row, 0) for row in range(model.rowCount())]
    seen = 0
    while stack:
        index = stack.pop()
        asked = len(store.asked)
        has = model.hasChildren(index)
        assert len(store.asked) == asked           # nothing loaded for the mark
        assert has == bool(store._store.children(model.key(index)[1])) \
            if model.key(index)[0] == "node" else not has
        seen += 1
        if has:
            stack.extend(model.index(row, 0, index) for row in range(model.rowCount(index)))
    assert seen > 500
