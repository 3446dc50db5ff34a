"""Side by side: a second reader next to the first (left of it, in a
right-to-left window), to read a Working Group recommendation beside the
COP decision that endorses it.

«فتح في لوحة مجاورة» on a link's and a tree item's context menu (and
View > «لوحة مجاورة», Ctrl+\\, which opens the current paragraph there);
the pane has its own history and links, its citation at the top and a
close button (Esc in the pane closes it too). Made on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QToolButton, QVBoxLayout, QWidget

from desktop.app.reader import ReaderView

if TYPE_CHECKING:
    from desktop.app.main_window import MainWindow
    from desktop.app.tree_menu import TreeMenu
    from desktop.content.store import ContentStore

RLM = "\u200f"
ACTION_TEXT = "فتح في لوحة مجاورة"


class SideReader(QWidget):
    def __init__(self, store: ContentStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("side-reader")
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.reader = ReaderView(store, self)
        self.reader.setObjectName("side-reader-view")
        self.reader.setAccessibleName("اللوحة المجاورة")
        self.title = QLabel("", self)
        self.title.setObjectName("side-reader-citation")
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setToolTip("إغلاق اللوحة المجاورة (Esc)")
        self.close_button.setAccessibleName("إغلاق اللوحة المجاورة")
        self.close_button.clicked.connect(self.hide)
        top = QHBoxLayout()
        top.setContentsMargins(4, 2, 4, 2)
        top.addWidget(self.title, 1)
        top.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self.reader, 1)
        self.reader.paragraphOpened.connect(self._show_citation)

    def _show_citation(self, paragraph_id: str) -> None:
        self.title.setText(RLM + self.reader.store.cited_as(paragraph_id))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)


def side_reader(window: MainWindow) -> SideReader:
    """The window's side pane, made and put in the splitter on first use."""
    side = window.side_reader
    if not isinstance(side, SideReader):     # None until the first use
        side = SideReader(window.store, window)
        splitter = window.splitter
        splitter.addWidget(side)  # after the reader: to its left
        splitter.setStretchFactor(splitter.indexOf(side), 1)
        window.side_reader = side
        side.hide()
    return side


def open_beside(window: MainWindow, paragraph_id: str | None) -> bool:
    """Show a paragraph in the side pane (opening the pane), the main reader
    left where it is; the reader's room is shared between the two."""
    if not paragraph_id:
        return False
    side = side_reader(window)
    was_hidden = side.isHidden()
    if window.reader.reading_style is not None:   # font, spacing, page colours
        side.reader.apply_reading_style(window.reader.reading_style)
    side.reader.set_zoom(window.reader.zoom())
    if not side.reader.open_paragraph(paragraph_id):
        return False
    if was_hidden:
        splitter = window.splitter
        sizes = splitter.sizes()
        at_side = splitter.indexOf(side)
        reader_at = splitter.indexOf(window.reader)
        if reader_at < 0:  # the reader sits in a box with the find bar
            reader_at = at_side - 1
        side.show()
        share = max(sizes[reader_at], 400)
        sizes[reader_at] = share // 2
        sizes[at_side] = share - share // 2
        splitter.setSizes(sizes)
    side.reader.setFocus()
    return True


def install_side_by_side(window: MainWindow, tree_menu: TreeMenu) -> None:
    """«فتح في لوحة مجاورة» on links and in the contents tree's menu, Ctrl+\\."""
    window.reader.add_link_action(ACTION_TEXT, lambda pid: open_beside(window, pid))

    def tree_entry(menu: QMenu, index: QModelIndex) -> None:
        key = window.tree_model.key(index)
        if key is None:
            return
        kind, ident = key
        pid: str | None = ident
        if kind != "paragraph":
            first = window.store.first_paragraph(ident)
            pid = first.id if first else None
        if pid:
            menu.addAction(ACTION_TEXT, lambda: open_beside(window, pid))

    tree_menu.add(tree_entry)

    action = QAction("لوحة مجاورة", window)
    action.setObjectName("action-side-by-side")
    action.setShortcut(QKeySequence("Ctrl+\\"))
    action.setToolTip("فتح الفقرة الحالية في لوحة مجاورة، أو إغلاق اللوحة")
    action.triggered.connect(lambda: toggle_beside(window))
    window.addAction(action)
    window.menu("view").addAction(action)
    window.side_by_side_action = action


def toggle_beside(window: MainWindow) -> bool:
    side = window.side_reader
    if isinstance(side, SideReader) and side.isVisible():
        side.hide()
        window.reader.setFocus()
        return False
    tree_key = window.tree_model.key(window.tree_view.currentIndex()) \
        if window.tree_view.hasFocus() else None
    pid = tree_key[1] if tree_key and tree_key[0] == "paragraph" else \
        window.reader.current_paragraph_id()
    return open_beside(window, pid)
