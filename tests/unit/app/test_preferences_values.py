"""The preferences' values: the stored values checked (a bad value falls
back to its default, the older reader zoom read once), the zoom's steps, and
the fonts offered."""

from __future__ import annotations

import pytest

from desktop.app.application import READER_FAMILY, UI_FAMILY
from desktop.app.preferences_values import (DEFAULTS, KEYS, LEGACY_SIZE_KEY, Preferences,
                                            font_families, from_stored, to_stored, zoom_step)
from desktop.app.settings import AppSettings


# ---- the stored values ----------------------------------------------------------------

def test_nothing_stored_gives_the_defaults():
    assert from_stored({}) == DEFAULTS == Preferences()
    assert DEFAULTS.family == READER_FAMILY and DEFAULTS.theme == "light"


@pytest.mark.parametrize("key, bad", [
    ("reading/size", "huge"), ("reading/size", "500"), ("reading/size", -3),
    ("reading/size", None), ("reading/size", ["15"]), ("reading/size", True),
    ("reading/line_spacing", "99999"), ("reading/line_spacing", "1.5"),
    ("reading/theme", "purple"), ("reading/theme", 7), ("reading/theme", ""),
    ("reading/family", ""), ("reading/family", 12), ("reading/family", "No Such Font"),
    ("view/zoom", "abc"), ("view/zoom", 0), ("view/zoom", "9999"), ("view/zoom", {}),
])
def test_a_bad_stored_value_falls_back_to_its_default(key, bad):
    raw = to_stored(Preferences(size=20, line_spacing=150, theme="dark", zoom=130))
    raw[key] = bad
    got = from_stored(raw, families=[READER_FAMILY, UI_FAMILY])
    name = next(n for n, k in KEYS.items() if k == key)
    assert getattr(got, name) == getattr(DEFAULTS, name)
    # the other values are kept
    others = {n: getattr(got, n) for n in KEYS if n != name}
    expected = Preferences(size=20, line_spacing=150, theme="dark", zoom=130)
    assert others == {n: getattr(expected, n) for n in KEYS if n != name}


def test_stored_values_round_trip_as_qsettings_gives_them_back(tmp_path):
    wanted = Preferences(family=UI_FAMILY, size=19, line_spacing=140, theme="sepia", zoom=120)
    settings = AppSettings(tmp_path / "s.ini")
    settings.set_preference_values(to_stored(wanted))
    again = AppSettings(tmp_path / "s.ini")   # strings, as read from the file
    assert from_stored(again.preference_values(KEYS.values())) == wanted


def test_the_older_reader_zoom_becomes_the_font_size():
    assert from_stored({LEGACY_SIZE_KEY: "18"}).size == 18
    assert from_stored({LEGACY_SIZE_KEY: "nonsense"}).size == DEFAULTS.size
    # once preferences are stored, the older value is not read
    assert from_stored({LEGACY_SIZE_KEY: "18", KEYS["theme"]: "dark"}).size == DEFAULTS.size


@pytest.mark.parametrize("zoom, step, expected", [
    (100, 1, 110), (100, -1, 90), (105, 1, 110), (105, -1, 100), (200, 1, 200),
    (50, -1, 50), (130, 0, 100)])
def test_zoom_steps_on_a_ten_percent_grid(zoom, step, expected):
    assert zoom_step(zoom, step) == expected


def test_settings_are_written_atomically(tmp_path):
    assert AppSettings(tmp_path / "s.ini").qsettings.isAtomicSyncRequired()


def test_fonts_offered_are_the_bundled_then_the_system_ones(app):
    families = font_families()
    assert families[:2] == [READER_FAMILY, UI_FAMILY] or families[0] == READER_FAMILY
    assert len(set(families)) == len(families)
