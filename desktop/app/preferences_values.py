"""The preferences' values (desktop.app.preferences applies them, the
dialog desktop.app.preferences_dialog edits them): ``Preferences``, their
defaults and ranges, ``from_stored``/``to_stored`` (a stored value that is not
valid falls back to its default), ``zoom_step``, and ``reading_style``, which
makes the ReadingStyle of desktop.app.page_themes that
ReaderView.apply_reading_style takes. No widgets.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from PySide6.QtGui import QFontDatabase

from desktop.app.application import READER_FAMILY, UI_POINT_SIZE, register_fonts
from desktop.app.page_themes import THEMES, ReadingStyle
from desktop.app.settings import DEFAULT_ZOOM, MAX_ZOOM, MIN_ZOOM

TITLE = "التفضيلات"
ACTION_TEXT = "التفضيلات…"
SHORTCUT = "Ctrl+,"
RESET_TEXT = "استعادة الافتراضي"

# ---- the values ------------------------------------------------------------------------

MIN_SIZE, MAX_SIZE = MIN_ZOOM, 36            # the reader's point size at 100 %
MIN_SPACING, MAX_SPACING, SPACING_STEP = 100, 250, 5   # line height, percent
MIN_PERCENT, MAX_PERCENT, ZOOM_STEP = 50, 200, 10      # zoom, percent

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
