"""desktop/export/html.py: the HTML page and the clipboard's rich fragment:
right to left, escaped, citations with their symbols left to right,
footnotes, notices and the legend of quality marks."""

from __future__ import annotations

import dataclasses

from desktop.export.html import render_html
from desktop.export.model import ExportOptions, gather_items
from tests.unit.export.fixture_db import FOOTNOTE, SYMBOL_A07, WITNESS


def test_html_is_rtl_escaped_and_cites(fixture_db):
    items = gather_items(fixture_db, ["A07/13", "B6-r4/pp1"])
    page = render_html(items, ExportOptions(title="<عنوان & تجربة>"))
    assert '<html lang="ar" dir="rtl">' in page
    assert "&lt;عنوان &amp; تجربة&gt;" in page and "<عنوان" not in page
    assert f'<span class="symbol" dir="ltr">{SYMBOL_A07}</span>' in page
    assert WITNESS in page and FOOTNOTE in page
    bare = render_html(items, ExportOptions(include_citations=False, include_footnotes=False))
    assert SYMBOL_A07 not in bare and FOOTNOTE not in bare and WITNESS in bare


def _marked(fixture_db):
    item = gather_items(fixture_db, ["A07/13"])[0]
    return dataclasses.replace(item, quality="reconstructed", quality_note="نص <مُعاد> بناؤه")


def test_notice_and_legend_of_a_marked_item(fixture_db):
    from desktop.content.citations import LEGEND, LEGEND_TITLE, NOTICE_COLOUR
    from desktop.export.html import legend_html, notice_html

    item = _marked(fixture_db)
    notice = notice_html(item)
    assert notice == (f'<p class="notice" dir="rtl" style="color:{NOTICE_COLOUR["reconstructed"]}">'
                      "[نص &lt;مُعاد&gt; بناؤه]</p>")
    key = legend_html([item])
    assert LEGEND_TITLE in key and LEGEND["reconstructed"] in key
    plain = gather_items(fixture_db, ["A07/13"])
    assert notice_html(plain[0]) == "" and legend_html(plain) == ""


def test_citation_html_sets_the_symbol_left_to_right(fixture_db):
    from desktop.export.html import citation_html

    item = gather_items(fixture_db, ["A07/13"])[0]
    cited = citation_html(item)
    assert f'<span class="symbol" dir="ltr">{SYMBOL_A07}</span>' in cited
    assert cited.startswith("الجزء ألف، سابعاً-13")


def test_fragment_opens_with_the_legend_and_breaks_pages_after_the_first(fixture_db):
    from desktop.export.html import fragment

    items = gather_items(fixture_db, ["A07/13", "B6-r4/pp1"])
    items[0] = _marked(fixture_db)
    html = fragment(items, ExportOptions(one_per_page=True))
    assert html.index('class="legend"') < html.index('class="item"')
    assert html.count('class="item page"') == 1 and html.count('class="item"') == 1
    assert 'id="A07/13"' in html and 'id="B6-r4/pp1"' in html
