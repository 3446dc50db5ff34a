"""The window from the keyboard: menus in the usual order (ملف first,
مساعدة last) whatever order the features install them in; F10 and Alt reach
the menu bar; every action is in a menu or has a shortcut, and no two
window-wide shortcuts collide; Tab into the reader keeps the paragraph and
Tab from there goes to the next link after it, not to the top of the unit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from desktop.__main__ import build_main_window
from desktop.app.settings import AppSettings
from desktop.content.store import open_store


@pytest.fixture
def window(app, qtbot, content_db_path, tmp_path):
    win = build_main_window(open_store(content_db_path), AppSettings(tmp_path / "s.ini"),
                            remember=False, user_data=":memory:")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    win.open_start("A07/13")
    yield win
    win.search_panel.shutdown()
    win.close()


def _titles(window) -> list[str]:
    return [a.text().replace("&", "") for a in window.menuBar().actions()]


def test_menus_come_in_the_usual_order_whatever_installs_them_first(window):
    titles = _titles(window)
    assert titles[0] == "ملف" and titles[-1] == "مساعدة"
    assert titles.index("عرض") < titles.index("انتقال") < titles.index("العلامات والملاحظات")
    # a menu made late by a feature still lands at its place, not after Help
    window.menu("tools", "أدوات")
    window.menu("edit", "تحرير")
    window.menu("unnamed-feature", "ميزة")
    titles = _titles(window)
    assert titles[:2] == ["ملف", "تحرير"]
    assert titles[-3:] == ["أدوات", "ميزة", "مساعدة"]
    assert titles.index("العلامات والملاحظات") < titles.index("أدوات")
    assert window.menu("tools") is window.menu("tools")  # made once


def test_f10_opens_the_file_menu_and_alt_highlights_the_menu_bar(window, qtbot):
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.menu("file"))
    # the arrows go on to the next menu: everything in the bar, without the mouse
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not window.menu("file"))
    assert isinstance(QApplication.activePopupWidget(), QMenu)
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_Escape)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    window.reader.setFocus()
    qtbot.keyPress(window.reader, Qt.Key.Key_Alt)
    qtbot.keyRelease(window.reader, Qt.Key.Key_Alt, Qt.KeyboardModifier.AltModifier)
    assert window.menuBar().activeAction() is window.menu("file").menuAction()


def _menu_actions(menu: QMenu) -> list[QAction]:
    found = []
    for action in menu.actions():
        found.append(action)
        if action.menu() is not None:
            found += _menu_actions(action.menu())
    return found


def test_every_action_is_in_a_menu_or_has_a_shortcut(window):
    in_menus: set[int] = set()
    for top in window.menuBar().actions():
        in_menus.add(id(top))
        in_menus.update(id(a) for a in _menu_actions(top.menu()))
    actions = {id(a): a for a in window.findChildren(QAction) + window.actions()}
    checked, unreachable = 0, []
    for action in actions.values():
        if action.isSeparator() or not action.text() or action.menu() is not None:
            continue
        if action.parent() is not None and isinstance(action.parent(), QMenu) \
                and id(action) not in in_menus:
            continue  # a context menu's own entry (reached with the Menu key)
        checked += 1
        if id(action) not in in_menus and not action.shortcuts():
            unreachable.append(action.text())
    assert checked > 30  # the walk sees the app's actions
    assert unreachable == []
    # every menu-bar menu has entries, and the bar itself is a key away
    assert all(top.menu().actions() for top in window.menuBar().actions())
    assert window.menu_bar_action.shortcut() == QKeySequence(Qt.Key.Key_F10)


def test_no_two_window_wide_shortcuts_collide(window):
    owner: dict[str, str] = {}
    clashes = []
    for action in {id(a): a for a in window.findChildren(QAction) + window.actions()}.values():
        if action.shortcutContext() not in (Qt.ShortcutContext.WindowShortcut,
                                            Qt.ShortcutContext.ApplicationShortcut):
            continue
        if isinstance(action.parent(), QMenu) and action.parent().parent() is not window \
                and not action.associatedObjects():
            continue
        for key in action.shortcuts():
            text = key.toString()
            if text in owner and owner[text] != action.text():
                clashes.append((text, owner[text], action.text()))
            owner[text] = action.text()
    assert len(owner) > 15
    assert clashes == []


def _paragraph_between_links(window):
    """A paragraph of the real compendium with links before it and after it
    in its unit (so "from the top" and "from here" differ)."""
    reader, store = window.reader, window.store
    units = [store.unit_of("A07/13"), *store.sample_units().values()]
    for unit in units:
        for para in store.unit_paragraphs(unit.id)[1:]:
            reader.open_paragraph(para.id)
            here = reader.textCursor().position()
            spans = reader.link_spans()
            if any(s.end <= here for s in spans) and any(s.start >= here for s in spans):
                return para.id, here, spans
    raise AssertionError("no paragraph with links on both sides")


def test_tab_into_the_reader_keeps_the_paragraph_and_goes_on_from_it(window, qtbot):
    pid, here, spans = _paragraph_between_links(window)
    reader = window.reader
    top = reader.verticalScrollBar().value()
    # Tab from the last stop of the window (the last dock's list) comes round to the reader
    window.links_panel.list.setFocus()
    qtbot.keyClick(window.links_panel.list, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is reader)
    assert reader.current_paragraph_id() == pid
    assert reader.verticalScrollBar().value() == top
    assert reader.textCursor().position() == here
    # the next Tab selects the first link AFTER the caret, not the unit's first link
    qtbot.keyClick(reader, Qt.Key.Key_Tab)
    cursor = reader.textCursor()
    first_after = next(s for s in spans if s.start >= here)
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (first_after.start, first_after.end)
    assert cursor.selectionStart() != spans[0].start
    assert reader.current_paragraph_id() == pid
    # Shift+Tab from the caret goes to the link before it
    reader.open_paragraph(pid)
    qtbot.keyClick(reader, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    cursor = reader.textCursor()
    last_before = [s for s in spans if s.end <= here][-1]
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (last_before.start, last_before.end)


def test_alt_and_a_menu_letter_still_open_it_though_no_underline_is_drawn(window, qtbot):
    """The «&» of «&ملف» is kept (Alt+م with an Arabic keyboard), only its
    underline is gone (desktop.app.style)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    title = window.menu("file").title()
    letter = title[title.index("&") + 1]
    window.reader.setFocus()
    for kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
        QApplication.sendEvent(window.reader, QKeyEvent(
            kind, ord(letter), Qt.KeyboardModifier.AltModifier, letter))
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.menu("file"))
    QApplication.activePopupWidget().close()
