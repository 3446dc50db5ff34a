"""desktop/app/__init__.py: PySide6's look at each imported module's source
keeps no copy of it."""

from __future__ import annotations

import linecache
import sys

import desktop.app  # noqa: F401  (the package sets the lighter scan up)


def test_imported_sources_are_not_kept_and_still_told_apart(tmp_path, monkeypatch):
    (tmp_path / "qt_using_probe_mod.py").write_text("import PySide6.QtCore\n", encoding="utf-8")
    (tmp_path / "plain_probe_mod.py").write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    linecache.clearcache()
    # an import statement (PySide6 hooks builtins.__import__, not importlib)
    exec("import qt_using_probe_mod, plain_probe_mod", {})
    assert not [name for name in linecache.cache if "probe_mod" in name]
    feature = sys.modules["shibokensupport.feature"]
    # PySide6's own verdicts: 0 = uses PySide (feature switching), -1 = ignore
    table = feature.pyside_feature_dict
    assert table["qt_using_probe_mod"] == 0
    assert table["plain_probe_mod"] == -1
