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
