"""Gaps, the supplement notice and corrected words, in the reader's HTML (built DB)."""

from __future__ import annotations

import html

import pytest

from desktop.content import editorial_html
from desktop.content.render import render_unit
from desktop.content.store import open_store


@pytest.fixture(scope="module")
def store(content_db_path):
    s = open_store(content_db_path)
    yield s
    s.close()


def test_gap_page_says_text_is_absent_and_lists_facts_with_sources(store):
    page = editorial_html.render_gap(store, "A12")
    assert "ثاني عشر- الاجتماع الثاني عشر" in page
    assert "CTOC/\u2060COP/\u2060WG.2/\u20602020/\u20603" in page
    assert "لا يرد نص هذا الاجتماع في أي من المصادر المتاحة لهذا التطبيق" in page
    assert 'href="para:cop10:18"' in page            # the fact's source, a link
    b9 = editorial_html.render_gap(store, "B9")
    assert b9.count("&#x2022;") == len(editorial_html.gap_facts(store, "B9")) >= 5
    assert "الدورة وقراراتها" in b9


def test_gap_with_nothing_known_says_so(store):
    assert editorial_html.gap_facts(store, "A13") == []
    assert editorial_html.GAP_NOTHING_KNOWN in editorial_html.render_gap(store, "A13")
    with pytest.raises(KeyError):
        editorial_html.render_gap(store, "A07")


@pytest.mark.parametrize("unit", ["A14", "A15", "B12-r2"])
def test_supplement_units_say_they_are_not_the_2021_edition(store, unit):
    page = render_unit(store, unit).html
    assert page.count(editorial_html.SUPPLEMENT_NOTICE) == 1
    assert "ملحق مستمد من تقرير" not in page      # said once, not twice


def test_compendium_units_have_no_supplement_notice(store):
    assert editorial_html.SUPPLEMENT_NOTICE not in render_unit(store, "A07").html


def _titles(page: str) -> list[str]:
    return [html.unescape(t.split('"')[0]) for t in page.split('title="')[1:]
            if html.unescape(t).startswith("صُحّح في هذا التطبيق")]


def test_every_compendium_correction_is_marked_where_the_word_stands(store, content_db):
    rows = list(content_db.query(
        "SELECT * FROM corrections WHERE file = 'compendium.txt' AND applied = 1"))
    assert len(rows) >= 30
    note_lines = {(r["paragraph_id"], r["source_line"]): r["number"]
                  for r in content_db.query("SELECT * FROM footnotes")}
    for row in rows:
        para = store.paragraph(row["paragraph_id"])
        page = render_unit(store, para.unit_id).html
        number = note_lines.get((para.id, row["source_line"]))
        if number is None:          # a fix in the paragraph's own text
            marks = editorial_html.correction_marks(store, [para])[para.id]
            text = para.text
        else:                       # a fix in its footnote
            marks = editorial_html.footnote_marks(store, [para.id])[number]
            text = next(n.text for n in store.footnotes([para.id]) if n.number == number)
        mine = [m for m in marks if m.original in row["original"]
                and text[m.start:m.end] in row["corrected"]]
        assert mine, row
        tip = mine[0].tooltip()
        assert f"كان في المصدر «{mine[0].original}»" in tip and "السبب: " in tip
        assert tip in _titles(page)
    a08 = render_unit(store, "A08").html
    assert "صُحّح في هذا التطبيق: كان في المصدر «تتظر» — السبب: خطأ مطبعي في المصدر" in _titles(a08)
    assert "«تتظر» ← «تنظر»" in a08
    # the bracket both share is not part of the change
    a01 = editorial_html.correction_marks(store, [store.paragraph("A01/n1")])["A01/n1"][0]
    assert (a01.original, a01.corrected) == ("بء", "باء")


def test_footnote_corrections_are_marked_in_the_footnote_not_the_paragraph(store):
    para = store.paragraph("A02/2.l4")
    assert not [m for m in editorial_html.correction_marks(store, [para]).get(para.id, [])
                if m.corrected in ("وقمع", "المكمّل")]
    marks = editorial_html.footnote_marks(store, [para.id])[2]
    assert [(m.original, m.corrected) for m in marks] == [
        ("وجمع", "وقمع"), ("الممثل", "المكمّل"), ("الممثل", "المكمّل"), ("الممثل", "المكمّل")]
    titles = _titles(render_unit(store, para.unit_id).html)
    assert "صُحّح في هذا التطبيق: كان في المصدر «وجمع» — السبب: خطأ مطبعي في المصدر" in titles
    cop12 = _titles(render_unit(store, store.paragraph("cop12:r3/pp9").unit_id).html)
    assert any("«والوثقتين»" in t for t in cop12)


def test_cop12_text_corrections_are_marked_by_offset(store, content_db):
    rows = list(content_db.query(
        "SELECT * FROM text_corrections WHERE paragraph_id = 'B12-r2/1'"))
    assert rows
    para = store.paragraph("B12-r2/1")
    marks = editorial_html.correction_marks(store, [para])["B12-r2/1"]
    assert [(m.start, m.corrected) for m in marks] == [(r["offset"], r["corrected"]) for r in rows]
    titles = _titles(render_unit(store, "B12-r2").html)
    assert "صُحّح في هذا التطبيق: كان في المصدر «يُتَّرى» — السبب: كلمة مشوّهة في المصدر" in titles


def test_marks_keep_source_text_escaped(store):
    from desktop.content.render import paragraph_body
    para = store.paragraph("A08/14")
    evil = type(para)(**{**para.__dict__, "text": "<b>x</b> أن تنظر"})
    marks = editorial_html.correction_marks(store, [evil])["A08/14"]
    body, _ = paragraph_body(evil, [], [], {}, marks)
    assert "&lt;b&gt;x&lt;/b&gt;" in body and "<b>x" not in body
    assert 'title="صُحّح' in body and body.rstrip().endswith("تنظر</span>")
