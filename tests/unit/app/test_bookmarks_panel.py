"""desktop.app.bookmarks_panel: Ctrl+B bookmarks the open paragraph; the
bookmarks panel (Ctrl+Shift+B) renames, moves into folders and deletes them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from tests.helpers.personal_qt import CTRL, CTRL_SHIFT, personal_window, press


@pytest.fixture
def window(make_window, tiny_db_path, tmp_path, qtbot):
    return personal_window(make_window, tiny_db_path, tmp_path / "ud" / "userdata.sqlite", qtbot)


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

    assert window.bookmarks_panel is None  # made on first use only
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
