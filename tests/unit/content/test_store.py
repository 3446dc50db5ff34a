"""desktop/content/store.py, the read API: the hierarchy, paragraphs,
footnotes, links and index, on a hand-made database and on the real one."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.content.ids import ORDINAL_WORDS
from desktop.content.records import Node, Paragraph
from desktop.content.store import open_store
from tests.helpers.reader_db import make_reader_db


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    return open_store(make_reader_db(tmp_path_factory.mktemp("s") / "tiny.sqlite"))


@pytest.fixture(scope="module")
def real(content_db_path):
    return open_store(content_db_path)


# --- refusing what cannot be read -----------------------------------------


def test_store_is_read_only(tiny):
    """The store reads through the one read-only opener and hands its
    connection to no one: readers ask its methods."""
    from desktop.content.database import open_readonly
    conn = open_readonly(tiny.path)
    try:
        with pytest.raises(sqlite3.OperationalError):
            conn.execute("DELETE FROM paragraphs")
    finally:
        conn.close()
    assert not any(hasattr(tiny, name) for name in ("conn", "db", "query"))


# --- hierarchy and paragraphs (tiny database) -----------------------------

def test_nodes_with_children_are_those_whose_children_are_not_empty(tiny):
    parents = tiny.nodes_with_children()
    ids = [row[0] for row in tiny._rows("SELECT id FROM nodes")]
    assert parents and parents == {i for i in ids if tiny.children(i)}


def test_top_nodes_and_children_in_reading_order(tiny):
    assert [n.id for n in tiny.top_nodes()] == ["A", "B"]
    assert [n.id for n in tiny.children(None)] == ["A", "B"]
    assert [x.id for x in tiny.children("A07")] == [
        "A07/12", "A07/13", "A07/13.l1", "A07/13.l1.q1"]
    # paragraphs of the resolution first, then its annex (by source line)
    kids = tiny.children("B6-r4")
    assert [x.id for x in kids] == ["B6-r4/c1", "B6-r4/pp1", "B6-r4/1", "B6-r4/annex"]
    assert isinstance(kids[-1], Node) and isinstance(kids[0], Paragraph)


def test_unit_paragraphs_cross_the_annex(tiny):
    assert [p.id for p in tiny.unit_paragraphs("B6-r4")] == [
        "B6-r4/c1", "B6-r4/pp1", "B6-r4/1", "B6-r4/annex/1"]
    assert tiny.unit_of("B6-r4/annex/1").id == "B6-r4"
    assert tiny.first_paragraph("B").id == "B6-r4/c1"


def test_paragraph_record(tiny):
    para = tiny.paragraph("A07/13.l1.q1")
    assert para.label_path == ("13", "(أ)", "'1'")
    assert para.depth == 2
    assert para.citation == "الجزء ألف، سابعاً-13 (أ) '1'"
    assert tiny.paragraph("A07/99") is None
    assert tiny.cited_as("A07/13.l1.q1") == "الجزء ألف، سابعاً-13 (أ) '1'"
    assert tiny.cited_as("A07/99") == "A07/99"      # not in this compendium: its id
    assert [p.id for p in tiny.paragraphs(["A07/13", "A07/12", "nope"])] == ["A07/12", "A07/13"]


def test_a_paragraph_asked_for_again_is_not_read_again(tmp_path, monkeypatch):
    """One open asks for its paragraph several times (reader, window,
    panels): the store reads it once, and keeps only the last few."""
    from desktop.content import store as store_module
    store = open_store(make_reader_db(tmp_path / "tiny.sqlite"))
    reads: list[str] = []
    real = store._rows

    def counting(sql, params=()):
        reads.append(sql)
        return real(sql, params)

    monkeypatch.setattr(store, "_rows", counting)
    monkeypatch.setattr(store_module, "PARAGRAPH_CACHE", 2)
    first = store.paragraph("A07/13")
    reads.clear()
    assert store.paragraph("A07/13") is first and reads == []
    assert store.paragraph("A07/99") is None and store.paragraph("A07/99") is None
    assert len(reads) == 2                              # nothing to keep for an unknown id
    store.paragraph("A07/12")
    store.paragraph("B6-r4/1")                          # over the bound: the old ones go
    assert len(store._paragraph_cache) <= 2
    store.close()


def test_paragraph_texts_are_the_stored_texts_of_the_ids_that_exist(tiny):
    texts = tiny.paragraph_texts(["A07/13", "nope", "A07/12", "A07/13"])
    assert set(texts) == {"A07/12", "A07/13"}
    assert texts["A07/13"] == tiny.paragraph("A07/13").text and texts["A07/13"]
    assert tiny.paragraph_texts([]) == {}


def test_ancestors_outermost_first(tiny):
    assert [n.id for n in tiny.ancestors("B6-r4/annex")] == ["B", "B6", "B6-r4", "B6-r4/annex"]


def test_footnotes_of_paragraphs(tiny):
    notes = tiny.footnotes(["A07/12", "A07/13"])
    assert [(n.number, n.paragraph_id) for n in notes] == [(3, "A07/13")]
    assert tiny.footnotes([]) == []


def test_links_both_ways(tiny):
    # direct links first, then those to the whole meeting (to_node)
    assert [(l.from_id, l.kind) for l in tiny.links_to("A07/13")] == [
        ("B6-r4/pp1", "mention_paragraph"), ("B6-r4/annex/1", "endorsement")]
    assert [l.from_id for l in tiny.links_to("A07/12")] == ["B6-r4/annex/1"]
    assert {l.to_id for l in tiny.links_from(["B6-r4/pp1", "B6-r4/annex/1"])} == {
        "A07/12", "A07/13"}
    assert tiny.links_from(["A07/12"])[0].from_node == "A07"


def test_index_themes_entries_and_what_cites_a_paragraph(tiny):
    assert [t.name for t in tiny.themes()] == ["حماية الشُّهود", "التعاون الدولي"]
    assert [t.entry_count for t in tiny.themes()] == [2, 1]
    entries = tiny.index_entries(1)
    assert [(e.locator, e.targets, e.resolved) for e in entries] == [
        ("الجزء ألف سابعاً-13", ("A07/13",), True), ("ف.د 9", (), False)]
    assert [t.id for t in tiny.themes_citing("A07/13")] == [1]
    assert tiny.theme(2).name == "التعاون الدولي"


def test_absent_index_and_links_tables_give_empty_answers(tmp_path):
    store = open_store(make_reader_db(tmp_path / "bare.sqlite", with_index=False))
    assert not store.has_index()
    assert store.themes() == [] and store.index_entries(1) == []
    assert store.links_to("A07/13") == [] and store.links_from(["A07/13"]) == []
    assert store.themes_citing("A07/13") == []
    assert store.paragraph("A07/13") is not None


def test_sample_units_has_one_of_each_kind(tiny):
    assert {k: n.id for k, n in tiny.sample_units().items()} == {
        "meeting": "A07", "resolution": "B6-r4"}


# --- the real database ----------------------------------------------------

def test_real_parts_meetings_and_sessions_in_order(real):
    tops = [n for n in real.top_nodes() if n.document == "compendium"]
    assert [n.id for n in tops] == ["A", "B"]
    meetings = [m for m in real.child_nodes("A") if m.document == "compendium"]
    assert [m.number for m in meetings] == list(range(1, 12))
    assert all(m.kind == "meeting" and m.dates for m in meetings)
    assert meetings[6].heading.startswith(ORDINAL_WORDS[7])
    sessions = [s for s in real.child_nodes("B") if s.document == "compendium"]
    assert [s.number for s in sessions] == list(range(1, 9))


def test_real_resolution_children_put_the_annex_after_its_paragraphs(real):
    kids = real.children("B6-r4")
    kinds = [type(k).__name__ for k in kids]
    assert kinds[-1] == "Node" and set(kinds[:-1]) == {"Paragraph"}
    assert kids[-1].kind == "annex"


def test_real_compendium_first_in_top_nodes(real):
    docs = [n.document for n in real.top_nodes()]
    assert docs[:2] == ["compendium", "compendium"]
    assert real.documents()[0].id == "compendium"


def test_locator_ids_resolve_on_the_stores_own_connection(content_db_path):
    store = open_store(content_db_path)
    try:
        assert store.locator_ids("الجزء ألف سابعاً-13") == ["A07/13"]
        assert store.locator_ids("الجزء باء، المقرر ٣/٤، (ط) '٢'") == ["B4-d3/l9.q2"]
        assert store.locator_ids("لا شيء هنا") == []
    finally:
        store.close()
