"""PDF export: pages, extractable text with every citation, embedded fonts,
nothing half-written on failure."""

import datetime as dt

import pytest

from desktop.export import pdf as pdf_writer
from desktop.export.files import ExportError
from desktop.export.model import ExportOptions, gather_items
from tests.unit.export import pdftools
from tests.unit.export.fixture_db import FOOTNOTE, SYMBOL_A07, SYMBOL_B6

FOUR = ["A07/13", "A07/19", "B6-r4/pp1", "B6-r4/1"]


@pytest.fixture
def items(fixture_db):
    return gather_items(fixture_db, FOUR)


def test_one_item_per_page(qapp, tmp_path, items):
    out = tmp_path / "one.pdf"
    pages = pdf_writer.write_pdf(items, out, ExportOptions(one_per_page=True))
    assert pages == 4 and pdftools.page_count(out) == 4
    text = pdftools.text(out)
    for n in range(1, 5):
        assert pdftools.has_page_footer(text, n, 4), n


def test_continuous_short_selection_fits_one_page_with_citations(qapp, tmp_path, items):
    out = tmp_path / "short.pdf"
    options = ExportOptions(title="ملف الإحاطة", date=dt.date(2026, 11, 23))
    assert pdf_writer.write_pdf(items, out, options) == 1
    assert pdftools.page_count(out) == 1
    text = pdftools.text(out)
    assert SYMBOL_A07 in text and SYMBOL_B6 in text
    assert "ملف الإحاطة" in text
    assert pdftools.near(text, "الفقرة", "34")
    assert "تشرين الثاني/نوفمبر" in text and "2026" in text
    assert pdftools.has_page_footer(text, 1, 1)
    assert "المرجع نفسه" in text  # the footnote


def test_long_selection_paginates_and_numbers_every_page(qapp, tmp_path, fixture_db):
    ids = FOUR + [f"A09/{n}" for n in range(1, 61)]
    items = gather_items(fixture_db, ids)
    out = tmp_path / "long.pdf"
    pages = pdf_writer.write_pdf(items, out, ExportOptions())
    assert pages == pdftools.page_count(out) >= 5
    text = pdftools.text(out)
    for n in range(1, pages + 1):
        assert pdftools.has_page_footer(text, n, pages), n
    assert "CTOC/COP/WG.2/2016/4" in text
    for n in (1, 30, 60):  # first, middle and last item's citations
        assert pdftools.near(text, "تاسعا", str(n)), n
        assert pdftools.near(text, "الفقرة", str(n + 10)), n


def test_fonts_are_embedded_and_the_bundled_arabic_font_is_used(qapp, tmp_path, items):
    out = tmp_path / "fonts.pdf"
    pdf_writer.write_pdf(items, out, ExportOptions())
    fonts = pdftools.fonts(out)
    assert fonts and all(embedded for _, embedded in fonts), fonts
    assert any("NotoSansArabic" in name for name, _ in fonts), fonts


def test_options_omit_citations_and_footnotes(qapp, tmp_path, items):
    out = tmp_path / "bare.pdf"
    pdf_writer.write_pdf(items, out, ExportOptions(include_citations=False,
                                                   include_footnotes=False))
    text = pdftools.text(out)
    assert SYMBOL_A07 not in text and "الفقرة" not in text
    assert "المرجع نفسه" not in text
    assert "حماية الشهود" in text


def test_unwritable_path_is_reported_and_nothing_is_left(qapp, tmp_path, items):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="تعذّر الحفظ"):
        pdf_writer.write_pdf(items, blocker / "out.pdf", ExportOptions())
    with pytest.raises(ExportError, match="غير موجود"):
        pdf_writer.write_pdf(items, tmp_path / "missing" / "out.pdf", ExportOptions())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "db"]


def test_a_failure_mid_export_keeps_the_old_file(qapp, tmp_path, items, monkeypatch):
    out = tmp_path / "brief.pdf"
    out.write_bytes(b"old contents")

    def broken(device, items, options):
        raise ExportError("تعذّر بدء الطباعة على هذا الجهاز")

    monkeypatch.setattr(pdf_writer, "paint_items", broken)
    with pytest.raises(ExportError):
        pdf_writer.write_pdf(items, out, ExportOptions())
    assert out.read_bytes() == b"old contents"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.pdf", "db"]


def test_footnote_text_is_printed(qapp, tmp_path, items):
    out = tmp_path / "fn.pdf"
    pdf_writer.write_pdf(items, out, ExportOptions())
    assert FOOTNOTE.rstrip(".") .split("،")[0] in pdftools.text(out)
