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


def test_locator_hit_names_the_paragraph_and_its_citation(search_conn):
    from desktop.search.locator_hit import locator_hit
    from desktop.search.query import parse

    assert locator_hit(search_conn, parse("سابعاً-13")) == ("A07/13", "الجزء ألف، سابعاً-13")
    assert locator_hit(search_conn, parse("A07/5")) == ("A07/5", "الجزء ألف، سابعاً-5")
    assert locator_hit(search_conn, parse("الجزء ألف، سابعاً-6")) == ("A07/6", "الجزء ألف، سابعاً-6")
    assert locator_hit(search_conn, parse("الشهود")) is None


def test_citations_of_gives_the_known_ids_only(search_conn):
    from desktop.search.locator_hit import citations_of

    cited = citations_of(search_conn, ["A07/5", "nope", "C6/4"])
    assert list(cited) == ["A07/5", "C6/4"]
    assert cited["A07/5"] == "الجزء ألف، سابعاً-5"
    # a paragraph of another document is cited naming that document
    assert "CTOC/COP/2012/1" in cited["C6/4"] and cited["C6/4"].endswith("جدول الأعمال، 4")
