"""The preferences dialog's own module: its fields show the values given
and give them back; a family not on the list is added, not lost; «موافق»
keeps, «إلغاء» puts back. (The user paths through the File menu, a restart
and the zoom: tests/unit/app/test_preferences.py.)"""

from __future__ import annotations

from desktop.app.main_window import MainWindow
from desktop.app.preferences import install_preferences, open_preferences
from desktop.app.preferences_dialog import PreferencesDialog
from desktop.app.preferences_values import DEFAULTS, Preferences
from desktop.app.settings import AppSettings
from desktop.content.store import open_store


def _window(qtbot, tiny_db_path, settings_path) -> MainWindow:
    window = MainWindow(open_store(tiny_db_path), AppSettings(settings_path))
    install_preferences(window)
    qtbot.addWidget(window)
    window.open_start("A07/13")
    return window


def test_the_fields_give_back_the_values_they_were_set_to(app, qtbot, tiny_db_path,
                                                          settings_path):
    window = _window(qtbot, tiny_db_path, settings_path)
    dialog = open_preferences(window)
    assert isinstance(dialog, PreferencesDialog) and window.preferences_dialog is dialog
    assert dialog.values() == DEFAULTS
    wanted = Preferences(family="Not A Real Family", size=20, line_spacing=150, theme="dark",
                         zoom=120)
    dialog.set_values(wanted)
    assert dialog.values() == wanted
    assert dialog.family_box.findData("Not A Real Family") >= 0
    assert window.preferences.prefs == wanted  # applied while open
    dialog.reject()
    assert window.preferences.prefs == DEFAULTS


def test_ok_keeps_what_the_fields_say(app, qtbot, tiny_db_path, settings_path):
    window = _window(qtbot, tiny_db_path, settings_path)
    dialog = open_preferences(window)
    dialog.theme_buttons["sepia"].setChecked(True)
    dialog.accept()
    assert window.preferences.prefs == Preferences(theme="sepia")
