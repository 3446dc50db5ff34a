"""`python -m desktop.export`: locators, formats, clear errors, no debris."""

import subprocess
import sys
from pathlib import Path

import docx
import pytest

from desktop.export.__main__ import main
from tests.unit.export import pdftools
from tests.unit.export.fixture_db import SYMBOL_A07, SYMBOL_B6

ROOT = Path(__file__).resolve().parents[3]


def test_docx_from_ids_and_unit_ids(fixture_db_path, tmp_path, capsys):
    out = tmp_path / "brief.docx"
    assert main(["--db", str(fixture_db_path), "--docx", str(out), "A07/13", "B6-r4"]) == 0
    assert "3 paragraph(s)" in capsys.readouterr().out
    paras = [p for p in docx.Document(str(out)).paragraphs if p.style.name == "Selection Item"]
    assert [p.text.split("\n")[0][:5] for p in paras] == ["13- ي", "ف.د 1", "1- يُ"]


def test_html(fixture_db_path, tmp_path):
    out = tmp_path / "brief.html"
    assert main(["--db", str(fixture_db_path), "--html", str(out), "A07/19"]) == 0
    page = out.read_text(encoding="utf-8")
    assert SYMBOL_A07 in page and "الفقرة 40" in page


def test_unknown_locators_are_all_reported_and_nothing_written(fixture_db_path, tmp_path, capsys):
    out = tmp_path / "brief.pdf"
    code = main(["--db", str(fixture_db_path), "--pdf", str(out), "A07/13", "Z9/9", "لا شيء"])
    err = capsys.readouterr().err
    assert code == 6
    assert "unknown locator: Z9/9" in err and "unknown locator: لا شيء" in err
    assert not out.exists()


def test_unwritable_path_is_reported(fixture_db_path, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code = main(["--db", str(fixture_db_path), "--html", str(blocker / "x.html"), "A07/13"])
    assert code == 7
    assert "تعذّر الحفظ" in capsys.readouterr().err
    code = main(["--db", str(fixture_db_path), "--docx", str(tmp_path / "nope" / "x.docx"),
                 "A07/13"])
    assert code == 7
    assert "غير موجود" in capsys.readouterr().err


def test_missing_database_is_reported(tmp_path, capsys):
    code = main(["--db", str(tmp_path / "none.sqlite"), "--html", str(tmp_path / "x.html"),
                 "A07/13"])
    assert code == 3 and "database not found" in capsys.readouterr().err


def test_pdf_in_a_fresh_process_with_a_compendium_locator(content_db_path, tmp_path):
    """The real command, on the real database, with an Arabic locator."""
    out = tmp_path / "brief.pdf"
    proc = subprocess.run(
        [sys.executable, "-m", "desktop.export", "--db", str(content_db_path), "--pdf", str(out),
         "--one-per-page", "الجزء ألف سابعاً-13", "A07/9", "B6-r4/pp1"],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert pdftools.page_count(out) == 3
    text = pdftools.text(out)
    assert "CTOC/COP/WG.2/2013/5" in text and SYMBOL_B6 in text
    assert "حماية الشهود" in text
