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


def test_words_are_folded_terms_and_a_minus_excludes():
    q = parse("حمايةُ الشهود -الضحايا")
    assert [t.words for t in q.include] == [("حمايه",), ("الشهود",)]
    assert [t.words for t in q.exclude] == [("الضحايا",)]


def test_quotes_make_one_phrase_term_and_a_star_a_prefix():
    q = parse("«غسل الأموال» تقني*")
    assert [t.words for t in q.include] == [("غسل", "الاموال"), ("تقني",)]
    assert [t.prefix for t in q.include] == [False, True]
    assert '"غسل الاموال"' in q.fts() and '"تقني"*' in q.fts()


def test_the_last_word_typed_is_open_ended_only_while_typing():
    assert parse("الشهود المستضع", as_you_type=True).include[-1].open_end
    assert not parse("الشهود المستضع").include[-1].open_end
    assert not parse("الشهود المستضع ", as_you_type=True).include[-1].open_end


def test_no_words_no_terms():
    for text in ("", "   ", "-", "«»"):
        assert parse(text).include == []
