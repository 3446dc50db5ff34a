"""The contents tree's rows shown where the reader is: a row shown with its
part and meeting/session, and the tree following the reader's opens
(«طيّ الكل» is desktop.app.tree_collapse).

``reveal_row(tree, index)`` expands the row's ancestors and scrolls so that
the part (else the meeting/session) heading the row stands at the top with
the row below it; only when the row is too far down for that is it
centred. MainWindow.select_in_tree uses it; before the window is first
laid out the viewport has no height yet, so the reveal is done again once
the tree is shown (the start-up paragraph). ``follow_reader`` is how the
tree follows the reader's opens: the row current at once, shown (its part
and meeting expanded, the tree scrolled) once the opens pause.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QTimer
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

if TYPE_CHECKING:
    from desktop.app.tree_model import ContentTreeModel


class TreeWindow(Protocol):
    """What follow_reader uses of the main window (which imports this
    module, so cannot be named here)."""

    tree_view: QTreeView
    tree_model: ContentTreeModel
    #: set while the window moves the tree's row itself (nothing to open)
    _syncing_tree: bool

    def select_in_tree(self, paragraph_id: str) -> None: ...
#: the tree scrolls to the reader's paragraph once the opens have paused this long
FOLLOW_DELAY_MS = 150


def ancestors(index: QModelIndex) -> list[QModelIndex]:
    """The row's ancestors, outermost (the part) first."""
    chain: list[QModelIndex] = []
    parent = index.parent()
    while parent.isValid():
        chain.insert(0, parent)
        parent = parent.parent()
    return chain


def row_visible(tree: QTreeView, index: QModelIndex) -> bool:
    rect = tree.visualRect(index)
    return rect.isValid() and rect.top() >= 0 and rect.bottom() <= tree.viewport().height()


def reveal_row(tree: QTreeView, index: QModelIndex) -> None:
    """Expand the row's ancestors; put the outermost ancestor that leaves the
    row on screen at the top, else centre the row."""
    if not index.isValid():
        return
    chain = ancestors(index)
    for parent in chain:
        tree.expand(parent)
    if tree.viewport().height() <= 0 or not tree.isVisible():
        _RevealWhenShown.watch(tree)
    # worked out from where the rows lie, then scrolled once: scrolling to
    # each ancestor in turn repainted the whole tree at every open (issue 17)
    row = tree.visualRect(index)
    room = tree.viewport().height()
    for parent in chain:
        top = tree.visualRect(parent).top()
        if row.isValid() and 0 <= row.top() - top and row.bottom() - top <= room:
            tree.scrollTo(parent, QAbstractItemView.ScrollHint.PositionAtTop)
            return
    tree.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)


class _RevealWhenShown(QObject):
    """Reveal the tree's current row again at its first real size."""

    @classmethod
    def watch(cls, tree: QTreeView) -> None:
        if tree.property("reveal_pending"):
            return
        tree.setProperty("reveal_pending", True)
        tree.viewport().installEventFilter(cls(tree))

    def __init__(self, tree: QTreeView):
        super().__init__(tree)
        self.tree = tree

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget) \
                and watched.height() > 0 and watched.isVisible():
            tree = self.tree
            watched.removeEventFilter(self)
            tree.setProperty("reveal_pending", False)
            self.deleteLater()
            reveal_row(tree, tree.currentIndex())
        return False


def follow_reader(window: TreeWindow, paragraph_id: str) -> None:
    """The tree follows an open of the reader (MainWindow._on_paragraph_opened):
    the paragraph's row is made current at once when the tree has it
    loaded; its part and meeting are expanded and it is scrolled into view
    (reveal_row) once the opens have paused for FOLLOW_DELAY_MS (issue 17:
    scrolling far in the tree, or expanding a row, repainted it whole,
    ~4.5 ms, at every open; loading the rows of a unit not shown in the
    tree yet read all its paragraphs, ~0.5 ms: the page comes first).
    A tree with the keyboard, or not shown yet, is revealed at once."""
    tree = window.tree_view
    if tree.hasFocus() or not tree.isVisible() or tree.viewport().height() <= 0:
        window.select_in_tree(paragraph_id)
        return
    index = window.tree_model.index_for_paragraph(paragraph_id, load=False)
    if index.isValid():
        _make_current(window, index)
    _Follow.of(tree).later(window, paragraph_id)


def _make_current(window: TreeWindow, index: QModelIndex) -> None:
    """The row current, nothing opened (the reader has it open already) and
    nothing scrolled yet."""
    tree = window.tree_view
    old, scrolls = window._syncing_tree, tree.hasAutoScroll()
    window._syncing_tree = True
    tree.setAutoScroll(False)       # Qt would scroll to a current row at once
    try:
        tree.setCurrentIndex(index)
    finally:
        tree.setAutoScroll(scrolls)
        window._syncing_tree = old


class _Follow(QObject):
    """The tree's pending move to the paragraph the reader opened last."""

    @classmethod
    def of(cls, tree: QTreeView) -> "_Follow":
        follow = tree.findChild(cls, "tree-follow")
        return follow if follow is not None else cls(tree)

    def __init__(self, tree: QTreeView):
        super().__init__(tree)
        self.setObjectName("tree-follow")
        self.tree = tree
        self.window: TreeWindow | None = None
        self.paragraph_id = ""
        #: the tree's current row when the open was followed: a row the user
        #: chose since (the keyboard, a click) is left alone
        self.row = QPersistentModelIndex()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.reveal)

    def later(self, window: TreeWindow, paragraph_id: str) -> None:
        self.window, self.paragraph_id = window, paragraph_id
        self.row = QPersistentModelIndex(self.tree.currentIndex())
        self.timer.start(FOLLOW_DELAY_MS)

    def pending(self) -> bool:
        return self.timer.isActive()

    def reveal(self) -> None:
        """Make the row current (loading it) and scroll to it, unless the tree
        moved on meanwhile (the keyboard there: its own row is in view)."""
        self.timer.stop()
        window = self.window
        if window is None or self.tree.hasFocus() \
                or QPersistentModelIndex(self.tree.currentIndex()) != self.row:
            return
        index = window.tree_model.index_for_paragraph(self.paragraph_id)
        if not index.isValid():
            return
        if self.tree.currentIndex() != index:
            _make_current(window, index)
        reveal_row(self.tree, index)
