"""desktop.app.qt_arabic and every Qt dialog the app opens speak Arabic: message
boxes, input dialogs, the print preview and the print dialog, the app's own
dialogs (the file dialogs: test_file_dialogs.py).

Each dialog is opened the way the app opens it (the selection's save and
open), caught while it is modal,
and every word it shows is read: labels, buttons, groups, tabs, tool tips,
combo entries, column headers, tool-bar actions. Any English word fails.
Set SCREENSHOTS=folder to save a PNG of each dialog.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QApplication, QComboBox, QInputDialog, QMessageBox,
                               QPushButton)

from desktop.app import dialogs, personal
from desktop.app.printing import SelectionPrintPreview, make_printer
from desktop.app.qt_arabic import SUPPLEMENT
from desktop.app.selection import install_selection
from tests.helpers.dialog_texts import ALLOWED, caught, latin, save_shot, shown_texts


@pytest.fixture
def window(make_window, tiny_db_path, tmp_path):
    win = make_window(tiny_db_path)
    install_selection(win, tmp_path / "ud" / "userdata.sqlite")
    personal.install_personal(win, win.selection_panel)
    return win


def test_message_boxes_and_input_dialogs_are_arabic(window, qtbot):
    panel = window.selection_panel
    b = QMessageBox.StandardButton
    for name, buttons in (("question", b.Yes | b.No), ("warning", b.Ok),
                          ("question-cancel", b.Ok | b.Cancel | b.Save | b.Discard | b.Close)):
        box = caught(qtbot, lambda: dialogs.question(panel, "المختارات", "نص", buttons), name)
        assert box["kind"] is QMessageBox and box["latin"] == []
    asked = caught(qtbot, panel.save_as_dialog, "input-text")
    assert asked["kind"] is QInputDialog and asked["latin"] == []
    assert "اسم المختارات:" in asked["texts"]
    panel.selection.add(["A07/12"])
    panel.selection.save_as("إحاطة")
    chosen = caught(qtbot, panel.open_named_dialog, "input-item")
    assert chosen["kind"] is QInputDialog and chosen["latin"] == []


def test_print_preview_and_print_dialog_are_arabic(app, qtbot):
    from PySide6.QtPrintSupport import QPrintDialog

    preview = SelectionPrintPreview([])
    qtbot.addWidget(preview)
    seen = caught(qtbot, preview.exec, "print-preview")
    assert seen["latin"] == []

    printer = make_printer()

    def more_options(dialog):
        for button in dialog.findChildren(QPushButton):
            if button.text().startswith("&خيارات"):
                button.click()  # «Options >>»: the copies, pages and duplex tabs

    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    seen = caught(qtbot, dialog.exec, "print", before_close=more_options)
    assert seen["latin"] == [], seen["latin"]
    # the options qtbase_ar misses, in Arabic
    assert "الطباعة على الوجهين" in seen["texts"] and "مجموعة الصفحات:" in seen["texts"]


def test_the_supplement_only_fills_gaps_and_is_asked_last(app):
    # each supplemented string is missing from qtbase_ar (else it is dead weight)
    from PySide6.QtCore import QTranslator

    from desktop.app.application import translation_folders

    base = QTranslator()
    assert any(base.load("qtbase_ar", folder) for folder in translation_folders())
    for (context, source), arabic in SUPPLEMENT.items():
        assert not base.translate(context, source), (context, source)
        assert QCoreApplication.translate(context, source) == arabic
    # qtbase_ar still wins where it has the string
    assert QCoreApplication.translate("QFileDialog", "Look in:") == base.translate(
        "QFileDialog", "Look in:")


def test_the_app_own_dialogs_are_arabic_too(app, qtbot, content_db_path, tmp_path):
    """The export, note and preferences dialogs, with their Qt buttons."""
    from desktop.__main__ import build_main_window
    from desktop.app.export_dialog import ExportDialog
    from desktop.app.notes_panel import NoteDialog
    from desktop.app.preferences import open_preferences
    from desktop.app.settings import AppSettings
    from desktop.content.store import open_store

    window = build_main_window(open_store(content_db_path), AppSettings(tmp_path / "s.ini"),
                               remember=False, user_data=":memory:")
    qtbot.addWidget(window)
    window.show()
    formats = ("PDF", "Word", "HTML", ".docx", ".html", ".pdf")  # formats and extensions
    for name, dialog in (("export", ExportDialog("pdf", parent=window)),
                         ("note", NoteDialog("A07/13", parent=window)),
                         ("preferences", open_preferences(window))):
        dialog.show()
        QApplication.processEvents()
        fonts = tuple(c for c in dialog.findChildren(QComboBox) if "family" in c.objectName()
                      or c is getattr(dialog, "family_box", None))
        texts = shown_texts(dialog, skip_combos=fonts)
        assert len(texts) >= 3, name
        assert latin(texts, ALLOWED + formats) == [], name
        save_shot(dialog, name)
        dialog.reject()
    window.search_panel.shutdown()
    window.close()
