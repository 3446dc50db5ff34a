"""Side by side: «فتح في لوحة مجاورة» on links and tree items, Ctrl+\\,
the pane's own citation, links and close."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu

from desktop.app.selection import install_selection
from desktop.app.side_reader import ACTION_TEXT, install_side_by_side
from desktop.app.tree_menu import TreeMenu

RLM = "\u200f"


@pytest.fixture
def window(make_window, tiny_db_path, tmp_path, qtbot):
    win = make_window(tiny_db_path)
    win.test_tree_menu = TreeMenu(win.tree_view)
    install_selection(win, tmp_path / "ud" / "userdata.sqlite", tree_menu=win.test_tree_menu)
    install_side_by_side(win, win.test_tree_menu)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return win


class _Menus(list):
    """Popup menus as they open: each is recorded with its entries, then closed."""

    def expect(self):
        def grab():
            menu = QApplication.activePopupWidget()
            if not isinstance(menu, QMenu):
                QTimer.singleShot(20, grab)
                return
            self.append([(a.text(), a) for a in menu.actions()])
            menu.close()
        QTimer.singleShot(0, grab)


def _capture_menus(monkeypatch):
    return _Menus()


def _entries(menu):
    return [text for text, _ in menu]


def _trigger(menu, text):
    next(a for t, a in menu if t == text).trigger()


def _link_point(reader, text, target):
    cursor = reader.document().find(text)
    cursor.setPosition(cursor.selectionStart() + 3)
    point = reader.cursorRect(cursor).center()
    assert reader.anchorAt(point) == f"para:{target}"
    return point


def test_a_links_menu_opens_its_target_beside(window, monkeypatch):
    reader = window.reader
    window.open_paragraph("B6-r4/pp1")
    point = _link_point(reader, "الفقرة 2 أعلاه", "A07/13")
    shown = _capture_menus(monkeypatch)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point,
                              reader.viewport().mapToGlobal(point))
    shown.expect()
    QApplication.sendEvent(reader.viewport(), event)
    assert _entries(shown[-1])[0] == ACTION_TEXT   # first, for the link under the mouse
    _trigger(shown[-1], ACTION_TEXT)
    side = window.side_reader
    assert side.isVisible()
    assert side.reader.current_paragraph_id() == "A07/13"
    assert reader.current_paragraph_id() == "B6-r4/pp1"   # the main reader stays
    assert side.title.text() == RLM + "الجزء ألف، سابعاً-13"
    sizes = window.splitter.sizes()
    assert sizes[window.splitter.indexOf(side)] > 150
    # a paragraph's menu away from links has no such entry
    plain = reader.cursorRect(reader.document().find("إذ يشير")).center()
    shown.expect()
    QApplication.sendEvent(reader.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, plain, reader.viewport().mapToGlobal(plain)))
    assert ACTION_TEXT not in _entries(shown[-1])


def test_tree_items_and_the_keyboard(window, qtbot, monkeypatch):
    shown = _capture_menus(monkeypatch)
    index = window.tree_model.index_for_node("B6-r4")
    window.tree_view.scrollTo(index)
    shown.expect()
    window.test_tree_menu.popup(window.tree_view.visualRect(index).center())
    _trigger(shown[-1], ACTION_TEXT)
    side = window.side_reader
    assert side.reader.current_paragraph_id() == "B6-r4/c1"  # the unit's first paragraph
    # links inside the pane stay in the pane
    side.reader.open_paragraph("B6-r4/pp1")
    side.reader.follow_href("para:A07/13")
    assert side.reader.current_paragraph_id() == "A07/13"
    assert side.reader.back() and side.reader.current_paragraph_id() == "B6-r4/pp1"
    # Esc in the pane closes it; Ctrl+\ opens the current paragraph beside
    qtbot.keyClick(side.reader, Qt.Key.Key_Escape)
    assert not side.isVisible()
    window.open_paragraph("A07/12")
    window.activateWindow()  # the closed popup menu had taken activation
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_Backslash, Qt.KeyboardModifier.ControlModifier)
    assert side.isVisible() and side.reader.current_paragraph_id() == "A07/12"
    assert side.reader.hasFocus()
    assert window.side_by_side_action in window.menu("view").actions()
    window.side_by_side_action.trigger()
    assert not side.isVisible()
