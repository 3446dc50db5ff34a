"""desktop.app.help_menu: the Help menu's «دليل الاستخدام» (F1) and «ما الجديد»,
placed before «حول»; F1 on an open handbook keeps the page being read."""

from __future__ import annotations

import desktop
from desktop import handbook
from desktop.app.help_menu import install_help


def test_whats_new_opens_from_the_help_menu(make_window, tiny_db_path, qtbot):
    window = make_window(tiny_db_path)
    install_help(window)
    assert window.whats_new_action in window.menu("help").actions()
    window.whats_new_action.trigger()
    viewer = window.handbook
    qtbot.addWidget(viewer)
    assert viewer.isVisible() and viewer.browser.page_name() == handbook.WHATS_NEW
    assert desktop.__version__ in viewer.browser.toPlainText()
    assert "ما الجديد" in viewer.windowTitle()


def test_the_handbook_comes_before_about_and_is_made_on_first_use(make_window, tiny_db_path,
                                                                   qtbot):
    from desktop.app.about_action import add_about_action

    window = make_window(tiny_db_path)
    window.about_action = add_about_action(window, window.store, window.menu("help"))
    install_help(window)
    actions = [a for a in window.menu("help").actions()]
    assert actions.index(window.handbook_action) < actions.index(window.whats_new_action) \
        < actions.index(window.about_action)
    assert actions[actions.index(window.about_action) - 1].isSeparator()
    assert window.handbook_action.shortcut().toString() == "F1"
    assert window.handbook_action in window.actions()  # F1 works without opening the menu
    assert window.handbook is None  # nothing of the viewer before it is asked for


def test_f1_again_keeps_the_page_and_after_closing_starts_at_the_contents(
        make_window, tiny_db_path, qtbot):
    window = make_window(tiny_db_path)
    install_help(window)
    window.handbook_action.trigger()
    viewer = window.handbook
    qtbot.addWidget(viewer)
    other = handbook.pages()[2].name
    viewer.open_page(other)
    window.handbook_action.trigger()  # open: brought forward where the user reads
    assert window.handbook is viewer and viewer.browser.page_name() == other
    assert viewer.isVisible()
    viewer.close()
    window.handbook_action.trigger()  # closed: starts again at the contents
    assert window.handbook is viewer and viewer.isVisible()
    assert viewer.browser.page_name() == handbook.CONTENTS
    window.whats_new_action.trigger()  # «ما الجديد» always shows its page
    assert viewer.browser.page_name() == handbook.WHATS_NEW
