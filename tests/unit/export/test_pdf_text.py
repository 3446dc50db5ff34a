"""Text copied out of an exported or printed PDF is ordinary Arabic: the
ToUnicode maps Qt writes (presentation forms) are rewritten after writing."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from desktop.export.pdf_text import fix_cmap, glyph_text, ordinary

PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u200e\u200f]")
LOCATORS = ["som:2", "cop12:81", "cop10:1", "الجزء باء، المقرر 3/4، (ط) '2'"]


def pdftotext(path) -> str:
    if shutil.which("pdftotext") is None:
        if os.environ.get("CI"):
            pytest.fail("pdftotext (poppler-utils) is missing")
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                         capture_output=True, check=True).stdout.decode("utf-8")
    return BIDI_CONTROLS.sub("", out)


def test_forms_map_to_letters_and_lam_alef_to_two():
    assert ordinary("\ufedf\ufee4\ufea8") == "لمخ"
    # lam-alef: two letters, stored last-first (extractors reverse RTL runs)
    assert glyph_text("\ufefb") == "ال" and ordinary("\ufefb") == "لا"
    assert glyph_text("CTOC") == "CTOC"
    cmap = (b"/CIDInit /ProcSet findresource begin\n1 begincodespacerange\n<0000> <FFFF>\n"
            b"endcodespacerange\n2 beginbfrange\n<0000> <0000> <0000>\n"
            b"<0001> <0003> [<0627> <FEDF> <FEFC>]\nendbfrange\n1 beginbfchar\n"
            b"<0004> <002F>\nendbfchar\nendcmap\nend\n")
    fixed = fix_cmap(cmap)
    assert b"<0002> <0644>" in fixed and b"<0003> <06270644>" in fixed
    assert b"<0004> <002F>" in fixed and b"FE" not in fixed.split(b"endcodespacerange")[1]
    assert fixed.startswith(b"/CIDInit") and fixed.rstrip().endswith(b"end")
    assert fix_cmap(b"1 beginbfchar\n<0004> <002F>\nendbfchar\n") is None


def test_exported_pdf_text_is_ordinary_arabic(tmp_path, content_db_path):
    from desktop.content.store import open_store
    from desktop.export.__main__ import main

    out = tmp_path / "brief.pdf"
    assert main(["--db", str(content_db_path), "--pdf", str(out), *LOCATORS]) == 0
    text = pdftotext(out)
    assert not PRESENTATION.search(text)
    assert len(re.findall("[\u0621-\u064a]", text)) > 500
    # titles, symbols and citation words come out as typed
    for words in ("الخلاصة الوافية", "تقرير مؤتمر الأطراف عن أعمال دورته الثانية عشرة",
                  "مذكرة الأمانة عن اجتماعات الأجهزة الفرعية لمؤتمر الأطراف",
                  "تقرير اجتماع الفريق العامل المعني بتهريب المهاجرين",
                  "CTOC/COP/WG.7/2020/4", "CTOC/COP/2008/19", "CTOC/COP/2024/L.1/Add.9",
                  "المقرر", "3/4", "الفقرة", "إعادة بناء آلية"):
        assert words in text, words
    store = open_store(content_db_path)
    assert store.paragraph("cop12:81").text.split("،")[0] in text
    # fonts stay embedded, the file stays small
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])
    assert out.stat().st_size < 200_000


def test_print_dialog_pdf_is_fixed_and_titled(qapp, tmp_path, content_db_path):
    from PySide6.QtPrintSupport import QPrinter
    from desktop.app.printing import SelectionPrintPreview
    from desktop.content.store import open_store
    from desktop.export.model import ExportOptions, gather_items

    items = gather_items(open_store(content_db_path), ["som:2", "A07/13"])
    dialog = SelectionPrintPreview(items, ExportOptions(title="ملف الإحاطة"))
    out = tmp_path / "printed.pdf"
    dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    dialog.printer().setOutputFileName(str(out))
    dialog._paint(dialog.printer())
    assert dialog.last_error is None
    text = pdftotext(out)
    assert not PRESENTATION.search(text)
    assert "ينبغي للدول" in text
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert re.search(r"^Title:\s+ملف الإحاطة$", info, re.M)
    dialog.deleteLater()
