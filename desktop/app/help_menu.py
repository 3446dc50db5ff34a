"""Help › «دليل الاستخدام» (F1) and «ما الجديد»: actions only.

The handbook's viewer, and Markdown with it, are imported when one of these
is first used (never before the first paint). One viewer per main window,
kept as ``window.handbook`` once made.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from desktop.app.handbook_viewer import HandbookWindow
    from desktop.app.main_window import MainWindow


def install_help(window: MainWindow) -> None:
    menu = window.menu("help")
    handbook_action = QAction("&دليل الاستخدام", window)
    handbook_action.setObjectName("action-handbook")
    handbook_action.setShortcut(QKeySequence("F1"))
    handbook_action.setStatusTip("دليل مصوَّر لاستعمال البرنامج")
    handbook_action.triggered.connect(lambda: show_handbook(window))
    news_action = QAction("ما ال&جديد", window)
    news_action.setObjectName("action-whats-new")
    news_action.triggered.connect(lambda: show_handbook(window, whats_new=True))
    window.addAction(handbook_action)
    before = window.about_action
    if before in menu.actions():
        menu.insertActions(before, [handbook_action, news_action])
        menu.insertSeparator(before)
    else:
        menu.addActions([handbook_action, news_action])
    window.handbook_action = handbook_action
    window.whats_new_action = news_action
    window.handbook = None


def show_handbook(window: MainWindow, *, whats_new: bool = False) -> HandbookWindow:
    """Show the handbook at its contents (F1) or at «ما الجديد»; F1 while it
    is open brings it forward at the page the user is reading."""
    from desktop.app.handbook_viewer import HandbookWindow
    from desktop.handbook import WHATS_NEW

    viewer = window.handbook
    first = viewer is None
    if viewer is None:
        viewer = window.handbook = HandbookWindow(window)
    if whats_new:
        viewer.open_page(WHATS_NEW)
    elif first or not viewer.isVisible():  # closed: start again at the contents
        viewer.go_contents()
    viewer.show()
    viewer.raise_()
    viewer.activateWindow()
    viewer.browser.setFocus()  # arrows and Tab work in the page at once
    return viewer
