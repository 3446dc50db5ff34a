"""Snippets come from the original text and highlight exactly the matched words."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from desktop.search.engine import search
from desktop.search.query import parse
from desktop.search.snippets import MARK_CLOSE, MARK_OPEN, make_snippet, matched_words

from tests.unit.search.conftest import PARAGRAPHS
from tests.unit.search.test_engine import CASES


def unmark(s: str) -> str:
    return s.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")


@pytest.mark.parametrize("query", [c[0] for c in CASES])
def test_every_result_snippet_is_a_substring_of_the_original(search_conn, texts, query):
    for r in search(search_conn, query, limit=100):
        if r.kind in ("paragraph", "locator"):
            assert unmark(r.snippet) in texts[r.id], (query, r.id)
            assert r.snippet_parts.plain() == unmark(r.snippet)


def test_highlight_keeps_diacritics_of_the_original(search_conn):
    r = search(search_conn, "يقر", part="B")[0]
    assert f"{MARK_OPEN}يُقرُّ{MARK_CLOSE}" in r.snippet
    assert "يُقرُّ" in r.terms


def test_highlight_covers_the_clitic_forms(search_conn):
    r = next(r for r in search(search_conn, "الشهود", limit=50) if r.id == "A07/6")
    assert set(r.snippet_parts.highlighted) == {"للشهود", "والشهود"}


def test_phrase_highlight_is_one_span(search_conn):
    r = next(r for r in search(search_conn, '"حماية الشهود"') if r.id == "A02/3.l3")
    assert r.snippet_parts.highlighted == ["حماية الشهود"]


def test_tatweel_word_highlighted_as_printed(search_conn):
    r = next(r for r in search(search_conn, "القانونية") if r.id == "C6/4")
    assert "القانونيـة" in r.snippet_parts.highlighted


def test_long_text_is_cut_around_the_match():
    long_text = PARAGRAPHS[2][6]  # A02/1, the longest fixture paragraph
    snip = make_snippet(long_text, parse("الأمانة"), max_words=12)
    assert snip.cut_start
    assert "الأمانة" in snip.highlighted
    assert snip.plain() in long_text
    assert len(snip.plain().split()) <= 12


def test_html_escapes_the_text():
    snip = make_snippet("<b>الشهود</b> & غيرهم", parse("الشهود"))
    assert snip.html() == "&lt;b&gt;<b>الشهود</b>&lt;/b&gt; &amp; غيرهم"


def test_matched_words_lists_original_spellings():
    text = "حماية للشهود والشهود، وبرامج حماية الشهود"
    assert matched_words(text, parse("الشهود")) == ["للشهود", "والشهود", "الشهود"]


arabic = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
mixed_text = st.text(st.one_of(arabic, st.sampled_from(" ،.؛-/ـ\u200f"), st.characters()),
                     max_size=300)


@settings(max_examples=300, deadline=None)
@given(text=mixed_text, query=mixed_text)
def test_snippet_minus_marks_is_substring_for_any_text(text, query):
    snip = make_snippet(text, parse(query), max_words=8)
    assert snip.plain() in text
    # marked() is the CLI's display form and its markers are reserved: a text
    # that itself holds "<mark>" cannot round-trip through it (the app renders
    # from the segments, escaped: test_literal_mark_in_a_text_stays_text)
    if MARK_OPEN not in text and MARK_CLOSE not in text:
        assert unmark(snip.marked()) == snip.plain()


def test_literal_mark_in_a_text_stays_text():
    text = "حماية الشهود <mark>x</mark> والضحايا"
    snip = make_snippet(text, parse("الشهود"), max_words=8)
    html = snip.html("<b>", "</b>")
    assert "&lt;mark&gt;x&lt;/mark&gt;" in html
    assert "<b>الشهود</b>" in html


QUERIES = ["الشهود", "حماية الشهود", '"غسل الأموال"', "التقنيه", "يقر", "تقني*",
           "الاتجار بالاشخاص -المهاجرين", "CTOC/COP/WG.2/2013/5", "بناء القدرات",
           "الفساد", "المساعده القانونيه المتبادله", "سابعاً-13", "القرار 4/6"]


@pytest.mark.parametrize("query", QUERIES)
def test_real_snippets_are_substrings_of_the_paragraph(real, query):
    for r in search(real, query, limit=100):
        if r.kind in ("paragraph", "locator"):
            text = real.execute("SELECT text FROM paragraphs WHERE id=?", (r.id,)).fetchone()[0]
            assert r.snippet.replace(MARK_OPEN, "").replace(MARK_CLOSE, "") in text
