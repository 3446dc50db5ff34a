"""Help › «حول البرنامج»: the action only.

The About dialog (desktop.app.about: QDialog, QTreeWidget and the facts it
reads) is imported the first time the action is used, never before the
first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from desktop.app.application import app_icon

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu, QWidget

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
