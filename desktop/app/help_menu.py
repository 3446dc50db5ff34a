"""Help › «دليل الاستخدام» (F1), «ما الجديد» and «حول البرنامج»: actions only.

The handbook's viewer, and Markdown with it, and the About dialog
(desktop.app.about) are imported when one of these is first used (never
before the first paint). One viewer per main window, kept as
``window.handbook`` once made.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from desktop.app.application import app_icon

if TYPE_CHECKING:
    from desktop.app.handbook_viewer import HandbookWindow
    from desktop.app.main_window import MainWindow
    from desktop.content.store import ContentStore


def add_about_action(window: QWidget, store: ContentStore, help_menu: QMenu) -> QAction:
    """«حول البرنامج» (the dialog about ``store``'s edition, over ``window``),
    put in the main window's Help menu; the window keeps it as ``about_action``."""
    action = QAction("&حول البرنامج…", window)
    action.setMenuRole(QAction.MenuRole.AboutRole)
    action.setIcon(app_icon())

    def show_about() -> None:
        from desktop.app.about import AboutDialog

        dialog = AboutDialog(store, window)
        dialog.exec()

    action.triggered.connect(show_about)
    help_menu.addAction(action)
    return action


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
    before = getattr(window, "about_action", None)
    if before is not None and before in menu.actions():
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
