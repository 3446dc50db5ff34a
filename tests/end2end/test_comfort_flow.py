"""The comforts of a long sitting in the whole app (build_main_window, as the
interactive start composes it): preferences chosen in the dialog survive a
restart, the zoom keys reach the panels, reading mode and full screen come
and go by their keys, «طيّ الكل» from the View menu."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialogButtonBox

from desktop.__main__ import build_main_window
from desktop.app.application import UI_POINT_SIZE, create_application
from desktop.app.page_themes import THEMES
from desktop.app.settings import AppSettings
from desktop.content.store import open_store


def _window(qtbot, db_path, settings_path):
    window = build_main_window(open_store(db_path), AppSettings(settings_path),
                               user_data=":memory:")
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.open_start("A07/13")
    window.show()
    qtbot.waitExposed(window)
    return window


def _action(window, menu: str, name: str):
    found = [a for a in window.menu(menu).actions() if a.objectName() == name]
    assert found, name
    return found[0]


def test_a_sitting_with_preferences_reading_mode_and_a_restart(qapp, qtbot, content_db_path,
                                                               tmp_path):
    create_application()
    settings_path = tmp_path / "settings.ini"
    window = _window(qtbot, content_db_path, settings_path)

    # File › التفضيلات…: a sepia page, a larger size, more room between lines
    _action(window, "file", "action-preferences").trigger()
    dialog = window.preferences_dialog
    qtbot.waitExposed(dialog)
    dialog.theme_buttons["sepia"].click()
    dialog.size_box.setValue(18)
    dialog.spacing_box.setValue(140)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    # View › تكبير twice: the tree with the reader
    window.zoom_in_action.trigger()
    window.zoom_in_action.trigger()
    assert window.tree_view.font().pointSizeF() == pytest.approx(UI_POINT_SIZE * 1.2)

    # reading mode and back, full screen and out
    reading = _action(window, "view", "action-reading-mode")
    reading.trigger()
    assert window.navigation.isHidden() and window.toolbar.isHidden()
    reading.trigger()
    assert not window.navigation.isHidden() and not window.toolbar.isHidden()
    _action(window, "view", "action-full-screen").trigger()
    assert window.isFullScreen()
    _action(window, "view", "action-collapse-tree").trigger()
    assert not window.tree_view.isExpanded(window.tree_view.currentIndex())
    window.close()

    # the next sitting
    again = _window(qtbot, content_db_path, settings_path)
    reader = again.reader
    assert reader.palette().color(QPalette.ColorRole.Base).name() == THEMES["sepia"].background
    assert reader.zoom() == round(18 * 1.2)
    assert again.tree_view.font().pointSizeF() == pytest.approx(UI_POINT_SIZE * 1.2)
    assert not again.isFullScreen() and not again.navigation.isHidden()
    assert reader.current_paragraph_id() == "A07/13"
    again.remember = False
    again.close()
