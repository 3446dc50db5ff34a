"""Preferences «التفضيلات…» (File menu, Ctrl+,): the reading font and its
size, line spacing, the page's colours (light, dark, sepia), and a zoom that
reaches the contents tree, the index and search tabs and the side panels as
well as the reader (View > تكبير/تصغير, Ctrl++ / Ctrl+- / Ctrl+0, Ctrl+wheel).

Changes apply at once while the dialog is open; «موافق» keeps them,
«إلغاء» (or Esc) puts back what was there, «استعادة الافتراضي» fills in the
defaults. They are remembered in the app's settings (AppSettings, under
``reading/`` and ``view/zoom``); a stored value that is not valid (edited
by hand, from another version) is replaced by its default, never an error.

The pure part (``Preferences``, ``from_stored``/``to_stored``, and
``reading_style``, which makes the ReadingStyle of desktop.app.page_themes that
ReaderView.apply_reading_style takes) has no widgets.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QFontDatabase, QKeySequence
from PySide6.QtWidgets import (QApplication, QButtonGroup, QComboBox, QDialog,
                               QDialogButtonBox, QDockWidget, QFormLayout, QHBoxLayout,
                               QLabel, QRadioButton, QSpinBox, QVBoxLayout, QWidget)

from desktop.app.application import READER_FAMILY, UI_POINT_SIZE, register_fonts
from desktop.app.page_themes import THEMES, ReadingStyle
from desktop.app.settings import DEFAULT_ZOOM, MAX_ZOOM, MIN_ZOOM

if TYPE_CHECKING:
    from desktop.app.main_window import MainWindow

TITLE = "التفضيلات"
ACTION_TEXT = "التفضيلات…"
SHORTCUT = "Ctrl+,"
RESET_TEXT = "استعادة الافتراضي"

# ---- the values ------------------------------------------------------------------------

MIN_SIZE, MAX_SIZE = MIN_ZOOM, 36            # the reader's point size at 100 %
MIN_SPACING, MAX_SPACING, SPACING_STEP = 100, 250, 5   # line height, percent
MIN_PERCENT, MAX_PERCENT, ZOOM_STEP = 50, 200, 10      # zoom, percent

#: after applying, how long a resize of the reader keeps the paragraph in view
SETTLE_MS = 400

KEYS = {"family": "reading/family", "size": "reading/size",
        "line_spacing": "reading/line_spacing", "theme": "reading/theme",
        "zoom": "view/zoom"}
#: before preferences the reader's point size was all there was to remember
LEGACY_SIZE_KEY = "reader/zoom"


@dataclass(frozen=True)
class Preferences:
    family: str = READER_FAMILY
    size: int = DEFAULT_ZOOM
    line_spacing: int = 100
    theme: str = "light"
    zoom: int = 100

    def reader_point_size(self) -> int:
        """The reader's point size: the chosen size at the zoom."""
        return max(MIN_ZOOM, min(MAX_ZOOM, round(self.size * self.zoom / 100)))

    def ui_point_size(self) -> float:
        """The tree's, the tabs' and the panels' point size at the zoom."""
        return UI_POINT_SIZE * self.zoom / 100


DEFAULTS = Preferences()


def _int_in(value: object, low: int, high: int, default: int) -> int:
    """An integer within [low, high] from a stored value, else the default."""
    if isinstance(value, bool):
        return default
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return default
    return number if low <= number <= high else default


def from_stored(raw: Mapping[str, object], families: Collection[str] | None = None) -> Preferences:
    """Preferences from stored values (``raw``: key → value as QSettings
    gives it; keys of ``KEYS``). Whatever is missing or not valid takes its
    default; ``families``: the font families available (None: any name)."""
    family = raw.get(KEYS["family"])
    if not isinstance(family, str) or not family.strip() \
            or (families is not None and family not in families):
        family = DEFAULTS.family
    size_default = DEFAULTS.size
    if not any(key in raw for key in KEYS.values()) and LEGACY_SIZE_KEY in raw:
        # the reader's zoom of an older version: the size the user read at
        size_default = _int_in(raw[LEGACY_SIZE_KEY], MIN_SIZE, MAX_SIZE, DEFAULTS.size)
    theme = raw.get(KEYS["theme"])
    return Preferences(
        family=family,
        size=_int_in(raw.get(KEYS["size"]), MIN_SIZE, MAX_SIZE, size_default),
        line_spacing=_int_in(raw.get(KEYS["line_spacing"]), MIN_SPACING, MAX_SPACING,
                             DEFAULTS.line_spacing),
        theme=theme if isinstance(theme, str) and theme in THEMES else DEFAULTS.theme,
        zoom=_int_in(raw.get(KEYS["zoom"]), MIN_PERCENT, MAX_PERCENT, DEFAULTS.zoom))


def to_stored(prefs: Preferences) -> dict[str, object]:
    return {KEYS[name]: getattr(prefs, name) for name in KEYS}


def zoom_step(zoom: int, step: int) -> int:
    """The next zoom up (step 1) or down (-1) on the 10 % grid; 0: 100 %."""
    if step == 0:
        return DEFAULTS.zoom
    if step > 0:
        target = (zoom // ZOOM_STEP + 1) * ZOOM_STEP
    else:
        target = -((-zoom) // ZOOM_STEP + 1) * ZOOM_STEP
    return max(MIN_PERCENT, min(MAX_PERCENT, target))


def reading_style(prefs: Preferences) -> ReadingStyle:
    return ReadingStyle(prefs.family, prefs.reader_point_size(), prefs.line_spacing,
                        THEMES.get(prefs.theme, THEMES[DEFAULTS.theme]))


def font_families() -> list[str]:
    """The bundled fonts first, then the system's fonts that write Arabic."""
    bundled = [f for f in register_fonts()]
    system = sorted(f for f in QFontDatabase.families(QFontDatabase.WritingSystem.Arabic)
                    if f not in bundled and not QFontDatabase.isPrivateFamily(f))
    return bundled + system


def family_available(family: str) -> bool:
    return family in register_fonts() or QFontDatabase.hasFamily(family)


# ---- the window's side: applying, remembering, zooming ----------------------------------

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
        window.installEventFilter(self)   # docks added later get the zoom too
        window.reader.viewport().installEventFilter(self)

    def apply(self, prefs: Preferences, *, save: bool = False) -> None:
        self.prefs = prefs
        style = reading_style(prefs)
        window = self.window
        for widget in self.zoomed_widgets():
            self._zoom_widget(widget)
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


# ---- the dialog -------------------------------------------------------------------------

class PreferencesDialog(QDialog):
    def __init__(self, controller: PreferencesController, parent: QWidget | None = None):
        super().__init__(parent or controller.window)
        self.controller = controller
        self.original = controller.prefs
        self._loading = False
        self.setObjectName("preferences-dialog")
        self.setWindowTitle(TITLE)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.setMinimumWidth(440)

        self.family_box = QComboBox(self)
        self.family_box.setObjectName("preferences-family")
        bundled = register_fonts()
        for family in font_families():
            label = f"{family} (مرفق بالتطبيق)" if family in bundled else family
            self.family_box.addItem(label, family)
            # each name in its own letters in the list
            self.family_box.setItemData(self.family_box.count() - 1,
                                        QFont(family, UI_POINT_SIZE + 1),
                                        Qt.ItemDataRole.FontRole)
        self.size_box = QSpinBox(self)
        self.size_box.setObjectName("preferences-size")
        self.size_box.setRange(MIN_SIZE, MAX_SIZE)
        self.size_box.setSuffix(" نقطة")
        self.spacing_box = QSpinBox(self)
        self.spacing_box.setObjectName("preferences-spacing")
        self.spacing_box.setRange(MIN_SPACING, MAX_SPACING)
        self.spacing_box.setSingleStep(SPACING_STEP)
        self.spacing_box.setSuffix("٪")
        self.themes = QButtonGroup(self)
        theme_row = QHBoxLayout()
        self.theme_buttons: dict[str, QRadioButton] = {}
        for key, theme in THEMES.items():
            button = QRadioButton(theme.label, self)
            button.setObjectName(f"preferences-theme-{key}")
            self.themes.addButton(button)
            self.theme_buttons[key] = button
            theme_row.addWidget(button)
        theme_row.addStretch(1)
        self.zoom_box = QSpinBox(self)
        self.zoom_box.setObjectName("preferences-zoom")
        self.zoom_box.setRange(MIN_PERCENT, MAX_PERCENT)
        self.zoom_box.setSingleStep(ZOOM_STEP)
        self.zoom_box.setSuffix("٪")
        self.zoom_box.setToolTip("يكبّر النص وشجرة المحتويات والفهرس واللوحات الجانبية (Ctrl++ و Ctrl+-)")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, field in (("&خط القراءة:", self.family_box), ("&حجم الخط:", self.size_box),
                            ("تباعد الأ&سطر:", self.spacing_box)):
            row_label = QLabel(text, self)
            row_label.setBuddy(field)
            form.addRow(row_label, field)
        theme_label = QLabel("لون ال&صفحة:", self)
        theme_label.setBuddy(self.theme_buttons[DEFAULTS.theme])
        form.addRow(theme_label, theme_row)
        zoom_label = QLabel("الت&كبير:", self)
        zoom_label.setBuddy(self.zoom_box)
        form.addRow(zoom_label, self.zoom_box)

        note = QLabel("تظهر التغييرات في النافذة فوراً؛ «إلغاء» يعيد ما كان.", self)
        note.setWordWrap(True)
        note.setObjectName("preferences-note")

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("موافق")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("إلغاء")
        self.reset_button = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        self.reset_button.setText(RESET_TEXT)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reset_button.clicked.connect(lambda: self.set_values(DEFAULTS))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)

        self.set_values(self.original, apply=False)
        self.family_box.currentIndexChanged.connect(self._changed)
        self.size_box.valueChanged.connect(self._changed)
        self.spacing_box.valueChanged.connect(self._changed)
        self.themes.buttonToggled.connect(lambda _b, on: self._changed() if on else None)
        self.zoom_box.valueChanged.connect(self._changed)

    def values(self) -> Preferences:
        theme = next((k for k, b in self.theme_buttons.items() if b.isChecked()),
                     DEFAULTS.theme)
        return Preferences(family=self.family_box.currentData() or DEFAULTS.family,
                           size=self.size_box.value(), line_spacing=self.spacing_box.value(),
                           theme=theme, zoom=self.zoom_box.value())

    def set_values(self, prefs: Preferences, *, apply: bool = True) -> None:
        self._loading = True
        try:
            at = self.family_box.findData(prefs.family)
            if at < 0:
                self.family_box.addItem(prefs.family, prefs.family)
                at = self.family_box.count() - 1
            self.family_box.setCurrentIndex(at)
            self.size_box.setValue(prefs.size)
            self.spacing_box.setValue(prefs.line_spacing)
            self.theme_buttons.get(prefs.theme, self.theme_buttons[DEFAULTS.theme]).setChecked(True)
            self.zoom_box.setValue(prefs.zoom)
        finally:
            self._loading = False
        if apply:
            self._changed()

    def _changed(self) -> None:
        if not self._loading:
            self.controller.apply(self.values())

    def accept(self) -> None:
        self.controller.apply(self.values(), save=True)
        super().accept()

    def reject(self) -> None:
        self.controller.apply(self.original)
        super().reject()


def open_preferences(window: MainWindow) -> PreferencesDialog:
    """Show the dialog (modal to the window, not blocking: tests drive it)."""
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
