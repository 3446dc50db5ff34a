"""Bookmarks and notes as a user reaches them: Ctrl+B, the bookmarks panel
(rename, move, delete), notes from the paragraph menu and Ctrl+Shift+N, the
mark beside a noted paragraph, the notes panel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from desktop.app.notes_panel import NoteDialog
from desktop.app.personal import install_personal
from desktop.app.selection import install_selection


@pytest.fixture
def window(make_window, tiny_db_path, tmp_path, qtbot):
    win = make_window(tiny_db_path)
    install_selection(win, tmp_path / "ud" / "userdata.sqlite")
    install_personal(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return win


def press(qtbot, widget, key, modifiers):
    widget.window().activateWindow()  # a closed dialog may have taken activation
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window())
    widget.setFocus()
    qtbot.keyClick(widget, key, modifiers)


CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_menu_order_and_shortcuts(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("العلامات والملاحظات") == titles.index(window.menu("help").title()) - 1
    texts = {a.text(): a.shortcut().toString() for a in window._personal_menu.actions()}
    assert texts["أضف علامة مرجعية"] == "Ctrl+B"
    assert texts["أضف ملاحظة على الفقرة…"] == "Ctrl+Shift+N"
    assert texts["لوحة العلامات المرجعية"] == "Ctrl+Shift+B"


def test_ctrl_b_bookmarks_the_open_paragraph_and_the_panel_manages_it(window, qtbot, monkeypatch):
    window.open_paragraph("A07/13")
    press(qtbot, window.reader, Qt.Key.Key_B, CTRL)
    store = window.userdata.store
    assert [b.paragraph_id for b in store.bookmarks()] == ["A07/13"]
    assert window.statusBar().currentMessage() == "أُضيفت علامة مرجعية: الجزء ألف، سابعاً-13"
    press(qtbot, window.reader, Qt.Key.Key_B, CTRL)
    assert len(store.bookmarks()) == 1
    assert "معلَّمة من قبل" in window.statusBar().currentMessage()
    # the paragraph menu offers it only where there is none yet
    assert "أضف علامة مرجعية" not in [a.text() for a in window.reader.paragraph_menu("A07/13").actions()]
    menu = window.reader.paragraph_menu("B6-r4/1")
    next(a for a in menu.actions() if a.text() == "أضف علامة مرجعية").trigger()

    assert not hasattr(window, "bookmarks_panel")  # made on first use only
    press(qtbot, window.reader, Qt.Key.Key_B, CTRL_SHIFT)
    panel = window.bookmarks_panel
    assert panel.dock.isVisible() and panel.tree.hasFocus()
    assert panel.items() == [("", "الجزء ألف، سابعاً-13"), ("", "الجزء باء، القرار 4/6، 1")]

    first = store.bookmarks()[0].id
    answers = iter([("حماية الشهود", True), ("COP 13", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    panel.select("bookmark", first)
    item = panel.tree.currentItem()
    menu = panel.context_menu(item)
    next(a for a in menu.actions() if a.text() == "إعادة التسمية…").trigger()
    move = next(a for a in panel.context_menu(panel.tree.currentItem()).actions()
                if a.text() == "نقل إلى").menu()
    next(a for a in move.actions() if a.text() == "مجلد جديد…").trigger()
    assert panel.items() == [("", "الجزء باء، القرار 4/6، 1"), ("COP 13", "حماية الشهود")]

    opened = []
    window.reader.paragraphOpened.connect(opened.append)
    panel.select("bookmark", first)
    panel.tree.itemActivated.emit(panel.tree.currentItem(), 0)
    assert opened[-1] == "A07/13"

    panel.select("bookmark", first)
    press(qtbot, panel.tree, Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier)
    assert panel.items() == [("", "الجزء باء، القرار 4/6، 1")]
    assert store.bookmark_folders() == ["COP 13"]  # the folder stays until deleted
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.select("folder", "COP 13")
    press(qtbot, panel.tree, Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier)
    assert store.bookmark_folders() == []


def _answer_note(qtbot, text: str):
    """Fill and save the note dialog as soon as it is up."""
    def fill():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, NoteDialog):
            QTimer.singleShot(20, fill)
            return
        dialog.editor.setPlainText(text)
        dialog.accept()
    QTimer.singleShot(0, fill)


def test_notes_from_the_keyboard_and_the_paragraph_menu(window, qtbot):
    window.open_paragraph("A07/13")
    _answer_note(qtbot, "تُعرض في الاجتماع القادم")
    press(qtbot, window.reader, Qt.Key.Key_N, CTRL_SHIFT)
    store = window.userdata.store
    assert [n.text for n in store.notes("A07/13")] == ["تُعرض في الاجتماع القادم"]

    _answer_note(qtbot, "ملاحظة ثانية")
    menu = window.reader.paragraph_menu("A07/13")
    next(a for a in menu.actions() if a.text() == "أضف ملاحظة…").trigger()
    assert len(store.notes("A07/13")) == 2

    menu = window.reader.paragraph_menu("A07/13")
    edits = [a for a in menu.actions() if a.text().startswith("تعديل الملاحظة")]
    assert [a.text() for a in edits] == ["تعديل الملاحظة «تُعرض في الاجتماع القادم»…",
                                         "تعديل الملاحظة «ملاحظة ثانية»…"]
    _answer_note(qtbot, "ملاحظة معدّلة")
    edits[1].trigger()
    assert [n.text for n in store.notes("A07/13")][1] == "ملاحظة معدّلة"

    # the mark beside the paragraph, and its hover text
    marks = window.note_marks
    rects = marks.rects()
    assert list(rects) == ["A07/13"]
    rect = rects["A07/13"]
    assert rect.right() < window.reader.viewport().width()
    tip = window.reader.tooltip_at(rect.center())
    assert "تُعرض في الاجتماع القادم" in tip and "ملاحظة معدّلة" in tip
    image = window.reader.viewport().grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(rect.left(), rect.right())
               for y in range(max(0, rect.top()), rect.bottom())}
    assert any(c not in ("#ffffff", "#fff8dc", "#ffeeb0") and c != "#000000" for c in colours), colours

    # the notes panel lists them with the paragraph's citation; a click opens it
    press(qtbot, window.reader, Qt.Key.Key_M, CTRL_SHIFT)
    panel = window.notes_panel
    assert panel.dock.isVisible()
    texts = panel.texts()
    assert len(texts) == 2 and all(t.startswith("الجزء ألف، سابعاً-13 — ") for t in texts)
    assert texts[0].endswith("ملاحظة معدّلة")
    window.open_paragraph("B6-r4/1")
    opened = []
    window.reader.paragraphOpened.connect(opened.append)
    item = panel.list.item(0)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.list.visualItemRect(item).center())
    assert opened[-1] == "A07/13"


def test_deleting_a_note_removes_its_mark(window, qtbot, monkeypatch):
    store = window.userdata.store
    note = store.add_note("A07/12", "وحيدة")
    window.userdata.changed.emit()
    window.open_paragraph("A07/12")
    assert list(window.note_marks.rects()) == ["A07/12"]
    window.show_notes_action.trigger()
    panel = window.notes_panel
    panel.list.setCurrentRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    press(qtbot, panel.list, Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier)
    assert store.note(note.id) is None
    assert window.note_marks.rects() == {}
    assert panel.texts() == [] and panel.empty.isVisibleTo(panel)


def test_print_preview_and_export_dialog_offer_the_notes(window, qtbot, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    from desktop.app import printing
    from desktop.app.export_dialog import ExportDialog

    store = window.userdata.store
    store.add_note("A07/13", "ملاحظة طويلة " * 400)
    window.selection_panel.add_paragraphs(["A07/13"])
    seen = []

    def run_preview(dialog):
        seen.append(dialog)
        dialog.open()  # shown without blocking, as the user sees it
        qtbot.waitUntil(lambda: dialog.page_count() == 1)
        assert not dialog.bar.notes.isChecked()  # off unless asked
        dialog.bar.notes.setChecked(True)
        qtbot.waitUntil(lambda: dialog.page_count() > 1)
        dialog.close()
        return 0

    monkeypatch.setattr(printing.SelectionPrintPreview, "exec", run_preview)
    window.print_action.trigger()
    assert seen and seen[0].bar.notes.text() == "ملاحظاتي"
    assert seen[0].items[0].notes[0].text.startswith("ملاحظة طويلة")

    def accept_with_notes(dialog):
        dialog.format_box.setCurrentIndex(dialog.format_box.findData("html"))
        dialog.notes.setChecked(True)
        return ExportDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", accept_with_notes)
    out = tmp_path / "brief.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.selection_panel.export_with_dialog("html")
    assert "ملاحظة طويلة" in out.read_text(encoding="utf-8")


@pytest.fixture
def search_window(make_window, content_db_path, tmp_path, qtbot):
    from desktop.app.search import install_search

    win = make_window(content_db_path)
    install_selection(win, tmp_path / "ud3" / "userdata.sqlite")
    install_search(win)
    install_personal(win)
    return win


def test_my_notes_filter_in_the_search_tab(search_window, qtbot):
    win = search_window
    panel = win.search_panel
    win.userdata.store.add_note("A07/13", "للعرض على الوفد: حماية الشهود")
    win.userdata.store.add_note("A07/9", "أخرى")
    panel.set_query("الشهود", immediately=True)
    qtbot.waitUntil(lambda: panel.result_count() > 1)   # the texts: many hits
    with qtbot.waitSignal(panel.results_shown):
        panel.notes_box.setChecked(True)
    assert panel.result_count() == 1
    result = panel.model.result(0)
    assert result.id == "A07/13" and result.citation.endswith("— ملاحظتي")
    assert "للعرض على" in panel.model.data(panel.model.index(0, 0), Qt.ItemDataRole.DisplayRole)
    opened = []
    win.reader.paragraphOpened.connect(opened.append)
    panel.open_current()
    assert opened[-1] == "A07/13"
    with qtbot.waitSignal(panel.results_shown):
        panel.notes_box.setChecked(False)
    qtbot.waitUntil(lambda: panel.result_count() > 1)


def test_the_app_window_has_them_all(app, qtbot, tiny_db_path, tmp_path):
    """build_main_window (what `python -m desktop` shows) wires every piece."""
    from desktop.__main__ import build_main_window
    from desktop.app.settings import AppSettings
    from desktop.content.store import open_store

    window = build_main_window(open_store(tiny_db_path), AppSettings(tmp_path / "s.ini"),
                               remember=False, user_data=str(tmp_path / "u.sqlite"))
    qtbot.addWidget(window)
    assert window.search_panel.notes_box.text() == "ملاحظاتي"
    assert window.bookmark_action.shortcut().toString() == "Ctrl+B"
    assert window.history_menu.title() == "السجل"
    assert window.import_userdata_action in window.menu("file").actions()
    window.close()
