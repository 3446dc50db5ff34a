"""History as a list: the Back and Forward toolbar buttons drop down the
paragraphs visited (with their citations), and Go > «السجل» lists them all,
so every place is reachable from the keyboard as well.

The menus are filled when they open, from the reader's NavigationHistory;
choosing an entry jumps there without adding to the history.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton
from desktop.content.citations import RLM

if TYPE_CHECKING:
    from desktop.app.main_window import MainWindow

MAX_ENTRIES = 20


def _label(window: MainWindow, paragraph_id: str) -> str:
    para = window.store.paragraph(paragraph_id)
    if para is None:
        return paragraph_id
    cite = para.citation or para.id
    text = " ".join((para.text or "").split())
    return f"{RLM}{cite} — {text[:40]}{'…' if len(text) > 40 else ''}"


def fill_back(window: MainWindow, menu: QMenu) -> None:
    """Entries before the current one, most recent first."""
    history = window.reader.history
    entries, pos = history.entries(), history.position()
    menu.clear()
    for index in range(pos - 1, max(-1, pos - 1 - MAX_ENTRIES), -1):
        _add(window, menu, index, entries[index])


def fill_forward(window: MainWindow, menu: QMenu) -> None:
    history = window.reader.history
    entries, pos = history.entries(), history.position()
    menu.clear()
    for index in range(pos + 1, min(len(entries), pos + 1 + MAX_ENTRIES)):
        _add(window, menu, index, entries[index])


def fill_all(window: MainWindow, menu: QMenu) -> None:
    """The whole history, newest first, the current entry checked."""
    history = window.reader.history
    entries, pos = history.entries(), history.position()
    menu.clear()
    if not entries:
        menu.addAction("لا شيء بعد").setEnabled(False)
    for index in range(len(entries) - 1, -1, -1):
        action = _add(window, menu, index, entries[index])
        action.setCheckable(True)
        action.setChecked(index == pos)


def _add(window: MainWindow, menu: QMenu, index: int, paragraph_id: str) -> QAction:
    action = menu.addAction(_label(window, paragraph_id))
    action.setData(index)
    action.triggered.connect(lambda _=False, i=index: window.reader.go_to_history(i))
    return action


def install_history_menus(window: MainWindow) -> None:
    back_menu = QMenu(window)
    back_menu.setObjectName("history-back-menu")
    back_menu.aboutToShow.connect(lambda: fill_back(window, back_menu))
    forward_menu = QMenu(window)
    forward_menu.setObjectName("history-forward-menu")
    forward_menu.aboutToShow.connect(lambda: fill_forward(window, forward_menu))
    for action, menu in ((window.back_action, back_menu), (window.forward_action, forward_menu)):
        menu.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        button = window.toolbar.widgetForAction(action)
        if isinstance(button, QToolButton):
            button.setMenu(menu)
            # click goes back/forward; the arrow (or a long press) drops down the list
            button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
    all_menu = window.menu("go").addMenu("السجل")
    all_menu.setObjectName("history-menu")
    all_menu.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    all_menu.aboutToShow.connect(lambda: fill_all(window, all_menu))
    window.history_back_menu, window.history_forward_menu = back_menu, forward_menu
    window.history_menu = all_menu
