"""A main window with the user's data (bookmarks, notes, selection) and the
keyboard, for the widget tests of desktop.app.personal and its panels."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop.app.notes_panel import NoteDialog
from desktop.app.personal import install_personal
from desktop.app.selection import install_selection

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def personal_window(make_window, db_path, user_data, qtbot):
    """A shown, active window on `db_path` with the user's data in `user_data`."""
    win = make_window(db_path)
    install_selection(win, user_data)
    install_personal(win, win.selection_panel)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return win


def press(qtbot, widget, key, modifiers):
    widget.window().activateWindow()  # a closed dialog may have taken activation
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window())
    widget.setFocus()
    qtbot.keyClick(widget, key, modifiers)


def answer_note(qtbot, text: str):
    """Fill and save the note dialog as soon as it is up."""
    def fill():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, NoteDialog):
            QTimer.singleShot(20, fill)
            return
        dialog.editor.setPlainText(text)
        dialog.accept()
    QTimer.singleShot(0, fill)
