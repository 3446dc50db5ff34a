"""The preferences dialog «التفضيلات…» (desktop.app.preferences opens it):
font, size, line spacing, page colours and zoom, applied while it is open;
«موافق» keeps them, «إلغاء» puts back what was there, «استعادة الافتراضي»
fills in the defaults.

Its own module so that its Qt classes (spin boxes, combo box, radio buttons,
form layout, button box) load on the first use, not before the first paint.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QRadioButton, QSpinBox, QVBoxLayout, QWidget)

from desktop.app.application import UI_POINT_SIZE, register_fonts
from desktop.app.page_themes import THEMES
from desktop.app.preferences_values import (DEFAULTS, MAX_PERCENT, MAX_SIZE, MAX_SPACING,
                                            MIN_PERCENT, MIN_SIZE, MIN_SPACING, RESET_TEXT,
                                            SPACING_STEP, TITLE, ZOOM_STEP, Preferences,
                                            font_families)


class Controller(Protocol):
    """What the dialog needs of desktop.app.preferences' PreferencesController."""

    @property
    def window(self) -> QWidget: ...

    @property
    def prefs(self) -> Preferences: ...

    def apply(self, prefs: Preferences, *, save: bool = False) -> None: ...


class PreferencesDialog(QDialog):
    def __init__(self, controller: Controller, parent: QWidget | None = None):
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
