"""Preferences «التفضيلات…» (File menu, Ctrl+,): the reading font and its
size, line spacing, the page's colours (light, dark, sepia), and a zoom that
reaches the contents tree, the index and search tabs and the side panels as
well as the reader (View > تكبير/تصغير, Ctrl++ / Ctrl+- / Ctrl+0, Ctrl+wheel).

Changes apply at once while the dialog is open; «موافق» keeps them,
«إلغاء» (or Esc) puts back what was there, «استعادة الافتراضي» fills in the
defaults. They are remembered in the app's settings (AppSettings, under
``reading/`` and ``view/zoom``); a stored value that is not valid (edited
by hand, from another version) is replaced by its default, never an error.

Here: applying them to the window, remembering them, the zoom, the action.
The values (no widgets): desktop.app.preferences_values; the dialog:
desktop.app.preferences_dialog, loaded when first opened.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

from desktop.app.preferences_values import (ACTION_TEXT, DEFAULTS, KEYS, LEGACY_SIZE_KEY,
                                            SHORTCUT, Preferences, family_available,
                                            from_stored, reading_style, to_stored, zoom_step)

if TYPE_CHECKING:
    from desktop.app.main_window import MainWindow
    from desktop.app.preferences_dialog import PreferencesDialog

#: after applying, how long a resize of the reader keeps the paragraph in view
SETTLE_MS = 400

class PreferencesController(QObject):
    """Applies preferences to a main window and remembers them."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        raw = window.settings.preference_values(list(KEYS.values()) + [LEGACY_SIZE_KEY])
        prefs = from_stored(raw)
        if not family_available(prefs.family):
            prefs = replace(prefs, family=DEFAULTS.family)
        self.prefs = prefs
        self._settling = False
        #: a zoom other than 100 % set the panels' fonts (False: they inherit
        #: the application's, as every widget starts)
        self._zoomed = False
        window.installEventFilter(self)   # docks added later get the zoom too
        window.reader.viewport().installEventFilter(self)

    def apply(self, prefs: Preferences, *, save: bool = False) -> None:
        self.prefs = prefs
        style = reading_style(prefs)
        window = self.window
        # at the start at 100 % there is nothing to set (and looking the
        # docks up builds Python types the first paint need not wait for)
        if prefs.zoom != 100 or self._zoomed:
            for widget in self.zoomed_widgets():
                self._zoom_widget(widget)
            self._zoomed = prefs.zoom != 100
        # the panels take their new room first: the reader's width is final
        # before its page is laid out and scrolled to the current paragraph
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        window.reader.apply_reading_style(style)
        from desktop.app.side_reader import SideReader  # loaded with the window's features

        side = window.side_reader
        if isinstance(side, SideReader):    # None until the side pane's first use
            side.reader.apply_reading_style(style)
        # the docks may still widen with their new font over the next turns:
        # the current paragraph stays in view while the reader narrows
        self._settling = True
        QTimer.singleShot(SETTLE_MS, self._settled)
        if save:
            self.save()

    def save(self) -> None:
        if self.window.remember:
            self.window.settings.set_preference_values(to_stored(self.prefs))

    def zoomed_widgets(self) -> list[QWidget]:
        window = self.window
        return [window.navigation] + [d for d in window.findChildren(QDockWidget)
                                      if d.parent() is window]

    def ui_font(self) -> QFont:
        font = QFont(QApplication.font())
        font.setPointSizeF(self.prefs.ui_point_size())
        return font

    def _zoom_widget(self, widget: QWidget) -> None:
        # at 100 % the widget inherits the application's font again
        widget.setFont(self.ui_font() if self.prefs.zoom != 100 else QFont())

    def zoom_by(self, step: int) -> int:
        """Ctrl++ (1), Ctrl+- (-1), Ctrl+0 (0); the zoom now, in percent."""
        self.apply(replace(self.prefs, zoom=zoom_step(self.prefs.zoom, step)), save=True)
        self.window.statusBar().showMessage(f"التكبير: {self.prefs.zoom}٪", 3000)
        return self.prefs.zoom

    def _on_wheel(self, point_size: int) -> None:
        # the reader took a point up or down (Ctrl+wheel): a zoom step instead
        wanted = self.prefs.reader_point_size()
        self.zoom_by(1 if point_size > wanted else -1 if point_size < wanted else 0)

    def _zoom_new_docks(self) -> None:
        for widget in self.zoomed_widgets():
            if widget.font().pointSizeF() != self.prefs.ui_point_size():
                self._zoom_widget(widget)

    def _settled(self) -> None:
        self._settling = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self._settling \
                and watched is self.window.reader.viewport():
            QTimer.singleShot(0, self.window.reader.scroll_to_current)
        elif event.type() == QEvent.Type.ChildAdded and watched is self.window \
                and self.prefs.zoom != 100:
            # a dock being made: zoom it once it is whole (its own constructor ran)
            QTimer.singleShot(0, self._zoom_new_docks)
        return False


def open_preferences(window: MainWindow) -> PreferencesDialog:
    """Show the dialog (modal to the window, not blocking: tests drive it);
    its module loads on the first use (its Qt classes are not needed before)."""
    from desktop.app.preferences_dialog import PreferencesDialog

    controller = window.preferences
    assert isinstance(controller, PreferencesController), "made by install_preferences"
    dialog = PreferencesDialog(controller, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    window.preferences_dialog = dialog
    return dialog


def install_preferences(window: MainWindow) -> PreferencesController:
    """The remembered preferences applied now (before the first paint), the
    dialog in the File menu (Ctrl+,), the zoom actions and Ctrl+wheel
    stepping the zoom of the whole window."""
    controller = PreferencesController(window)
    window.preferences = controller
    controller.apply(controller.prefs)

    action = QAction(ACTION_TEXT, window)
    action.setObjectName("action-preferences")
    action.setShortcut(QKeySequence(SHORTCUT))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setMenuRole(QAction.MenuRole.PreferencesRole)
    action.triggered.connect(lambda: open_preferences(window))
    window.addAction(action)
    file_menu = window.menu("file")
    quit_action = window.quit_action
    if quit_action in file_menu.actions():
        file_menu.insertAction(quit_action, action)
        file_menu.insertSeparator(quit_action)
    else:
        file_menu.addAction(action)
    window.preferences_action = action

    window.zoom_handler = controller.zoom_by      # Ctrl++ / Ctrl+- / Ctrl+0
    window.zoom_reset_action.setText("التكبير الافتراضي (100٪)")
    window.reader.zoomChanged.disconnect(window.set_zoom)
    window.reader.zoomChanged.connect(controller._on_wheel)
    return controller
