"""Wiring of "find agreed language" and "more like this" into the main window.

Only actions are made here (menu, Ctrl+Shift+F, the reader's context menu):
the panels, the similarity search and its index reading are imported and
built the first time a user asks for them (start-up budget).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from desktop.app.finder_panel import FinderPanel, SimilarParagraphsPanel
    from PySide6.QtWidgets import QWidget

    from desktop.app.main_window import MainWindow
    from desktop.app.selection_panel import SelectionPanel

#: a panel docked under the reader
Panel = TypeVar("Panel", "FinderPanel", "SimilarParagraphsPanel")

FINDER_TITLE = "البحث عن صياغة متفق عليها"
SIMILAR_TITLE = "مشابهات"


def install_finder(window: MainWindow, selection: SelectionPanel | None = None) -> None:
    """Add the actions to a MainWindow (desktop.app.main_window); the
    finder's «أضف إلى المختارات» adds to `selection`."""
    action = QAction(FINDER_TITLE + "…", window)
    action.setObjectName("action-find-agreed-language")
    action.setShortcut(QKeySequence("Ctrl+Shift+F"))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda: show_finder(window, selection))
    window.menu("go").addAction(action)
    window.addAction(action)
    window.find_agreed_action = action

    similar = QAction("مشابهات الفقرة الحالية", window)
    similar.setObjectName("action-more-like-this")
    similar.triggered.connect(lambda: show_similar(window, window.reader.current_paragraph_id()))
    window.menu("go").addAction(similar)
    window.more_like_this_action = similar
    window.reader.add_paragraph_action("مشابهات (صياغات مشابهة)",
                                       lambda pid: show_similar(window, pid))


def _docked_below(window: MainWindow, panel: QWidget | None, title: str, kind: type[Panel],
                  make: Callable[[], Panel], height: int | None = None) -> Panel:
    """`panel`, or (None: the first use) a new ``make()`` docked under the
    reader (a tab beside "what links here", the whole width; ``height``
    pixels high if given); shown and raised."""
    if not isinstance(panel, kind):     # None until the first use
        panel = make()
        panel.dock = window.add_panel(panel, title, Qt.DockWidgetArea.BottomDockWidgetArea)
        window.tabifyDockWidget(window.links_dock, panel.dock)
        if height is not None:
            window.resizeDocks([panel.dock], [height], Qt.Orientation.Vertical)
    panel.dock.show()
    panel.dock.raise_()
    return panel


def show_finder(window: MainWindow, selection: SelectionPanel | None = None) -> FinderPanel:
    """Show (building on first use) the «البحث عن صياغة متفق عليها» panel,
    adding to `selection`; returns it."""
    from desktop.app.finder_panel import FinderPanel

    panel = window.finder_panel = _docked_below(
        window, window.finder_panel, FINDER_TITLE, FinderPanel,
        lambda: FinderPanel(window, selection), height=400)
    panel.focus_draft()
    return panel


def show_similar(window: MainWindow, paragraph_id: str | None) -> SimilarParagraphsPanel:
    """Show the «مشابهات» panel under the reader for one paragraph; returns it."""
    from desktop.app.finder_panel import SimilarParagraphsPanel

    panel = window.similar_panel = _docked_below(
        window, window.similar_panel, SIMILAR_TITLE, SimilarParagraphsPanel,
        lambda: SimilarParagraphsPanel(window))
    if paragraph_id:
        panel.show_paragraph(paragraph_id)
    return panel
