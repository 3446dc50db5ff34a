"""Word export: one right-to-left paragraph per item, exact texts,
citations in their own runs, complex-script font and size."""

import docx
import pytest
from docx.oxml.ns import qn

from desktop.export.docx import ARABIC_FONT, ITEM_STYLE, write_docx
from desktop.export.files import ExportError
from desktop.export.model import ExportOptions, gather_items
from tests.unit.export.fixture_db import PREAMBLE, SYMBOL_A07, SYMBOL_B6, TRAINING, WITNESS

FOUR = ["A07/13", "A07/19", "B6-r4/pp1", "B6-r4/1"]


@pytest.fixture
def document(tmp_path, fixture_db):
    out = tmp_path / "brief.docx"
    write_docx(gather_items(fixture_db, FOUR), out, ExportOptions(title="ملف الإحاطة"))
    return docx.Document(str(out))


def item_paragraphs(document):
    return [p for p in document.paragraphs if p.style.name == ITEM_STYLE]


def test_one_bidi_paragraph_per_item_with_the_exact_text(document):
    paras = item_paragraphs(document)
    assert len(paras) == 4
    for p in paras:
        assert p._p.pPr.find(qn("w:bidi")) is not None
    first_lines = [p.text.split("\n")[0] for p in paras]
    assert first_lines[0] == f"13- {WITNESS}"
    assert first_lines[1] == f"19- {TRAINING}"
    assert first_lines[2] == f"ف.د 1 {PREAMBLE}14"
    text_runs = [r.text for r in paras[0].runs]
    assert WITNESS in text_runs


def test_citations_are_their_own_runs_with_the_symbol_left_to_right(document):
    paras = item_paragraphs(document)
    assert paras[0].text.split("\n")[1] == f"(الجزء ألف، سابعاً-13، الوثيقة {SYMBOL_A07}، الفقرة 34)"
    symbol_runs = [r for r in paras[0].runs if r.text == SYMBOL_A07]
    assert len(symbol_runs) == 1
    assert symbol_runs[0]._r.rPr.find(qn("w:rtl")) is None
    assert [r for r in paras[2].runs if r.text == SYMBOL_B6]


def test_arabic_runs_are_rtl_with_complex_script_font_and_size(document):
    run = next(r for r in item_paragraphs(document)[0].runs if r.text == WITNESS)
    rpr = run._r.rPr
    assert rpr.find(qn("w:rtl")) is not None
    assert rpr.find(qn("w:rFonts")).get(qn("w:cs")) == ARABIC_FONT
    assert rpr.find(qn("w:szCs")).get(qn("w:val")) == "24"
    children = [c.tag for c in rpr]
    assert children.index(qn("w:sz")) + 1 == children.index(qn("w:szCs"))


def test_section_is_right_to_left_and_title_is_set(document):
    assert document.sections[0]._sectPr.find(qn("w:bidi")) is not None
    assert document.paragraphs[0].text == "ملف الإحاطة"


def test_options_and_page_breaks(tmp_path, fixture_db):
    out = tmp_path / "bare.docx"
    write_docx(gather_items(fixture_db, FOUR), out,
               ExportOptions(include_citations=False, include_footnotes=False, one_per_page=True))
    paras = item_paragraphs(docx.Document(str(out)))
    assert [p.text for p in paras][0] == f"13- {WITNESS}"
    assert paras[2].text == f"ف.د 1 {PREAMBLE}"
    assert [bool(p.paragraph_format.page_break_before) for p in paras] == [False, True, True, True]


def test_unwritable_path_is_reported(tmp_path, fixture_db):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportError):
        write_docx(gather_items(fixture_db, FOUR), blocker / "x.docx", ExportOptions())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db", "file"]
