"""Wiring of "find agreed language" and "more like this" into the main window.

Only actions are made here (menu, Ctrl+Shift+F, the reader's context menu):
the panels, the similarity search and its index reading are imported and
built the first time a user asks for them (start-up budget).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

FINDER_TITLE = "البحث عن صياغة متفق عليها"
SIMILAR_TITLE = "مشابهات"


def install_finder(window) -> None:
    """Add the actions to a MainWindow (desktop.app.main_window)."""
    action = QAction(FINDER_TITLE + "…", window)
    action.setObjectName("action-find-agreed-language")
    action.setShortcut(QKeySequence("Ctrl+Shift+F"))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda: show_finder(window))
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


def show_finder(window):
    """Show (building on first use) the «البحث عن صياغة متفق عليها» panel; returns it."""
    panel = getattr(window, "finder_panel", None)
    if panel is None:
        from desktop.app.finder_panel import FinderPanel

        panel = FinderPanel(window)
        window.finder_panel = panel
        panel.dock = window.add_panel(panel, FINDER_TITLE, Qt.DockWidgetArea.BottomDockWidgetArea)
        links = getattr(window, "links_dock", None)
        if links is not None:  # a tab beside "what links here": the whole width
            window.tabifyDockWidget(links, panel.dock)
        window.resizeDocks([panel.dock], [400], Qt.Orientation.Vertical)
    panel.dock.show()
    panel.dock.raise_()
    panel.focus_draft()
    return panel


def show_similar(window, paragraph_id: str | None):
    """Show the «مشابهات» panel under the reader for one paragraph; returns it."""
    panel = getattr(window, "similar_panel", None)
    if panel is None:
        from desktop.app.finder_panel import SimilarParagraphsPanel

        panel = SimilarParagraphsPanel(window)
        window.similar_panel = panel
        panel.dock = window.add_panel(panel, SIMILAR_TITLE, Qt.DockWidgetArea.BottomDockWidgetArea)
        links = getattr(window, "links_dock", None)
        if links is not None:
            window.tabifyDockWidget(links, panel.dock)
    panel.dock.show()
    panel.dock.raise_()
    if paragraph_id:
        panel.show_paragraph(paragraph_id)
    return panel
