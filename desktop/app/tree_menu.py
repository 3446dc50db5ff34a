"""The contents tree's context menu: the entries the features give it.

desktop/__main__.py's build_main_window makes one TreeMenu and hands it to
the features that add to it, in the menu's order: the selection («أضف إلى
المختارات»), side by side («فتح في لوحة مجاورة»), «طيّ الكل». An entry is
``entry(menu, index)``; ``index`` is invalid on the empty space below the
rows. The menu opens only when some entry added something.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QObject, QPoint, Qt
from PySide6.QtWidgets import QMenu, QTreeView

#: adds a feature's actions to the menu for a row (or the space below them)
TreeEntry = Callable[[QMenu, QModelIndex], None]


class TreeMenu(QObject):
    """The context menu of `tree`, made of the added entries."""

    def __init__(self, tree: QTreeView):
        super().__init__(tree)
        self.tree = tree
        self.entries: list[TreeEntry] = []
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self.popup)

    def add(self, entry: TreeEntry) -> None:
        self.entries.append(entry)

    def menu_for(self, index: QModelIndex) -> QMenu:
        """The menu for a row (an invalid index: below the rows), not shown."""
        menu = QMenu(self.tree)
        for entry in self.entries:
            entry(menu, index)
        return menu

    def popup(self, pos: QPoint) -> None:
        """The menu at `pos` (the tree's viewport), if it has anything."""
        menu = self.menu_for(self.tree.indexAt(pos))
        if not menu.isEmpty():
            menu.exec(self.tree.viewport().mapToGlobal(pos))
