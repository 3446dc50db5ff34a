"""build.spec leaves out no Qt module the app imports (fast, no PyInstaller).

The spec's UNUSED_QT list is read with ast: a module listed there would be
missing from the bundle, and the frozen app would fail only when it reaches
that import.
"""

from __future__ import annotations

import ast
import sys

from tests.packaging.conftest import ROOT


def spec_list(name: str) -> list[str]:
    tree = ast.parse((ROOT / "build.spec").read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return list(ast.literal_eval(node.value))
    raise AssertionError(f"build.spec has no {name}")


def qt_modules_imported_by_the_app() -> set[str]:
    """The Qt modules named by an import statement anywhere in desktop/ (inside
    functions too); a module named in a string (the start-up probe's budget
    list) is not an import."""
    found = set()
    for path in (ROOT / "desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            else:
                continue
            for name in names:
                parts = name.split(".")
                if parts[0] == "PySide6" and len(parts) > 1 and parts[1].startswith("Qt"):
                    found.add(parts[1])
    return found


def test_the_import_scan_reads_statements_not_strings(tmp_path, monkeypatch):
    """The scan above finds imports inside functions and ignores strings."""
    package = tmp_path / "desktop"
    package.mkdir()
    (package / "a.py").write_text(
        "from PySide6 import QtSvg\n"
        "def f():\n    from PySide6.QtPrintSupport import QPrinter\n"
        "BUDGET = ('PySide6.QtNetwork',)\n", "utf-8")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert qt_modules_imported_by_the_app() == {"QtSvg", "QtPrintSupport"}


def test_no_imported_qt_module_is_excluded():
    used = qt_modules_imported_by_the_app()
    assert {"QtCore", "QtGui", "QtWidgets"} <= used
    excluded = set(spec_list("UNUSED_QT"))
    assert not used & excluded, f"build.spec excludes Qt modules the app imports: {used & excluded}"


def test_excluded_library_names_match_excluded_modules():
    """Each excluded Qt library fragment belongs to an excluded module, never a used one."""
    used = qt_modules_imported_by_the_app()
    fragments = spec_list("UNUSED_QT_FILES")
    assert fragments, "build.spec lists no excluded Qt libraries"
    for fragment in fragments:
        if fragment.startswith("Qt6"):
            module = "Qt" + fragment[3:]
            assert not any(u.startswith(module) for u in used), (fragment, used)


def test_the_bundle_finds_the_handbook(content_db_path, tmp_path, monkeypatch):
    """The spec's data files, laid out as PyInstaller does under _MEIPASS: the
    frozen app finds every handbook page and picture (the self-test's check)."""
    import shutil
    import sys
    import types

    from desktop import handbook, paths
    from desktop.app.self_test import _handbook_is_there

    head = (ROOT / "build.spec").read_text("utf-8").split("#: Qt modules the app does not use.")[0]
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda *args, **kwargs: []  # type: ignore[attr-defined]
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setattr(sys, "argv", ["pyinstaller", "build.spec", "--", "--db", str(content_db_path)])
    spec: dict = {"SPECPATH": str(ROOT), "__name__": "build_spec"}
    exec(compile(head, "build.spec", "exec"), spec)

    bundle = tmp_path / "_internal"
    for source, dest in spec["datas"]:
        (bundle / dest).mkdir(parents=True, exist_ok=True)
        shutil.copy(source, bundle / dest)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert paths.frozen() and handbook.folder() == bundle / "resources" / "handbook"
    assert (bundle / "resources" / "handbook" / "screen-reader.md").is_file()
    assert len(handbook.pages()) == len(list((ROOT / "resources" / "handbook").glob("*.md")))
    assert _handbook_is_there() == []
