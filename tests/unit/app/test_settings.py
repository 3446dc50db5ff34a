"""desktop.app.settings: what the window remembers between runs (size,
splitter, zoom, last paragraph) and how bad stored values are read."""

from __future__ import annotations

from desktop.app.settings import AppSettings, DEFAULT_ZOOM, MAX_ZOOM, MIN_ZOOM


def test_state_survives_close_and_reopen(make_window, tiny_db_path, settings_path, qtbot):
    window = make_window(tiny_db_path)
    window.resize(761, 555)  # inside the offscreen 800x600 screen
    window.splitter.setSizes([250, 500])
    window.open_paragraph("B6-r4/pp1")
    window.zoom_in_action.trigger()
    window.zoom_in_action.trigger()
    sizes = window.splitter.sizes()
    window.close()

    again = make_window(tiny_db_path, settings=AppSettings(settings_path))
    assert again.reader.zoom() == DEFAULT_ZOOM + 2
    assert (again.size().width(), again.size().height()) == (761, 555)
    assert again.splitter.sizes() == sizes
    assert again.open_start()
    assert again.reader.current_paragraph_id() == "B6-r4/pp1"


def test_bad_zoom_value_in_settings_is_ignored(settings_path):
    settings = AppSettings(settings_path)
    settings.qsettings.setValue("reader/zoom", "huge")
    assert settings.zoom() == DEFAULT_ZOOM
    settings.set_zoom(500)
    assert settings.zoom() == MAX_ZOOM


def test_the_window_and_reading_state_round_trip_through_the_file(settings_path):
    from PySide6.QtCore import QByteArray

    settings = AppSettings(settings_path)
    assert (settings.geometry(), settings.window_state(), settings.splitter("main"),
            settings.last_paragraph()) == (None, None, None, None)
    assert settings.zoom() == DEFAULT_ZOOM
    settings.save_window(QByteArray(b"geo"), QByteArray(b"state"),
                         {"main": QByteArray(b"split"), "side": QByteArray()})
    settings.set_last_paragraph("A07/13")
    settings.set_zoom(MIN_ZOOM - 3)
    settings.sync()

    again = AppSettings(settings_path)  # read back from the file
    assert again.geometry() == QByteArray(b"geo")
    assert again.window_state() == QByteArray(b"state")
    assert again.splitter("main") == QByteArray(b"split")
    assert again.splitter("side") is None  # an empty value is no value
    assert again.last_paragraph() == "A07/13"
    assert again.zoom() == MIN_ZOOM  # clamped
    again.set_last_paragraph(None)
    assert again.last_paragraph() is None


def test_preferences_are_written_at_once_and_read_as_found(settings_path):
    settings = AppSettings(settings_path)
    settings.set_preference_values({"reading/theme": "sepia", "reading/spacing": 1.5})
    # on disk at once, without a sync of its own
    assert "theme=sepia" in settings_path.read_text(encoding="utf-8")
    found = AppSettings(settings_path).preference_values(
        ["reading/theme", "reading/spacing", "reading/absent"])
    assert {key: str(value) for key, value in found.items()} == {
        "reading/theme": "sepia", "reading/spacing": "1.5"}
