"""desktop.app.tree_menu: the contents tree's context menu is made of the
entries the features add, in their order, and opens only with something in it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop.app.tree_menu import TreeMenu


def test_entries_in_their_order_for_the_row_asked(make_window, tiny_db_path):
    window = make_window(tiny_db_path)
    tree = window.tree_view
    tree_menu = TreeMenu(tree)
    assert tree.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    seen = []
    tree_menu.add(lambda menu, index: menu.addAction(f"أول {window.tree_model.key(index)}"))
    tree_menu.add(lambda menu, index: seen.append(index.isValid()) or menu.addAction("ثان"))
    row = window.tree_model.index_for_paragraph("A07/13")
    menu = tree_menu.menu_for(row)
    assert [a.text() for a in menu.actions()] == ["أول ('paragraph', 'A07/13')", "ثان"]
    assert seen == [True]
    below = tree_menu.menu_for(window.tree_model.index(-1, -1))
    assert seen == [True, False] and len(below.actions()) == 2


def test_a_right_click_shows_it_and_an_empty_menu_never(make_window, tiny_db_path, qtbot):
    window = make_window(tiny_db_path)
    tree = window.tree_view
    tree_menu = TreeMenu(tree)
    shown = []

    def close_popup() -> None:
        popup = QApplication.activePopupWidget()
        if popup is None:
            return
        shown.append([a.text() for a in popup.actions()])
        popup.close()

    tree_menu.add(lambda menu, index: menu.addAction("أضف") if index.isValid() else None)
    tree.collapseAll()
    below = QPoint(10, tree.viewport().height() - 5)
    assert not tree.indexAt(below).isValid()
    tree.customContextMenuRequested.emit(below)      # nothing to offer: no menu
    assert shown == []
    first = tree.visualRect(window.tree_model.index(0, 0)).center()
    QTimer.singleShot(50, close_popup)
    tree.customContextMenuRequested.emit(first)
    qtbot.waitUntil(lambda: shown == [["أضف"]])
