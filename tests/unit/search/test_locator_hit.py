"""desktop/search/locator_hit.py: a query that names a paragraph (locator, id, printed citation) gives that paragraph first."""

from __future__ import annotations


from desktop.search.engine import search


def test_locator_comes_first_and_alone_on_the_paragraph(search_conn):
    results = search(search_conn, "سابعاً-13")
    assert results[0].id == "A07/13"
    assert results[0].kind == "locator"
    assert [r.id for r in results].count("A07/13") == 1


def test_locator_by_id_and_by_part_prefix(search_conn):
    assert search(search_conn, "A07/13")[0].id == "A07/13"
    assert search(search_conn, "الجزء ألف، سابعاً - 13")[0].id == "A07/13"
    assert search(search_conn, "القرار 4/6")[0].id == "B6-r4/1"
