"""Every Qt dialog the app opens speaks Arabic: file open/save, message boxes,
input dialogs, the print preview and the print dialog.

Each dialog is opened the way the app opens it (the File menu's export and
import, the selection's export, save and open), caught while it is modal,
and every word it shows is read: labels, buttons, groups, tabs, tool tips,
combo entries, column headers, tool-bar actions. Any English word fails.
Set SCREENSHOTS=folder to save a PNG of each dialog.
"""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (QApplication, QComboBox, QFileDialog, QFileSystemModel,
                               QInputDialog, QMessageBox, QPushButton, QTabWidget)

from desktop.app import dialogs, personal
from desktop.app.printing import SelectionPrintPreview, make_printer
from desktop.app.qt_arabic import SUPPLEMENT
from desktop.app.selection import install_selection
from tests.helpers.dialog_texts import latin, shown_texts

#: Latin that is not English: the format's name, key caps; paths and file-type lists are skipped.
ALLOWED = ("PDF", "Ctrl", "Shift", "Alt")  # keycaps are printed in Latin


def _save(widget, name: str) -> None:
    folder = os.environ.get("SCREENSHOTS")
    if folder:
        widget.grab().save(os.path.join(folder, f"dialog-{name}.png"))


def _caught(qtbot, open_it, name: str, *, before_close=None) -> list[str]:
    """Run `open_it` (which blocks in a modal dialog); read the dialog's
    words while it is open, then close it. Returns its English words."""
    seen: dict = {}

    def inspect():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, inspect)
            return
        QApplication.processEvents()
        if before_close is not None:
            before_close(dialog)
            QApplication.processEvents()
        skip = tuple(c for c in dialog.findChildren(QComboBox)
                     if c.objectName() in ("lookInCombo", "fileTypeCombo"))
        seen["texts"] = shown_texts(dialog, skip_combos=skip)
        for tabs in dialog.findChildren(QTabWidget):  # every page, not just the first
            for page in range(tabs.count()):
                tabs.setCurrentIndex(page)
                QApplication.processEvents()
                seen["texts"] += shown_texts(dialog, skip_combos=skip)
        seen["kind"] = type(dialog)
        seen["combos"] = {c.objectName(): (c.layoutDirection(), c.currentText())
                          for c in dialog.findChildren(QComboBox) if c.objectName()}
        _save(dialog, name)
        dialog.reject()

    QTimer.singleShot(0, inspect)
    open_it()
    assert seen, f"no modal dialog for {name}"
    assert len(seen["texts"]) >= 3, seen["texts"]
    seen["latin"] = latin(seen["texts"], ALLOWED)
    return seen


@pytest.fixture
def window(make_window, tiny_db_path, tmp_path):
    win = make_window(tiny_db_path)
    install_selection(win, tmp_path / "ud" / "userdata.sqlite")
    personal.install_personal(win)
    return win


def test_the_file_dialogs_are_qt_own_and_arabic(window, qtbot, tmp_path):
    assert QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    save = _caught(qtbot, window.export_userdata_action.trigger, "save-userdata")
    assert save["kind"] is QFileDialog
    assert save["latin"] == []
    # the labels qtbase_ar misses (Qt 6 renamed them) are there in Arabic
    assert "البحث في:" in save["texts"] and "نوع الملفات:" in save["texts"]
    # the folder (a path) reads left to right, the type's pattern too
    direction, _folder = save["combos"]["lookInCombo"]
    assert direction == Qt.LayoutDirection.LeftToRight
    _direction, file_type = save["combos"]["fileTypeCombo"]
    assert file_type.endswith("\u2066(*.json)\u2069")
    opened = _caught(qtbot, window.import_userdata_action.trigger, "open-userdata")
    assert opened["kind"] is QFileDialog and opened["latin"] == []
    window.selection_panel.selection.add(["A07/12"])
    export = _caught(qtbot, lambda: window.selection_panel.export("pdf"), "save-selection")
    assert export["kind"] is QFileDialog and export["latin"] == []
    assert export["combos"]["lookInCombo"][0] == Qt.LayoutDirection.LeftToRight
    # and the filter is only there while a dialog is open
    from desktop.app.file_dialogs import _TidyOnShow
    assert not any(isinstance(o, _TidyOnShow) for o in QApplication.instance().children())


def test_a_pattern_in_an_isolate_keeps_its_order_in_a_right_to_left_line(app):
    from PySide6.QtGui import QTextLayout, QTextOption

    from desktop.app.file_dialogs import isolate_pattern

    def pattern_reads_left_to_right(text: str) -> bool:
        layout = QTextLayout(text, QApplication.font())
        option = QTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        layout.setTextOption(option)
        layout.beginLayout()
        layout.createLine().setLineWidth(10_000)
        layout.endLayout()

        def x(char: str) -> float:
            return layout.glyphRuns(text.rindex(char), 1)[0].boundingRect().center().x()

        return x("*") < x("o") < x("n")

    plain = "بيانات شخصية (*.json)"
    assert not pattern_reads_left_to_right(plain)  # «(json.*)»
    assert pattern_reads_left_to_right(isolate_pattern(plain))
    latin = "Word (*.docx)"  # a format's own name: the whole filter reads left to right

    def name_first(text: str) -> bool:
        return x_of(text, "W") < x_of(text, "*") < x_of(text, "x") < x_of(text, ")")

    def x_of(text: str, char: str) -> float:
        layout = QTextLayout(text, QApplication.font())
        option = QTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        layout.setTextOption(option)
        layout.beginLayout()
        layout.createLine().setLineWidth(10_000)
        layout.endLayout()
        return layout.glyphRuns(text.rindex(char), 1)[0].boundingRect().center().x()

    assert name_first(latin) and isolate_pattern(latin) == latin
    assert not name_first("Word \u2066(*.docx)\u2069")  # what isolating its pattern would do
    assert isolate_pattern("بلا نمط") == "بلا نمط"


def test_the_file_dialog_in_detail_view_names_its_columns_and_kinds_in_arabic(app, qtbot, tmp_path):
    (tmp_path / "مجلد").mkdir()
    dialog = QFileDialog(None, "تصدير", str(tmp_path))
    qtbot.addWidget(dialog)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.show()
    texts = shown_texts(dialog, skip_combos=tuple(dialog.findChildren(QComboBox)))
    assert latin(texts, ALLOWED) == []
    fs = dialog.findChild(QFileSystemModel)
    qtbot.waitUntil(lambda: fs.index(str(tmp_path / "مجلد")).isValid())
    kind = fs.index(str(tmp_path / "مجلد")).siblingAtColumn(2)
    qtbot.waitUntil(lambda: bool(fs.data(kind)))
    assert fs.data(kind) == "مجلّد"


def test_message_boxes_and_input_dialogs_are_arabic(window, qtbot):
    panel = window.selection_panel
    b = QMessageBox.StandardButton
    for name, buttons in (("question", b.Yes | b.No), ("warning", b.Ok),
                          ("question-cancel", b.Ok | b.Cancel | b.Save | b.Discard | b.Close)):
        box = _caught(qtbot, lambda: dialogs.question(panel, "المختارات", "نص", buttons), name)
        assert box["kind"] is QMessageBox and box["latin"] == []
    asked = _caught(qtbot, panel.save_as_dialog, "input-text")
    assert asked["kind"] is QInputDialog and asked["latin"] == []
    assert "اسم المختارات:" in asked["texts"]
    panel.selection.add(["A07/12"])
    panel.selection.save_as("إحاطة")
    chosen = _caught(qtbot, panel.open_named_dialog, "input-item")
    assert chosen["kind"] is QInputDialog and chosen["latin"] == []


def test_print_preview_and_print_dialog_are_arabic(app, qtbot):
    from PySide6.QtPrintSupport import QPrintDialog

    preview = SelectionPrintPreview([])
    qtbot.addWidget(preview)
    seen = _caught(qtbot, preview.exec, "print-preview")
    assert seen["latin"] == []

    printer = make_printer()

    def more_options(dialog):
        for button in dialog.findChildren(QPushButton):
            if button.text().startswith("&خيارات"):
                button.click()  # «Options >>»: the copies, pages and duplex tabs

    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    seen = _caught(qtbot, dialog.exec, "print", before_close=more_options)
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
        _save(dialog, name)
        dialog.reject()
    window.search_panel.shutdown()
    window.close()
