"""desktop/search/query.py: what a typed query means (terms, phrases, exclusions, prefixes); any text parses."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

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
