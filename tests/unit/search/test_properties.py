"""Arbitrary Unicode input never raises."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from desktop.search.engine import search
from desktop.search.normalize import analyze, fold, words
from desktop.search.query import parse

query_text = st.text(
    st.one_of(st.characters(),
              st.sampled_from('"*-()^:{}+ «»ـًٌٍَُِّْ\u200f\u2060ANDORNOTNEAR/.'),
              st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)),
    max_size=120)


@settings(max_examples=400, deadline=None)
@given(query_text)
def test_parse_and_fold_never_raise(text):
    q = parse(text)
    q.fts()
    q.exact_fts()
    for w in words(text):
        analyze(w)
    assert isinstance(fold(text), str)


@settings(max_examples=300, deadline=None)
@given(text=query_text, part=st.sampled_from([None, "A", "B", "X"]),
       year=st.sampled_from([None, 2013, 0]))
def test_search_never_raises(search_conn, text, part, year):
    results = search(search_conn, text, part=part, year=year, limit=7)
    assert len(results) <= 7
    for r in results:
        assert r.id and r.citation is not None


@settings(max_examples=50, deadline=None)
@given(st.text(min_size=2000, max_size=20000))
def test_very_long_input_is_cut_not_refused(search_conn, text):
    q = parse(text)
    assert len(q.text) <= 500
    search(search_conn, text, limit=3)
