"""Printing: the preview renders the expected pages, options repaint it,
failures are reported in Arabic, Ctrl+P prints the selection or the unit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.app import dialogs
from desktop.app import printing
from desktop.app.selection import install_selection
from desktop.content.store import open_store
from desktop.export.model import ExportOptions, gather_items
from tests.unit.export.fixture_db import make_content_db

FOUR = ["A07/13", "A07/19", "B6-r4/pp1", "B6-r4/1"]


@pytest.fixture
def items(tmp_path):
    store = open_store(make_content_db(tmp_path / "content.sqlite", extra_paragraphs=60))
    yield gather_items(store, FOUR + [f"A09/{n}" for n in range(1, 61)])
    store.close()


def test_preview_renders_one_page_per_item(qtbot, items):
    dialog = printing.open_preview(None, items[:4], ExportOptions(one_per_page=True))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.page_count() == 4)
    assert dialog.printer() is dialog._printer  # kept for the dialog's life
    dialog.bar.one_per_page.setChecked(False)
    qtbot.waitUntil(lambda: dialog.page_count() == 1)
    assert dialog.last_error is None
    dialog.close()


def test_preview_of_a_long_selection_matches_the_pdf(qtbot, items, tmp_path):
    from desktop.export.pdf import write_pdf
    pages = write_pdf(items, tmp_path / "x.pdf", ExportOptions())
    dialog = printing.open_preview(None, items, ExportOptions())
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.page_count() > 1)
    assert dialog.page_count() == pages
    dialog.bar.title.setText("عنوان آخر")
    dialog.bar.title.editingFinished.emit()
    assert dialog.options().title == "عنوان آخر"
    dialog.bar.citations.setChecked(False)
    dialog.bar.footnotes.setChecked(False)
    assert not dialog.options().include_citations and not dialog.options().include_footnotes
    qtbot.waitUntil(lambda: dialog.page_count() < pages)
    dialog.close()


def test_a_failed_print_gives_an_arabic_message(qtbot, items, tmp_path, monkeypatch):
    warnings = []
    monkeypatch.setattr(dialogs, "warning", lambda *a, **k: warnings.append(a[2]))
    dialog = printing.SelectionPrintPreview(items[:2])
    qtbot.addWidget(dialog)
    broken = QPrinter()
    broken.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    broken.setOutputFileName(str(tmp_path / "no-such-folder" / "out.pdf"))
    dialog._paint(broken)
    assert warnings and warnings[0].startswith("تعذّرت الطباعة")
    assert dialog.last_error


def test_printing_to_a_pdf_printer_works(qtbot, items, tmp_path):
    dialog = printing.SelectionPrintPreview(items[:4], ExportOptions(one_per_page=True))
    qtbot.addWidget(dialog)
    printer = printing.make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    dialog._paint(printer)
    assert dialog.last_error is None
    from tests.unit.export import pdftools
    assert pdftools.page_count(out) == 4


@pytest.fixture
def window(make_window, tiny_db_path, tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(printing, "print_with_preview",
                        lambda parent, its, options=None: calls.append((its, options)))
    win = make_window(tiny_db_path)
    install_selection(win, tmp_path / "ud" / "userdata.sqlite")
    win.print_calls = calls
    yield win
    win.selection_panel.selection.close()


def test_ctrl_p_prints_the_selection_or_else_the_open_unit(window, qtbot):
    window.open_paragraph("A07/13")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    its, options = window.print_calls[-1]
    assert [i.paragraph_id for i in its] == ["A07/12", "A07/13", "A07/13.l1", "A07/13.l1.q1"]
    assert options.title == "سابعاً- الاجتماع السابع"
    window.selection_panel.add_paragraphs(["B6-r4/pp1", "A07/13"])
    qtbot.keyClick(window.reader, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    its, _ = window.print_calls[-1]
    assert [i.paragraph_id for i in its] == ["B6-r4/pp1", "A07/13"]


def test_print_one_paragraph_from_the_reader_menu(window):
    menu = window.reader.paragraph_menu("B6-r4/pp1")
    next(a for a in menu.actions() if a.text() == "طباعة هذه الفقرة…").trigger()
    its, options = window.print_calls[-1]
    assert [i.paragraph_id for i in its] == ["B6-r4/pp1"]
    assert options.title == "الجزء باء، القرار 4/6، ف.د 1"


def test_preview_images_shrink_with_the_page_count():
    from desktop.export.pdf import PREVIEW_BUDGET_BYTES, PREVIEW_DPI, preview_dpi
    a4 = 8.27 * 11.69
    assert preview_dpi(1, a4) == PREVIEW_DPI
    many = preview_dpi(50, a4)
    assert 72 <= many < PREVIEW_DPI
    assert 50 * 4 * a4 * many ** 2 <= PREVIEW_BUDGET_BYTES
    assert preview_dpi(5000, a4) == 72


def test_a_paragraph_and_a_unit_print_with_the_notes_of_the_store_given(
        make_window, tiny_db_path):
    from desktop.userdata import SelectionStore

    window = make_window(tiny_db_path)
    notes = SelectionStore(":memory:")
    notes.add_note("A07/13", "ملاحظة للطباعة")
    items, title = printing.paragraph_items(window, "A07/13", notes)
    assert [n.text for n in items[0].notes] == ["ملاحظة للطباعة"] and title
    unit, _heading = printing.unit_items(window, "A07/13", notes)
    noted = {it.paragraph_id: [n.text for n in it.notes] for it in unit if it.notes}
    assert noted == {"A07/13": ["ملاحظة للطباعة"]}
    bare, _ = printing.paragraph_items(window, "A07/13")     # no user data: no notes
    assert bare[0].notes == ()
    notes.close()
