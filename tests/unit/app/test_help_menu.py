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
