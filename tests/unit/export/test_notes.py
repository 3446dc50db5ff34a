"""The user's notes under their paragraphs, in every format, only when asked;
and `python -m desktop.export --notes`."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import docx

from desktop.export.__main__ import main
from desktop.export.clipboard import plain_text
from desktop.export.html import render_html
from desktop.export.model import ExportOptions, UserNote, gather_items, with_notes
from desktop.userdata import SelectionStore
from tests.unit.export import pdftools

ROOT = Path(__file__).resolve().parents[3]


class _Note:
    def __init__(self, text, created):
        self.text, self.created = text, created


NOTES = {"A07/13": [_Note("تُعرض على الوفد <الاثنين>", "2026-12-01T10:00:00Z"),
                    _Note("قارن بالقرار 4/6", "2026-12-02T09:00:00Z")]}


def test_notes_attach_and_print_only_when_asked(fixture_db):
    items = with_notes(gather_items(fixture_db, ["A07/13", "A07/19"]), NOTES)
    assert [n.text for n in items[0].notes] == ["تُعرض على الوفد <الاثنين>", "قارن بالقرار 4/6"]
    assert items[1].notes == ()
    assert UserNote("x", "2026-12-01T10:00:00Z").heading() == "ملاحظتي (1 كانون الأول/ديسمبر 2026)"

    page = render_html(items, ExportOptions(include_notes=True))
    assert "تُعرض على الوفد &lt;الاثنين&gt;" in page and "<الاثنين>" not in page
    assert "تُعرض على الوفد" not in render_html(items, ExportOptions())
    text = plain_text(items, ExportOptions(include_notes=True))
    # the notes come under their paragraph, before the next one
    assert text.index("قارن بالقرار 4/6") < text.index(items[1].text[:20])
    assert "قارن" not in plain_text(items, ExportOptions())


def test_docx_with_notes(fixture_db, tmp_path):
    from desktop.export.docx import write_docx

    items = with_notes(gather_items(fixture_db, ["A07/13"]), NOTES)
    out = tmp_path / "n.docx"
    write_docx(items, out, ExportOptions(include_notes=True))
    body = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "ملاحظتي (2 كانون الأول/ديسمبر 2026): قارن بالقرار 4/6" in body


def test_cli_notes_are_printed_under_the_paragraph(fixture_db_path, tmp_path, qapp):
    # qapp: a QApplication before main() would make a bare QGuiApplication
    userdata = tmp_path / "ud.sqlite"
    with SelectionStore(userdata) as store:
        store.add_note("A07/13", "تُعرض على الوفد يوم الاثنين")
        store.add_note("A07/19", "ملاحظة على فقرة أخرى")
    out = tmp_path / "brief.pdf"
    assert main(["--db", str(fixture_db_path), "--pdf", str(out), "--notes",
                 "--userdata", str(userdata), "A07/13", "A07/19"]) == 0
    text = pdftools.text(out)
    note = text.index("على الوفد يوم الاثنين")
    assert "ملاحظتي" in text
    assert text.index("13-") < note < text.index("19-")
    assert text.index("ملاحظة على فقرة أخرى") > text.index("19-")
    plain = tmp_path / "plain.pdf"
    assert main(["--db", str(fixture_db_path), "--pdf", str(plain),
                 "--userdata", str(userdata), "A07/13"]) == 0
    assert "ملاحظتي" not in pdftools.text(plain)


def test_cli_notes_in_a_fresh_process_from_the_default_user_data(content_db_path, tmp_path):
    """`python -m desktop.export --pdf OUT --notes A07/13` with the app's own
    user-data file (HOME points at a scratch folder)."""
    env = {**__import__("os").environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data"),
           "PYTHONPATH": str(ROOT)}
    code = ("from desktop.userdata import SelectionStore, default_path\n"
            "from desktop.userdata.__main__ import app_data_folder\n"
            "with SelectionStore(default_path(app_data_folder())) as s:\n"
            "    s.add_note('A07/13', 'ملاحظة الوفد للاجتماع')\n")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)
    out = tmp_path / "out.pdf"
    proc = subprocess.run([sys.executable, "-m", "desktop.export", "--db", str(content_db_path),
                           "--pdf", str(out), "--notes", "A07/13"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    text = re.sub(r"\s+", " ", pdftools.text(out))
    assert "ملاحظة الوفد للاجتماع" in text
    assert text.index("حماية الشهود") < text.index("ملاحظة الوفد للاجتماع")
