"""desktop.app.settings: what the window remembers between runs (size,
splitter, zoom, last paragraph) and how bad stored values are read."""

from __future__ import annotations

from desktop.app.settings import AppSettings, DEFAULT_ZOOM, MAX_ZOOM


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
