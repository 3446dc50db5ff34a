"""desktop.app.file_dialogs: the app's open/save dialogs are Qt's own, in
Arabic, with paths and file patterns kept left to right inside the right-to-left
dialog. Set SCREENSHOTS=folder to save a PNG of each dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QFileSystemModel

from desktop.app import personal
from desktop.app.selection import install_selection
from tests.helpers.dialog_texts import ALLOWED, caught, latin, shown_texts


@pytest.fixture
def window(make_window, tiny_db_path, tmp_path):
    win = make_window(tiny_db_path)
    install_selection(win, tmp_path / "ud" / "userdata.sqlite")
    personal.install_personal(win, win.selection_panel)
    return win


def test_the_file_dialogs_are_qt_own_and_arabic(window, qtbot, tmp_path):
    assert QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    save = caught(qtbot, window.export_userdata_action.trigger, "save-userdata")
    assert save["kind"] is QFileDialog
    assert save["latin"] == []
    # the labels qtbase_ar misses (Qt 6 renamed them) are there in Arabic
    assert "البحث في:" in save["texts"] and "نوع الملفات:" in save["texts"]
    # the folder (a path) reads left to right, the type's pattern too
    direction, _folder = save["combos"]["lookInCombo"]
    assert direction == Qt.LayoutDirection.LeftToRight
    _direction, file_type = save["combos"]["fileTypeCombo"]
    assert file_type.endswith("\u2066(*.json)\u2069")
    opened = caught(qtbot, window.import_userdata_action.trigger, "open-userdata")
    assert opened["kind"] is QFileDialog and opened["latin"] == []
    window.selection_panel.selection.add(["A07/12"])
    export = caught(qtbot, lambda: window.selection_panel.export("pdf"), "save-selection")
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
