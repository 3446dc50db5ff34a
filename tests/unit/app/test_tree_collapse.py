"""desktop.app.tree_collapse: «طيّ الكل» from the View menu and from the
tree's context menu (on rows and on the empty space below them)."""

from __future__ import annotations

from desktop.app.tree_collapse import COLLAPSE_TEXT, install_collapse_all
from desktop.app.tree_menu import TreeMenu
from tests.helpers.reader_qt import tree_followed


def _expanded(tree, parent=None) -> list:
    model = tree.model()
    parent = parent if parent is not None else model.index(-1, -1)
    out = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        if tree.isExpanded(index):
            out.append(model.key(index))
            out += _expanded(tree, index)
    return out


def _view_action(window, text):
    return next((a for a in window.menu("view").actions() if a.text() == text), None)


def test_collapse_all_from_the_view_menu(make_window, tiny_db_path, qtbot):
    window = make_window(tiny_db_path)
    install_collapse_all(window, TreeMenu(window.tree_view))
    window.open_paragraph("A07/13.l1")
    tree_followed(qtbot, window)
    assert _expanded(window.tree_view)          # the path to the row is open
    action = _view_action(window, COLLAPSE_TEXT)
    assert action is not None
    action.trigger()
    assert _expanded(window.tree_view) == []
    # the keyboard goes on from the part, and nothing else was opened
    assert window.tree_model.key(window.tree_view.currentIndex()) == ("node", "A")
    assert window.reader.current_paragraph_id() == "A07/13.l1"


def test_collapse_all_in_the_tree_context_menu(make_window, tiny_db_path):
    window = make_window(tiny_db_path)
    tree_menu = TreeMenu(window.tree_view)
    install_collapse_all(window, tree_menu)
    window.open_paragraph("B6-r4/1")
    menu = tree_menu.menu_for(window.tree_view.currentIndex())
    entry = next(a for a in menu.actions() if a.text() == COLLAPSE_TEXT)
    entry.trigger()
    assert _expanded(window.tree_view) == []


def test_the_tree_menu_offers_collapse_all_on_rows_and_below_them(
        make_window, tiny_db_path, qtbot):
    from PySide6.QtCore import QPoint, QTimer
    from PySide6.QtWidgets import QApplication
    from desktop.app.selection import install_selection
    window = make_window(tiny_db_path)
    tree_menu = TreeMenu(window.tree_view)
    install_selection(window, ":memory:", tree_menu=tree_menu)
    install_collapse_all(window, tree_menu)
    shown = []

    def menu_at(pos) -> list[str]:
        tries = []

        def read_and_close() -> None:
            menu = QApplication.activePopupWidget()
            if menu is None:      # not up yet
                tries.append(1)
                if len(tries) < 100:
                    QTimer.singleShot(10, read_and_close)
                return
            shown.append([a.text() for a in menu.actions() if not a.isSeparator()])
            menu.close()
        QTimer.singleShot(10, read_and_close)
        tree_menu.popup(pos)
        return shown[-1] if shown else []

    window.open_paragraph("A07/13")
    tree_followed(qtbot, window)
    tree = window.tree_view
    entries = menu_at(tree.visualRect(tree.currentIndex()).center())
    assert COLLAPSE_TEXT in entries and "أضف إلى المختارات" in entries
    tree.collapseAll()
    below = QPoint(10, tree.viewport().height() - 5)     # no row there
    assert not tree.indexAt(below).isValid()
    assert menu_at(below) == [COLLAPSE_TEXT]
