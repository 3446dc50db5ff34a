"""The main window's own actions, toolbar and status bar (desktop.app.window_actions)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence


def test_the_window_s_actions_have_their_shortcuts_menus_and_toolbar(make_window, tiny_db_path):
    window = make_window(tiny_db_path)
    shortcuts = {action: action.shortcuts() for action in (
        window.back_action, window.forward_action, window.zoom_in_action,
        window.zoom_out_action, window.zoom_reset_action, window.menu_bar_action)}
    assert QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Left) in shortcuts[window.back_action]
    assert QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Right) in shortcuts[window.forward_action]
    assert QKeySequence("Ctrl++") in shortcuts[window.zoom_in_action]
    assert shortcuts[window.menu_bar_action] == [QKeySequence(Qt.Key.Key_F10)]
    # window-wide: they work wherever the focus is
    assert all(action in window.actions() for action in shortcuts)
    assert window.toolbar.actions()[:2] == [window.back_action, window.forward_action]
    assert window.back_action in window.menu("go").actions()
    assert window.quit_action in window.menu("file").actions()
    assert window.about_action in window.menu("help").actions()


def test_history_actions_follow_the_reader(make_window, tiny_db_path):
    window = make_window(tiny_db_path)
    window.open_paragraph("A07/12")
    window.open_paragraph("B6-r4/1")
    assert window.back_action.isEnabled() and not window.forward_action.isEnabled()
    window.back_action.trigger()
    assert window.reader.current_paragraph_id() == "A07/12"
    assert window.forward_action.isEnabled()


def test_the_status_bar_shows_the_citation_as_plain_text(make_window, tiny_db_path):
    window = make_window(tiny_db_path)
    window.open_paragraph("A07/12")
    assert window.citation_label.textFormat() == Qt.TextFormat.PlainText
    assert window.official_label.textFormat() == Qt.TextFormat.PlainText
    cite = window.store.citation(window.store.paragraph("A07/12"))
    assert window.citation_label.text().endswith(cite.short)
