"""The bookmarks dock: folders and the bookmarked paragraphs in them.

A thin view over the user-data store (desktop.userdata.bookmarks): every
action is one store call, then the tree is rebuilt from the store, so what
the panel shows is always what is on disk. Top-level bookmarks (folder '')
come first, then the folders in name order.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (QDockWidget, QInputDialog, QMenu, QMessageBox, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from desktop.userdata import FolderExists, UserDataError
from desktop.content.citations import RLM

if TYPE_CHECKING:
    from desktop.app.userdata_hub import UserDataHub
    from desktop.content.store import ContentStore
    from desktop.userdata import SelectionStore
    from desktop.userdata.bookmarks import Bookmark

PANEL_TITLE = "العلامات المرجعية"
KIND_ROLE = Qt.ItemDataRole.UserRole + 1   # "folder" | "bookmark"
KEY_ROLE = Qt.ItemDataRole.UserRole + 2    # folder name | bookmark id
TOP_LEVEL = "(بلا مجلد)"


class BookmarksPanel(QWidget):
    #: open this paragraph in the reader
    paragraphRequested = Signal(str)
    #: its dock in the window, given by personal.show_bookmarks right after it is made
    dock: QDockWidget

    def __init__(self, content: ContentStore, hub: UserDataHub, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("bookmarks-panel")
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.content = content
        self.hub = hub
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("bookmarks-tree")
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(PANEL_TITLE)
        self.tree.itemActivated.connect(self._on_activated)
        self.tree.itemClicked.connect(self._on_activated)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(
            lambda pos: self.context_menu(self.tree.itemAt(pos)).exec(
                self.tree.viewport().mapToGlobal(pos)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.tree)
        hub.changed.connect(self.reload)
        self.reload()

    @property
    def store(self) -> SelectionStore:
        return self.hub.store

    # ---- view -----------------------------------------------------------

    def title_of(self, bookmark: Bookmark) -> str:
        return bookmark.title or self.content.cited_as(bookmark.paragraph_id)

    def _top_items(self) -> list[QTreeWidgetItem]:
        """The tree's top-level items (bookmarks outside folders, then folders)."""
        return [item for i in range(self.tree.topLevelItemCount())
                if (item := self.tree.topLevelItem(i)) is not None]

    @staticmethod
    def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
        return [child for j in range(item.childCount()) if (child := item.child(j)) is not None]

    def reload(self) -> None:
        expanded = {top.data(0, KEY_ROLE) for top in self._top_items() if top.isExpanded()}
        current = self.current_key()
        self.tree.clear()
        for mark in self.store.bookmarks(""):
            self.tree.addTopLevelItem(self._bookmark_item(mark))
        for folder in self.store.bookmark_folders():
            item = QTreeWidgetItem([folder])
            item.setData(0, KIND_ROLE, "folder")
            item.setData(0, KEY_ROLE, folder)
            item.setToolTip(0, f"مجلد: {folder}")
            for mark in self.store.bookmarks(folder):
                item.addChild(self._bookmark_item(mark))
            self.tree.addTopLevelItem(item)
            item.setExpanded(folder in expanded or not expanded)
        if current:
            self.select(*current)

    def _bookmark_item(self, mark: Bookmark) -> QTreeWidgetItem:
        item = QTreeWidgetItem([RLM + self.title_of(mark)])
        item.setData(0, KIND_ROLE, "bookmark")
        item.setData(0, KEY_ROLE, mark.id)
        para = self.content.paragraph(mark.paragraph_id)
        cite = (para.citation or para.id) if para else f"{mark.paragraph_id} (ليست في هذه الخلاصة)"
        item.setToolTip(0, cite)
        return item

    def items(self) -> list[tuple[str, str]]:
        """(folder, title) of every bookmark shown, in order (tests, a11y)."""
        out = []
        for top in self._top_items():
            if top.data(0, KIND_ROLE) == "bookmark":
                out.append(("", top.text(0).lstrip(RLM)))
            for child in self._children(top):
                out.append((top.text(0), child.text(0).lstrip(RLM)))
        return out

    def current_key(self) -> tuple[str, str | int] | None:
        """("folder", its name) or ("bookmark", its id) of the current row."""
        item = self.tree.currentItem()
        return (item.data(0, KIND_ROLE), item.data(0, KEY_ROLE)) if item else None

    def select(self, kind: str, key: str | int) -> bool:
        it = self._find(kind, key)
        if it is not None:
            self.tree.setCurrentItem(it)
        return it is not None

    def _find(self, kind: str, key: str | int) -> QTreeWidgetItem | None:
        for top in self._top_items():
            for item in [top, *self._children(top)]:
                if item.data(0, KIND_ROLE) == kind and item.data(0, KEY_ROLE) == key:
                    return item
        return None

    def _on_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        if item.data(0, KIND_ROLE) == "bookmark":
            mark = self.store.bookmark(item.data(0, KEY_ROLE))
            if mark:
                self.paragraphRequested.emit(mark.paragraph_id)

    # ---- actions ------------------------------------------------------------

    def context_menu(self, item: QTreeWidgetItem | None) -> QMenu:
        menu = QMenu(self)
        menu.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        kind = item.data(0, KIND_ROLE) if item else None
        if item is not None and kind == "bookmark":
            chosen = item
            bookmark_id: int = item.data(0, KEY_ROLE)
            menu.addAction("فتح", lambda: self._on_activated(chosen))
            menu.addAction("إعادة التسمية…", lambda: self.rename_bookmark(bookmark_id))
            move = menu.addMenu("نقل إلى")
            mark = self.store.bookmark(bookmark_id)
            for folder in [""] + self.store.bookmark_folders():
                if mark and folder != mark.folder:
                    move.addAction(folder or TOP_LEVEL,
                                   partial(self.move_bookmark, bookmark_id, folder))
            move.addSeparator()
            move.addAction("مجلد جديد…", lambda: self.move_to_new_folder(bookmark_id))
            menu.addAction("حذف", lambda: self.delete_bookmark(bookmark_id))
        elif item is not None and kind == "folder":
            folder_name: str = item.data(0, KEY_ROLE)
            menu.addAction("إعادة تسمية المجلد…", lambda: self.rename_folder(folder_name))
            menu.addAction("حذف المجلد", lambda: self.delete_folder(folder_name))
        menu.addSeparator()
        menu.addAction("مجلد جديد…", self.new_folder)
        return menu

    def _write(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except UserDataError as exc:
            QMessageBox.warning(self, PANEL_TITLE, f"تعذّر حفظ العلامات المرجعية.\n{exc}")
            return False
        self.hub.changed.emit()
        return True

    def _ask(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(self, title, label, text=text)
        value = value.strip()
        return value if ok and value else None

    def rename_bookmark(self, bookmark_id: int, title: str | None = None) -> bool:
        mark = self.store.bookmark(bookmark_id)
        if mark is None:
            return False
        title = title if title is not None else self._ask(
            "إعادة تسمية العلامة", "الاسم:", self.title_of(mark))
        if not title:
            return False
        ok = self._write(lambda: self.store.rename_bookmark(bookmark_id, title))
        self.select("bookmark", bookmark_id)
        return ok

    def move_bookmark(self, bookmark_id: int, folder: str) -> bool:
        ok = self._write(lambda: self.store.move_bookmark(bookmark_id, folder))
        self.select("bookmark", bookmark_id)
        return ok

    def move_to_new_folder(self, bookmark_id: int) -> bool:
        name = self._ask("مجلد جديد", "اسم المجلد:")
        return self.move_bookmark(bookmark_id, name) if name else False

    def delete_bookmark(self, bookmark_id: int) -> bool:
        return self._write(lambda: self.store.delete_bookmark(bookmark_id))

    def new_folder(self, name: str | None = None) -> bool:
        chosen = name or self._ask("مجلد جديد", "اسم المجلد:")
        if not chosen:
            return False
        return self._write(lambda: self.store.add_bookmark_folder(chosen))

    def rename_folder(self, old: str, new: str | None = None) -> bool:
        new = new or self._ask("إعادة تسمية المجلد", "الاسم الجديد:", old)
        if not new:
            return False
        try:
            ok = self._write(lambda: self.store.rename_bookmark_folder(old, new))
        except FolderExists:
            QMessageBox.warning(self, PANEL_TITLE, f"يوجد مجلد باسم «{new}» من قبل.")
            return False
        self.select("folder", new)
        return ok

    def delete_folder(self, name: str, confirm: bool = True) -> bool:
        count = len(self.store.bookmarks(name))
        if confirm and count:
            answer = QMessageBox.question(
                self, PANEL_TITLE, f"حذف المجلد «{name}» وما فيه من علامات ({count})؟")
            if answer != QMessageBox.StandardButton.Yes:
                return False
        return self._write(lambda: self.store.delete_bookmark_folder(name))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = self.current_key()
        if key and event.matches(QKeySequence.StandardKey.Delete):
            self._on_row(key[1], self.delete_bookmark, self.delete_folder)
            return
        if key and event.key() == Qt.Key.Key_F2:
            self._on_row(key[1], self.rename_bookmark, self.rename_folder)
            return
        super().keyPressEvent(event)

    @staticmethod
    def _on_row(key: str | int, bookmark: Callable[[int], bool],
                folder: Callable[[str], bool]) -> None:
        """A bookmark's row holds its id (an int), a folder's its name."""
        if isinstance(key, int):
            bookmark(key)
        else:
            folder(key)
