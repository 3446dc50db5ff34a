"""Full screen (F11, Esc leaves it) and reading mode (Ctrl+Shift+R): the
reader alone, and the same key brings back exactly the layout there was."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QToolBar

from desktop.app.screen_modes import (LEAVE_READING_TEXT, READING_TEXT, install_screen_modes)
from desktop.app.settings import AppSettings


def _layout(window) -> dict:
    shown = {w.objectName(): not w.isHidden()
             for w in window.findChildren(QDockWidget) + window.findChildren(QToolBar)
             if w.parent() is window}
    shown["navigation"] = not window.navigation.isHidden()
    return {"shown": shown, "splitter": window.splitter.sizes(),
            "docks": {d.objectName(): d.size().toTuple()
                      for d in window.findChildren(QDockWidget) if not d.isHidden()}}


def _all_shortcuts(window) -> list[str]:
    keys = []
    for action in window.findChildren(type(window.quit_action)):
        keys += [s.toString() for s in action.shortcuts()]
    return keys


def test_the_keys_clash_with_nothing(make_window, tiny_db_path):
    window = make_window(tiny_db_path)
    before = _all_shortcuts(window)
    modes = install_screen_modes(window)
    assert modes.full_screen_action.shortcut() == QKeySequence("F11")
    assert modes.reading_action.shortcut() == QKeySequence("Ctrl+Shift+R")
    assert "F11" not in before and "Ctrl+Shift+R" not in before
    view = window.menu("view").actions()
    assert modes.full_screen_action in view and modes.reading_action in view


def test_reading_mode_leaves_the_reader_and_the_same_key_restores_the_layout(
        make_window, tiny_db_path, qtbot):
    window = make_window(tiny_db_path)
    window.add_panel(QLabel("لوحة"), "لوحة")       # a second dock
    modes = install_screen_modes(window)
    window.open_paragraph("A07/13")
    qtbot.wait(20)
    before = _layout(window)
    assert before["shown"]["navigation"] and before["shown"]["main-toolbar"]
    reader_width = window.reader.width()

    qtbot.keyClick(window.reader, Qt.Key.Key_R,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert modes.reading() and modes.reading_action.isChecked()
    during = _layout(window)
    assert not any(during["shown"].values())          # no tabs, docks, toolbars
    assert window.reader.isVisible() and window.menuBar().isVisible()
    qtbot.waitUntil(lambda: window.reader.width() > reader_width)
    assert window.reader.current_paragraph_id() == "A07/13"

    qtbot.keyClick(window.reader, Qt.Key.Key_R,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not modes.reading() and not modes.reading_action.isChecked()
    qtbot.wait(20)
    assert _layout(window) == before


def test_a_dock_hidden_before_stays_hidden_after(make_window, tiny_db_path, qtbot):
    window = make_window(tiny_db_path)
    modes = install_screen_modes(window)
    window.links_dock.hide()
    before = _layout(window)
    modes.reading_action.trigger()
    modes.reading_action.trigger()
    qtbot.wait(20)
    assert _layout(window) == before
    assert window.links_dock.isHidden()


def test_reading_mode_from_the_reader_context_menu(make_window, tiny_db_path):
    window = make_window(tiny_db_path)
    modes = install_screen_modes(window)
    window.open_paragraph("A07/13")
    menu = window.reader.paragraph_menu("A07/13")
    entry = next(a for a in menu.actions() if a.text() == READING_TEXT)
    entry.trigger()
    assert modes.reading()
    menu = window.reader.paragraph_menu("A07/13")
    entry = next(a for a in menu.actions() if a.text() == LEAVE_READING_TEXT)
    entry.trigger()
    assert not modes.reading()


def test_full_screen_toggles_with_f11_and_esc_leaves_it(make_window, tiny_db_path, qtbot):
    window = make_window(tiny_db_path)
    modes = install_screen_modes(window)
    window.open_paragraph("A07/13")
    window.activateWindow()                         # keys go to the active window
    qtbot.waitActive(window)
    window.reader.setFocus()
    qtbot.waitUntil(window.reader.hasFocus)
    qtbot.keyClick(window.reader, Qt.Key.Key_F11)
    assert window.isFullScreen() and modes.full_screen_action.isChecked()
    qtbot.keyClick(window.reader, Qt.Key.Key_F11)
    assert not window.isFullScreen() and not modes.full_screen_action.isChecked()
    modes.full_screen_action.trigger()
    assert window.isFullScreen()
    qtbot.keyClick(window.reader, Qt.Key.Key_Escape)
    assert not window.isFullScreen() and not modes.full_screen_action.isChecked()


def test_closing_in_reading_mode_saves_the_ordinary_layout(make_window, tiny_db_path,
                                                           settings_path, qtbot):
    window = make_window(tiny_db_path)
    modes = install_screen_modes(window)
    modes.reading_action.trigger()
    modes.full_screen_action.trigger()
    window.close()
    # the next start has its panels and toolbar, and is not full screen
    again = make_window(tiny_db_path, settings=AppSettings(settings_path))
    install_screen_modes(again)
    assert not again.navigation.isHidden()
    assert not again.links_dock.isHidden()
    assert not again.toolbar.isHidden()
    assert not again.isFullScreen()


def test_the_text_at_the_top_stays_there(make_window, content_db_path, qtbot):
    window = make_window(content_db_path)
    window.resize(1280, 800)
    modes = install_screen_modes(window)
    window.open_paragraph("A07/13")
    qtbot.wait(30)
    reader = window.reader
    bar = reader.verticalScrollBar()
    bar.setValue(bar.value() + 300)                  # the reader reads on

    def top_block() -> int:
        return reader.cursorForPosition(QPoint(reader.viewport().width() - 4, 4)).blockNumber()

    before = top_block()
    for _ in range(2):                               # into reading mode and back
        width = reader.width()
        modes.reading_action.trigger()
        qtbot.waitUntil(lambda: reader.width() != width)
        qtbot.waitUntil(lambda: top_block() == before)
        qtbot.wait(600)                              # and it stays
        assert top_block() == before
