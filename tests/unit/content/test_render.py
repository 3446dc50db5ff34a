"""desktop/content/render.py, the reader's HTML: right-to-left blocks, labels, symbols,
footnotes, links and the highlighted paragraph."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest

from desktop.content.citations import (WORD_JOINER, display_label, strip_joiners,
                                       join_symbols as keep_symbols_whole)
from desktop.content.render import paragraph_body, render_unit
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


def test_no_import_cycle_between_render_and_its_helpers():
    """render.py builds on html_blocks, editorial_html and quality_html; none
    of those imports render (module level or inside functions)."""
    import inspect
    from desktop.content import editorial_html, html_blocks
    from desktop.content.related import quality_html
    for module in (editorial_html, html_blocks, quality_html):
        assert "desktop.content.render" not in inspect.getsource(module), module.__name__
