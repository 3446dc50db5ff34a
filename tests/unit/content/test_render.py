"""The reader's HTML: escaped source, right-to-left blocks, labels, symbols,
footnotes, links and the highlighted paragraph."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings, strategies as st

from desktop.content.citations import (WORD_JOINER, display_label, strip_joiners,
                                       join_symbols as keep_symbols_whole)
from desktop.content.render import escape_source, markdown_inline, paragraph_body, render_unit
from desktop.content.store import open_store
from tests.helpers.reader_db import make_reader_db


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    return open_store(make_reader_db(tmp_path_factory.mktemp("r") / "tiny.sqlite"))


class _Blocks(HTMLParser):
    """Collects block tags with their attributes, and the text inside each."""

    BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "li", "div"}

    def __init__(self):
        super().__init__()
        self.blocks: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self.blocks.append((tag, dict(attrs)))


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment.replace("<br/>", "\n")))


def _block_of(page: str, paragraph_id: str) -> str:
    match = re.search(rf'<p [^>]*><a name="p-{re.escape(paragraph_id)}"></a>.*?</p>', page)
    assert match, paragraph_id
    return match.group(0)


def test_every_block_is_right_to_left(tiny):
    for unit in ("A07", "B6-r4"):
        parser = _Blocks()
        parser.feed(render_unit(tiny, unit).html)
        assert parser.blocks
        assert all(attrs.get("dir") == "rtl" for _tag, attrs in parser.blocks), parser.blocks


def test_source_markup_is_escaped_not_interpreted(tiny):
    page = render_unit(tiny, "A07").html
    block = _block_of(page, "A07/13")
    assert "&lt;وفقاً&gt;" in block
    assert "<وفقاً>" not in page


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


def test_symbols_get_word_joiners_and_copy_strips_them():
    text = "وفقاً للوثيقة CTOC/COP/WG.2/2013/5 والقرار 4/6"
    kept = keep_symbols_whole(text)
    assert f"CTOC/{WORD_JOINER}COP/{WORD_JOINER}WG.2/{WORD_JOINER}2013/{WORD_JOINER}5" in kept
    assert "4/6" in kept  # Arabic decision numbers are left alone
    assert strip_joiners(kept) == text


def test_labels_as_printed_and_indented_by_depth(tiny):
    page = render_unit(tiny, "A07").html
    labels = {pid: re.search(r"<b [^>]*>(.*?)</b>", _block_of(page, pid)).group(1)
              for pid in ("A07/13", "A07/13.l1", "A07/13.l1.q1")}
    assert {k: html.unescape(v) for k, v in labels.items()} == {
        "A07/13": "13-", "A07/13.l1": "(أ)", "A07/13.l1.q1": "'1'"}
    margins = [int(re.search(r"margin-right:(\d+)px", _block_of(page, pid)).group(1))
               for pid in ("A07/13", "A07/13.l1", "A07/13.l1.q1")]
    assert margins[0] < margins[1] < margins[2]
    chapeau = tiny.paragraph("B6-r4/c1")
    assert display_label(chapeau) == ""


def test_selected_paragraph_is_highlighted_alone(tiny):
    page = render_unit(tiny, "A07", "A07/13.l1").html
    assert "background-color" in _block_of(page, "A07/13.l1")
    others = [pid for pid in ("A07/12", "A07/13", "A07/13.l1.q1")]
    assert all("background-color" not in _block_of(page, pid) for pid in others)
    assert page.count("background-color") == 1


def test_paragraph_anchors_and_citation_on_hover(tiny):
    rendered = render_unit(tiny, "A07")
    assert rendered.paragraph_ids == ["A07/12", "A07/13", "A07/13.l1", "A07/13.l1.q1"]
    block = _block_of(rendered.html, "A07/13")
    assert 'title="الجزء ألف، سابعاً-13"' in block


def test_footnote_marker_at_its_offset_with_hover_text_and_note_at_the_end(tiny):
    page = render_unit(tiny, "A07").html
    block = _block_of(page, "A07/13")
    assert "حماية الشهود3 <وفقاً>" in _text(block)
    assert 'href="#fn-3" title="انظر الوثيقة CTOC/COP/WG.2/2013/5، الفقرة 34."' in block
    end = page[page.index("<hr/>"):]
    assert '<a name="fn-3"></a>' in end and "الفقرة 34" in end


def test_link_with_text_becomes_an_anchor_in_the_text(tiny):
    page = render_unit(tiny, "B6-r4").html
    block = _block_of(page, "B6-r4/pp1")
    assert re.search(r'<a href="para:A07/13" title="الجزء ألف، سابعاً-13">الفقرة 2 أعلاه</a>',
                     block)
    annex = _block_of(page, "B6-r4/annex/1")
    assert re.search(r'<a href="para:A07/12"[^>]*>التوصيات التي وردت في الاجتماع السابع</a>',
                     annex)


def test_link_without_text_is_listed_under_the_paragraph(tiny):
    page = render_unit(tiny, "B6-r4").html
    after = page[page.index('name="p-B6-r4/1"'):page.index('name="p-B6-r4/annex/1"')]
    assert re.search(r'النص نفسه في: <a href="para:A07/13.l1">الجزء ألف، سابعاً-13 \(أ\)</a>',
                     after)


def test_link_of_the_whole_unit_stands_under_its_heading(tiny):
    page = render_unit(tiny, "A07").html
    head = page[:page.index('name="p-A07/12"')]
    assert re.search(r'أُقِرَّت في: <a href="para:B6-r4/annex/1">', head)
    assert page.count('href="para:B6-r4/annex/1"') == 1


def test_headings_of_unit_and_annex(tiny):
    page = render_unit(tiny, "B6-r4").html
    assert re.search(r"<h2[^>]*>القرار 4/6</h2>", page)
    assert re.search(r"<h3[^>]*>المساعدة التقنية</h3>", page)
    assert re.search(r"<h3[^>]*>المرفق</h3>", page)
    assert page.index(">المرفق<") < page.index('name="p-B6-r4/annex/1"')


def test_paragraph_body_places_overlapping_links_once(tiny):
    from desktop.content.records import Link
    para = tiny.paragraph("B6-r4/pp1")
    links = [Link("B6-r4/pp1", "A07/12", "mention", "الفقرة 2"),
             Link("B6-r4/pp1", "A07/13", "mention", "الفقرة 2")]
    body, unplaced = paragraph_body(para, [], links, {})
    assert body.count("<a ") == 1
    assert [l.to_id for l in unplaced] == ["A07/13"]


def test_real_units_render(content_db_path):
    store = open_store(content_db_path)
    units = store.sample_units()
    assert len(units) >= 3, units  # a unit of each kind, or the loop proves nothing
    for unit in units.values():
        rendered = render_unit(store, unit.id)
        assert rendered.paragraph_ids == [p.id for p in store.unit_paragraphs(unit.id)]
        for pid in rendered.paragraph_ids:
            assert f'name="p-{pid}"' in rendered.html


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


def test_no_import_cycle_between_render_and_its_helpers():
    """render.py builds on html_blocks, editorial_html and quality_html; none
    of those imports render (module level or inside functions)."""
    import inspect
    from desktop.content import editorial_html, html_blocks
    from desktop.content.related import quality_html
    for module in (editorial_html, html_blocks, quality_html):
        assert "desktop.content.render" not in inspect.getsource(module), module.__name__
