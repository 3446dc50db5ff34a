"""desktop.app.window_parts: the main window's feature attributes are
declarations; a part a window may lack is None on a bare window, and no
feature module looks for another feature by probing the window."""

from __future__ import annotations

import ast
from pathlib import Path

import desktop.app
from desktop.app.window_parts import WindowParts

APP = Path(desktop.app.__file__).parent

#: the optional parts: None on a window that lacks them (code checks None)
OPTIONAL = {"selection_panel", "search_panel", "search_page", "find_bar", "side_reader",
            "bookmarks_panel", "notes_panel", "finder_panel", "similar_panel", "handbook"}

#: names a feature module gives the main window it is handed
WINDOW_NAMES = {"window", "win", "main", "main_window", "window_"}

#: (module, attribute) a module may read with getattr/hasattr on the window:
#: none left -- what a feature needs of another is a parameter of its install
#: function or is wired by desktop/__main__.py's build_main_window, and a part
#: a window may lack is declared ``X | None = None`` in WindowParts
ALLOWED: set[tuple[str, str]] = set()


def test_a_bare_window_has_none_of_the_optional_parts(make_window, tiny_db_path):
    window = make_window(tiny_db_path)
    assert isinstance(window, WindowParts)
    declared = WindowParts.__annotations__
    assert OPTIONAL <= set(declared)
    for name in OPTIONAL:
        assert getattr(window, name) is None, name      # read as window.x, no AttributeError
        assert "None" in str(declared[name]), name      # and mypy makes code check it
    # the other parts are set by their feature's install_* function only
    for name in set(declared) - OPTIONAL - {"about_action"}:   # About: the window's own
        assert name not in vars(WindowParts), name
        assert getattr(window, name, None) is None, name


def _window_like(node: ast.expr) -> bool:
    """`window`, `self.main`, `self.window_`, `view.window()` and the like."""
    if isinstance(node, ast.Name):
        return node.id in WINDOW_NAMES
    if isinstance(node, ast.Attribute):
        return node.attr in WINDOW_NAMES
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr == "window" and not node.args
    return False


def window_probes(source: str) -> list[tuple[int, str]]:
    """(line, attribute) of each getattr/hasattr/setattr on a window in
    `source`, and of any such call on a part declared in WindowParts."""
    parts = set(WindowParts.__annotations__)
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in {"getattr", "hasattr", "setattr"} and len(node.args) >= 2):
            continue
        target, name = node.args[0], node.args[1]
        attribute = name.value if isinstance(name, ast.Constant) and isinstance(name.value, str) \
            else "<computed>"
        if _window_like(target) or attribute in parts:
            found.append((node.lineno, attribute))
    return sorted(found)


def test_the_probe_finder_sees_the_old_ways():
    old = '''
def install(window):
    if getattr(window, "search_panel", None) is not None: pass
    hasattr(window, "settings")
    getattr(self.main, "selection_panel", None)
    setattr(window, attr, panel)
    getattr(view.window(), "_syncing_tree", None)
    getattr(panel, "count_label", None)
'''
    assert window_probes(old) == [(3, "search_panel"), (4, "settings"), (5, "selection_panel"),
                                  (6, "<computed>"), (7, "_syncing_tree")]


def test_no_feature_probes_the_window_for_another():
    found = []
    for path in sorted(APP.glob("*.py")):
        if path.name == "window_parts.py":
            continue
        for line, attribute in window_probes(path.read_text(encoding="utf-8")):
            if (path.stem, attribute) not in ALLOWED:
                found.append(f"{path.name}:{line}: {attribute}")
    assert found == [], ("hand the part over in build_main_window (desktop/__main__.py), "
                         "or declare it `X | None = None` in WindowParts", found)
