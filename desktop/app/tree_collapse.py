"""«طيّ الكل»: fold every branch of the contents tree, from the View menu
and from the tree's context menu; the current row becomes its part, so
the keyboard goes on from a visible row and nothing is opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from desktop.app.tree_actions import ancestors

if TYPE_CHECKING:
    from desktop.app.main_window import MainWindow
    from desktop.app.tree_menu import TreeMenu

COLLAPSE_TEXT = "طيّ الكل"


def collapse_all(window: MainWindow) -> None:
    """Fold every branch; the current row becomes its part (without opening
    anything), so the keyboard goes on from a visible row."""
    tree = window.tree_view
    current = tree.currentIndex()
    tree.collapseAll()
    chain = ancestors(current) if current.isValid() else []
    if chain:
        old = window._syncing_tree
        window._syncing_tree = True   # a part is a folder: nothing to open
        try:
            tree.setCurrentIndex(chain[0])
        finally:
            window._syncing_tree = old
    if tree.currentIndex().isValid():
        tree.scrollTo(tree.currentIndex())
    else:
        tree.scrollToTop()


def install_collapse_all(window: MainWindow, tree_menu: TreeMenu) -> QAction:
    """«طيّ الكل» in the View menu and in the tree's context menu (`tree_menu`)."""
    action = QAction(COLLAPSE_TEXT, window)
    action.setObjectName("action-collapse-tree")
    action.setToolTip("طيّ كل فروع شجرة المحتويات")
    action.triggered.connect(lambda: collapse_all(window))
    window.addAction(action)
    window.menu("view").addAction(action)
    window.collapse_tree_action = action

    def tree_menu_entry(menu: QMenu, _index: QModelIndex) -> None:
        menu.addSeparator()
        menu.addAction(action)

    tree_menu.add(tree_menu_entry)
    return action
