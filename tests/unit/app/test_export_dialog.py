"""Exporting the selection through the dialog: the title the user types and
the format chosen reach the file; an unwritable path gives an Arabic message
and writes nothing (pytest-qt)."""

from __future__ import annotations

from pathlib import Path

import docx
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.app import dialogs
from desktop.app.export_dialog import ExportDialog
from desktop.export.model import DEFAULT_TITLE
from tests.unit.app.test_selection_panel import content, make_panel, userdata_path  # noqa: F401

TITLE = "موجز: حماية الشهود"


def _answer_dialog(panel, *, title=None, kind=None, citations=None, accept=True):
    """Fill in the export dialog once it is shown, then press OK or Cancel."""
    seen = {}

    def fill():
        dialog = panel.export_dialog
        seen["title"] = dialog.title_edit.text()
        seen["kind"] = dialog.kind()
        if title is not None:
            dialog.title_edit.setText(title)
        if kind is not None:
            dialog.format_box.setCurrentIndex(dialog.format_box.findData(kind))
        if citations is not None:
            dialog.citations.setChecked(citations)
        (dialog.accept if accept else dialog.reject)()

    QTimer.singleShot(0, fill)
    return seen


def _save_to(monkeypatch, path):
    asked = []

    def fake(parent, caption, default, filters):
        asked.append((default, filters))
        return str(path), filters
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return asked


def test_dialog_defaults(qtbot):
    dialog = ExportDialog("docx")
    qtbot.addWidget(dialog)
    assert dialog.title_edit.text() == DEFAULT_TITLE
    assert dialog.kind() == "docx"
    dialog.title_edit.setText("   ")
    assert dialog.options().title == DEFAULT_TITLE          # emptied: the default
    assert dialog.options().include_citations and not dialog.options().one_per_page


def test_edited_title_and_chosen_format_reach_the_file(make_panel, tmp_path, monkeypatch):
    panel = make_panel()
    panel.add_paragraphs(["A07/13"])
    asked = _save_to(monkeypatch, tmp_path / "brief")
    seen = _answer_dialog(panel, title=TITLE, kind="docx")
    out = panel.export_with_dialog("pdf")
    assert seen == {"title": DEFAULT_TITLE, "kind": "pdf"}    # prefilled from the menu
    assert out == tmp_path / "brief.docx" and out.exists()
    assert asked[0][1] == "Word (*.docx)" and asked[0][0].endswith(".docx")
    assert Path(asked[0][0]).stem == "موجز حماية الشهود"
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert texts[0] == TITLE


def test_html_export_without_citations(make_panel, tmp_path, monkeypatch):
    panel = make_panel()
    panel.add_paragraphs(["A07/13"])
    _save_to(monkeypatch, tmp_path / "brief.html")
    _answer_dialog(panel, title=TITLE, kind="html", citations=False)
    out = panel.export_with_dialog("pdf")
    page = out.read_text(encoding="utf-8")
    assert f"<title>{TITLE}</title>" in page


def test_cancel_writes_nothing_and_asks_no_path(make_panel, tmp_path, monkeypatch):
    panel = make_panel()
    panel.add_paragraphs(["A07/13"])
    asked = _save_to(monkeypatch, tmp_path / "brief.pdf")
    _answer_dialog(panel, accept=False)
    assert panel.export_with_dialog("pdf") is None
    assert asked == [] and list(tmp_path.glob("brief*")) == []


def test_unwritable_path_gives_arabic_message_and_writes_nothing(make_panel, tmp_path, monkeypatch):
    panel = make_panel()
    panel.add_paragraphs(["A07/13"])
    warnings = []
    monkeypatch.setattr(dialogs, "warning", lambda *a, **k: warnings.append(a[2]))
    folder = tmp_path / "out"
    folder.mkdir()
    blocker = folder / "brief.pdf"
    blocker.mkdir()                     # a folder where the file should go
    for target in (blocker, Path("/proc/brief.pdf"), tmp_path / "missing" / "brief.pdf"):
        _save_to(monkeypatch, target)
        _answer_dialog(panel, kind="pdf")
        assert panel.export_with_dialog("pdf") is None
        assert "تعذّر التصدير" in warnings[-1] and "تعذّر الحفظ" in warnings[-1]
    assert len(warnings) == 3
    assert [p.name for p in folder.iterdir()] == ["brief.pdf"] and blocker.is_dir()
    assert not (tmp_path / "missing").exists()


def test_empty_selection_says_so(make_panel, monkeypatch):
    panel = make_panel()
    told = []
    monkeypatch.setattr(dialogs, "information", lambda *a, **k: told.append(a[2]))
    assert panel.export_with_dialog("pdf") is None
    assert told and "فارغة" in told[0] and panel.export_dialog is None
