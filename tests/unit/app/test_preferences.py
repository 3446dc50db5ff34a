"""Preferences: the dialog's user paths (live, OK, Cancel, Reset), a restart
reading them back, and the zoom reaching the tree, the tabs and the panels.
(The stored values checked: test_preferences_values.py.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QKeySequence, QPalette, QTextBlockFormat, QWheelEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

from desktop.app.application import READER_FAMILY, UI_FAMILY, UI_POINT_SIZE
from desktop.app.main_window import MainWindow
from desktop.app.page_themes import THEMES, theme_colour
from desktop.app.preferences import install_preferences
from desktop.app.preferences_values import DEFAULTS, KEYS, Preferences, from_stored, to_stored
from desktop.app.settings import AppSettings
from desktop.content.render import HIGHLIGHT_COLOUR
from desktop.content.store import open_store
from tests.helpers.reader_qt import block_background, paragraph_block


# ---- the window ------------------------------------------------------------------------

@pytest.fixture
def window_with_prefs(app, qtbot, tiny_db_path, settings_path):
    """make(settings_path=…) -> a shown MainWindow with preferences installed."""
    made = []

    def make(path=settings_path):
        window = MainWindow(open_store(tiny_db_path), AppSettings(path))
        install_preferences(window)
        qtbot.addWidget(window)
        window.open_start("A07/13")
        window.show()
        qtbot.waitExposed(window)
        made.append(window)
        return window

    yield make
    for window in made:
        if window.isVisible():
            window.close()


def _dialog(window, qtbot):
    action = window.preferences_action
    assert action in window.menu("file").actions()
    assert action.shortcut() == QKeySequence("Ctrl+,")
    assert action.text() == "التفضيلات…"
    action.trigger()
    dialog = window.preferences_dialog
    qtbot.waitExposed(dialog)
    return dialog


def _base(reader) -> str:
    return reader.palette().color(QPalette.ColorRole.Base).name()


def test_dialog_is_arabic_and_right_to_left(window_with_prefs, qtbot):
    window = window_with_prefs()
    dialog = _dialog(window, qtbot)
    assert dialog.windowTitle() == "التفضيلات"
    assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("خط القراءة" in t for t in texts) and any("تباعد" in t for t in texts)
    buttons = dialog.buttons
    assert buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "موافق"
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "إلغاء"
    assert dialog.reset_button.text() == "استعادة الافتراضي"
    # every label and button has its whole text's room
    for widget in dialog.findChildren(QLabel) + buttons.buttons():
        if widget.isVisible():
            assert widget.width() >= widget.minimumSizeHint().width(), widget.text()
    assert dialog.family_box.findData(READER_FAMILY) >= 0
    dialog.reject()


def test_theme_applies_live_and_ok_keeps_it_across_a_restart(window_with_prefs, qtbot,
                                                             settings_path):
    window = window_with_prefs()
    reader = window.reader
    window.open_paragraph("B6-r4/1")                   # another unit seen (and cached) before
    window.open_paragraph("A07/13")
    assert block_background(reader, "A07/13") == HIGHLIGHT_COLOUR
    dialog = _dialog(window, qtbot)
    dialog.theme_buttons["dark"].click()
    # live: the page's colours, its current paragraph's tint, the links
    dark = THEMES["dark"]
    assert _base(reader) == dark.background
    assert reader.palette().color(QPalette.ColorRole.Text).name() == dark.text
    assert block_background(reader, "A07/13") == theme_colour(dark, HIGHLIGHT_COLOUR, True)
    assert "a { color: %s; }" % dark.link in reader.document().defaultStyleSheet()
    assert reader.current_paragraph_id() == "A07/13"
    window.open_paragraph("B6-r4/1")                   # the other unit comes in the new colours
    assert block_background(reader, "B6-r4/1") == theme_colour(dark, HIGHLIGHT_COLOUR, True)
    window.open_paragraph("A07/13")
    dialog.size_box.setValue(20)
    dialog.spacing_box.setValue(150)
    assert reader.zoom() == 20
    assert reader.document().defaultFont().pointSize() == 20
    block = paragraph_block(reader, "A07/13").blockFormat()
    assert block.lineHeightType() == QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
    assert block.lineHeight() == 150
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()
    window.close()

    # a restart: a new window reading the same settings file
    again = window_with_prefs(settings_path)
    assert again.preferences.prefs == Preferences(size=20, line_spacing=150, theme="dark")
    assert _base(again.reader) == dark.background
    assert again.reader.zoom() == 20
    assert block_background(again.reader, "A07/13") == theme_colour(dark, HIGHLIGHT_COLOUR, True)


def test_cancel_puts_back_what_was_there_and_stores_nothing(window_with_prefs, qtbot,
                                                            settings_path):
    window = window_with_prefs()
    reader = window.reader
    before = _base(reader), reader.zoom(), reader.document().defaultFont().family()
    dialog = _dialog(window, qtbot)
    dialog.theme_buttons["sepia"].click()
    dialog.size_box.setValue(24)
    at = dialog.family_box.findData(UI_FAMILY)
    dialog.family_box.setCurrentIndex(at)
    assert reader.document().defaultFont().family() == UI_FAMILY
    assert _base(reader) == THEMES["sepia"].background
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)      # as «إلغاء»
    assert not dialog.isVisible()
    assert (_base(reader), reader.zoom(), reader.document().defaultFont().family()) == before
    assert window.preferences.prefs == DEFAULTS
    assert AppSettings(settings_path).preference_values(KEYS.values()) == {}


def test_reset_fills_in_the_defaults(window_with_prefs, qtbot, settings_path):
    settings = AppSettings(settings_path)
    settings.set_preference_values(to_stored(Preferences(size=22, theme="sepia", zoom=150)))
    window = window_with_prefs()
    assert window.reader.zoom() == 33                 # 22 at 150 %
    dialog = _dialog(window, qtbot)
    assert dialog.theme_buttons["sepia"].isChecked() and dialog.size_box.value() == 22
    dialog.reset_button.click()
    assert dialog.values() == DEFAULTS
    assert window.reader.zoom() == DEFAULTS.size      # applied at once
    assert _base(window.reader) == THEMES["light"].background
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert from_stored(AppSettings(settings_path).preference_values(KEYS.values())) == DEFAULTS


def test_bad_stored_values_start_with_the_defaults(window_with_prefs, settings_path):
    settings = AppSettings(settings_path)
    settings.set_preference_values({"reading/size": "abc", "reading/theme": 7,
                                    "reading/family": "No Such Font Anywhere",
                                    "reading/line_spacing": "-1", "view/zoom": "9999"})
    window = window_with_prefs()
    assert window.preferences.prefs == DEFAULTS
    assert window.reader.zoom() == DEFAULTS.size
    assert window.reader.document().defaultFont().family() == READER_FAMILY
    assert window.reader.current_paragraph_id() == "A07/13"


def test_zoom_reaches_the_tree_the_tabs_and_the_panels(window_with_prefs, settings_path, qtbot):
    window = window_with_prefs()
    tree_size = window.tree_view.font().pointSizeF()
    window.zoom_in_action.trigger()
    window.zoom_in_action.trigger()
    assert window.preferences.prefs.zoom == 120
    assert window.reader.zoom() == 18                 # 15 at 120 %
    expected = UI_POINT_SIZE * 1.2
    for widget in (window.tree_view, window.index_panel.view, window.navigation.tabBar(),
                   window.links_panel.list):
        assert widget.font().pointSizeF() == pytest.approx(expected), widget
    assert tree_size == pytest.approx(UI_POINT_SIZE)
    # a panel added later is zoomed too
    late = QLabel("لوحة لاحقة")
    window.add_panel(late, "لاحقة")
    qtbot.waitUntil(lambda: late.font().pointSizeF() == pytest.approx(expected))
    # remembered at once
    stored = AppSettings(settings_path).preference_values(KEYS.values())
    assert from_stored(stored).zoom == 120
    window.zoom_reset_action.trigger()
    assert window.preferences.prefs.zoom == 100
    assert window.tree_view.font().pointSizeF() == pytest.approx(UI_POINT_SIZE)
    assert window.reader.zoom() == 15


def test_ctrl_wheel_steps_the_window_zoom(window_with_prefs):
    window = window_with_prefs()
    event = QWheelEvent(QPointF(20, 20), QPointF(20, 20), QPoint(0, 0), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(window.reader.viewport(), event)
    assert window.preferences.prefs.zoom == 90
    assert window.reader.zoom() == round(15 * 0.9)
    assert window.tree_view.font().pointSizeF() == pytest.approx(UI_POINT_SIZE * 0.9)


def test_the_side_reader_gets_the_style(window_with_prefs):
    from desktop.app.side_reader import open_beside
    window = window_with_prefs()
    window.preferences.apply(Preferences(theme="dark", size=18))
    assert open_beside(window, "A07/12")
    side = window.side_reader.reader
    assert _base(side) == THEMES["dark"].background
    assert side.zoom() == 18


def test_headless_windows_store_nothing(app, qtbot, tiny_db_path, settings_path):
    window = MainWindow(open_store(tiny_db_path), AppSettings(settings_path), remember=False)
    qtbot.addWidget(window)
    install_preferences(window)
    window.zoom_in_action.trigger()
    assert window.preferences.prefs.zoom == 110
    assert AppSettings(settings_path).preference_values(KEYS.values()) == {}
    window.close()
