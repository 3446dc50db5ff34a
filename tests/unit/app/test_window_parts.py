"""desktop.app.window_parts: the main window's feature attributes are
declarations only: a window without a feature has none of them."""

from __future__ import annotations

from desktop.app.main_window import MainWindow
from desktop.app.window_parts import WindowParts


def test_a_bare_window_has_no_feature_attribute(make_window, tiny_db_path):
    window = make_window(tiny_db_path)
    assert isinstance(window, WindowParts)
    declared = WindowParts.__annotations__
    assert {"selection_panel", "search_panel", "userdata", "tree_menu_hooks"} <= set(declared)
    for name in set(declared) - {"about_action"}:   # About: the window's own Help menu
        assert getattr(window, name, None) is None, name   # installed by its feature only
    assert "search_panel" not in vars(MainWindow) and "search_panel" not in vars(WindowParts)
