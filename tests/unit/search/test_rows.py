"""desktop/search/rows.py: the rows of one page (ranked, or above RANK_LIMIT the cheap path), their filters and counts."""

from __future__ import annotations

import pytest

from desktop.search.engine import search


@pytest.mark.parametrize("query", ["المساعدة", "الشهود", "الشهود -الضحايا", "تقني*",
                                   '"حماية الشهود"', "CTOC/COP/WG.2/2013/5"])
def test_many_rows_path_finds_the_same_rows_exact_first(search_conn, monkeypatch, query):
    """Above RANK_LIMIT rows bm25 is skipped: same rows, exact tier first, reading order after."""
    from desktop.search import rows

    ranked = search(search_conn, query, limit=100)
    monkeypatch.setattr(rows, "RANK_LIMIT", 1)
    cheap = search(search_conn, query, limit=100)
    assert {r.id for r in cheap} == {r.id for r in ranked}
    assert cheap.total == ranked.total
    flags = [r.exact for r in cheap]
    assert flags == sorted(flags, reverse=True)
    # Pages of the cheap path join up without gaps or repeats.
    pages = [r.id for off in range(0, len(cheap), 3)
             for r in search(search_conn, query, limit=3, offset=off, kinds=("paragraph",))]
    assert pages == [r.id for r in search(search_conn, query, limit=100, kinds=("paragraph",))]


def test_tag_filter_joins_each_filter_and_leaves_none_for_no_filter(search_conn):
    from desktop.search.engine import KINDS
    from desktop.search.rows import tag_filter

    assert tag_filter(search_conn, None, None, None, None, None, KINDS) is None
    assert tag_filter(search_conn, "A", ["A07", "B6-r4"], 2013, None, None, KINDS) == (
        'tags : ("pa") AND tags : ("ua07" OR "ub6r4") AND tags : ("y2013")')
    # a theme is its keys in the index; an unknown theme matches nothing
    assert tag_filter(search_conn, None, None, None, "لا موضوع", None, KINDS) == 'tags : ("tnone")'
    assert tag_filter(search_conn, None, None, None, "حماية الشهود", None, KINDS).startswith('tags : ("t')
    # themes belong to no document: a document filter keeps them when they are asked for
    assert tag_filter(search_conn, None, None, None, None, "compendium", KINDS) == (
        'tags : ("dcompendium" OR "ktheme")')
    assert tag_filter(search_conn, None, None, None, None, None, ("paragraph",)) == (
        'tags : ("kparagraph")')


def test_count_matches_is_capped(search_conn):
    from desktop.search.query import parse
    from desktop.search.rows import count_matches

    match = parse("المساعدة").fts()
    total = count_matches(search_conn, match, 1000)
    assert total >= 5
    assert count_matches(search_conn, match, 2) == 2


def test_copies_of_lists_every_copy_in_reading_order(real):
    from desktop.search.rows import copies_of

    assert copies_of(real, []) == {}
    twin, = real.execute(
        "SELECT twin FROM search_docs WHERE kind='paragraph' AND twin IS NOT NULL "
        "GROUP BY twin HAVING count(*) > 1 ORDER BY min(sort) LIMIT 1").fetchone()
    expected = [r for (r,) in real.execute(
        "SELECT ref FROM search_docs WHERE kind='paragraph' AND twin = ? ORDER BY sort", (twin,))]
    copies = copies_of(real, [twin, twin])
    assert list(copies) == [twin]
    assert [ref for ref, _, _ in copies[twin]] == expected and len(expected) > 1
    for ref, part, local in copies[twin]:
        assert (part, local) == real.execute(
            "SELECT part, citation FROM paragraphs WHERE id = ?", (ref,)).fetchone()


def test_page_texts_are_a_rows_own_text_or_its_paragraphs_from_the_store(real):
    from desktop.content.store import open_store
    from desktop.search.rows import SELECT, TEXT, page_texts

    rows = real.execute(SELECT.format(score="NULL", is_exact="0") + "ORDER BY d.kind, d.rowid",
                        ['"الشهود"']).fetchall()
    kinds = {r[0] for r in rows}
    assert {"paragraph", "theme"} <= kinds
    store = open_store(real.path)
    try:
        expected = [r[TEXT] if r[0] != "paragraph" else store.paragraph(r[1]).text for r in rows]
    finally:
        store.close()
    assert page_texts(real, rows) == expected and all(expected)
    assert all(r[TEXT] is None for r in rows if r[0] == "paragraph")
