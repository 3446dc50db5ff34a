"""desktop/content/html_blocks.py: the HTML pieces of every reader page:
source text escaped for Markdown and shown exactly, inline Markdown (and its
fast path), headings, meta lines, the page, paragraph anchors and hrefs."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings, strategies as st

from desktop.content.citations import strip_joiners, join_symbols as keep_symbols_whole
from desktop.content.html_blocks import escape_source, markdown_inline


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment.replace("<br/>", "\n")))


def test_markdown_syntax_in_the_source_stays_literal():
    for source in ("1. ليس قائمة", "# ليس عنواناً", "[نص](http://x)", "`رمز`",
                   "- بند", "a_b_c", "> اقتباس", "*نجمة*"):
        assert _text(markdown_inline(escape_source(source))) == source


def test_line_breaks_stay_inside_one_block():
    out = markdown_inline(escape_source("أعضاء المكتب:\nالرئيس: فلان\n\nنائب الرئيس: فلان"))
    assert out == "أعضاء المكتب:<br/>الرئيس: فلان<br/>نائب الرئيس: فلان"
    assert "<p>" not in out


def test_bold_in_the_source_is_kept():
    assert markdown_inline(escape_source("**المساعدة التقنية:**")) == \
        "<strong>المساعدة التقنية:</strong>"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("ابتثجحخ دذرزسشصض0123456789<>&\"'[]()#_`\\-!|~.{}+/=:;،؛\n")
                                   + ["CTOC/COP/WG.2/2013/5", "\u064e", "\u0651", "1. "]),
                min_size=1, max_size=60).map("".join))
def test_text_survives_escaping_and_markdown(text):
    """What the reader shows is exactly the source text (whitespace aside)."""
    body = markdown_inline(escape_source(keep_symbols_whole(text)))
    assert not re.search(r"<(p|h\d|ul|ol|li|pre|blockquote|hr)\b", body)  # one block
    shown = strip_joiners(_text(body))
    assert " ".join(shown.split()) == " ".join(text.split())


def _all_texts_of_the_real_database() -> list[str]:
    from desktop import paths

    path = paths.default_db()
    if not path.is_file():
        pytest.fail(f"the built database is missing: {path} (python -m desktop.content build)")
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        texts = [row[0] for row in conn.execute("SELECT text FROM paragraphs")]
        texts += [row[0] for row in conn.execute("SELECT text FROM footnotes")]
    finally:
        conn.close()
    return texts


def test_plain_text_skips_markdown_with_the_same_html():
    """The fast path (no Markdown for text without markup) gives exactly what
    Markdown gives, for every paragraph and footnote of the real database;
    and it is the common case, or it would save nothing at start-up."""
    from desktop.content import html_blocks as render

    texts = _all_texts_of_the_real_database()
    fast = 0
    for text in texts:
        escaped = escape_source(keep_symbols_whole(text))
        normalised = re.sub(r"[ \t]*\n\s*", "\n", escaped.strip())
        if not render._MARKUP.search(render._ESCAPED.sub("", normalised)):
            fast += 1
        assert markdown_inline(escaped) == render._markdown_convert(normalised), text[:80]
    assert fast > len(texts) / 2, (fast, len(texts))


@pytest.mark.parametrize("text", ["نص **مهم** هنا", "سطر\n===", "a_b_c", "`رمز`", "x < y & z"])
def test_text_with_markup_still_goes_through_markdown(text):
    from desktop.content import html_blocks as render

    escaped = escape_source(text)
    assert markdown_inline(escaped) == render._markdown_convert(
        re.sub(r"[ \t]*\n\s*", "\n", escaped.strip()))


def test_anchor_and_href_of_a_paragraph():
    from desktop.content.html_blocks import PARA_SCHEME, anchor_name, para_href

    assert anchor_name("A07/13") == "p-A07/13"
    assert para_href("A07/13") == PARA_SCHEME + "A07/13" == "para:A07/13"


def test_escape_source_keeps_numbered_lines_and_rules_literal():
    from desktop.content.html_blocks import escape_source as escape

    assert escape("1. بند") == "1\\. بند"
    assert escape("عنوان\n===") == "عنوان\n&#61;=="
    assert escape("<b> & *نجمة") == "&lt;b&gt; &amp; \\*نجمة"
    assert escape("**غامق**") == "**غامق**"


def test_heading_meta_and_page_are_right_to_left_and_escaped():
    from desktop.content.html_blocks import heading_block, meta_block, page

    heading = heading_block(2, "القرار 4/6 <CTOC/COP/2012/15>", "color:red")
    assert heading.startswith('<h2 dir="rtl" align="right" style="color:red">')
    assert "&lt;" in heading and "<CTOC" not in heading and heading.endswith("</h2>")
    meta = meta_block("من 8 إلى 17 <تشرين>")
    assert meta.startswith('<p dir="rtl" align="right"') and "&lt;تشرين&gt;" in meta
    assert page("<p>x</p>") == '<html><body dir="rtl"><p>x</p></body></html>'
