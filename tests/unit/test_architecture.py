"""The shape of the code, as a newcomer relies on it (issue 16): no import
cycles (module level or inside functions), and the Qt-free layers stay
Qt-widget-free. Read from the source with ast, so an import hidden in a
function counts too."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "desktop"
QT_FREE = ("desktop.content", "desktop.search", "desktop.userdata", "desktop.export")


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _imports(name: str, path: Path) -> set[str]:
    """Every module named by an import anywhere in the file."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            out.add(base)
            out.update(f"{base}.{alias.name}" for alias in node.names)
    return out


def _graph() -> dict[str, set[str]]:
    modules = _modules()

    def owner(target: str) -> str | None:
        while target and target not in modules:
            target = target.rpartition(".")[0]
        return target or None

    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for target in _imports(name, path):
            found = owner(target) if target.startswith("desktop") else None
            # a module reading its own package's __init__ is not a cycle
            if found and found != name and not name.startswith(found + "."):
                graph[name].add(found)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_the_graph_is_read():
    graph = _graph()
    assert len(graph) > 50
    assert "desktop.content.store" in graph["desktop.app.main_window"]


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycles_in_desktop():
    assert _cycles(_graph()) == []


def test_qt_free_layers_import_no_qt_widgets():
    offenders = []
    for name, path in _modules().items():
        if name.startswith(QT_FREE):
            named = _imports(name, path)
            if any(n.startswith(("PySide6.QtWidgets", "desktop.app")) for n in named):
                offenders.append(name)
    assert offenders == []


#: No module in desktop/ is longer than this (issue 16: one module, one idea).
MAX_LINES = 500
#: Modules allowed over MAX_LINES for now, each with the reason. Remove an
#: entry when its module is split (and do not add one without an issue).
TOO_LONG_FOR_NOW: set[str] = set()


def _length(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_module_over_500_lines():
    long = {name: _length(path) for name, path in _modules().items()
            if _length(path) > MAX_LINES}
    assert {n: lines for n, lines in long.items() if n not in TOO_LONG_FOR_NOW} == {}


def test_the_allow_list_names_only_modules_still_too_long():
    modules = _modules()
    stale = [name for name in TOO_LONG_FOR_NOW
             if name not in modules or _length(modules[name]) <= MAX_LINES]
    assert stale == []


def test_the_length_check_counts_lines(tmp_path):
    path = tmp_path / "m.py"
    path.write_text("x = 1\n" * (MAX_LINES + 1), encoding="utf-8")
    assert _length(path) == MAX_LINES + 1 > MAX_LINES


def _store_connection_reads(source: str) -> list[int]:
    """Lines reading `.conn`/`._conn` (or `.db`, `.query`) off a content store
    (a name or attribute spelt `store`, `window.store`, `self.store`, ...)."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr in ("conn", "_conn", "db", "query"):
            owner = node.value
            name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", "")
            if name.lower().endswith("store") and name != "userdata_store":
                out.append(node.lineno)
    return sorted(out)


def test_only_the_store_reads_its_connection():
    """ContentStore is the one read API: the app, export, search results and
    the tests ask its methods; its connection stays inside store.py."""
    root = PACKAGE.parent
    readers = {}
    for path in [*PACKAGE.rglob("*.py"), *(root / "tests").rglob("*.py")]:
        if path == PACKAGE / "content" / "store.py":
            continue
        lines = _store_connection_reads(path.read_text(encoding="utf-8"))
        if lines:
            readers[str(path.relative_to(root))] = lines
    assert readers == {}


def test_the_connection_check_sees_a_read():
    assert _store_connection_reads("x = window.store.conn.execute('')\ny = store._conn\n") == [1, 2]
    assert _store_connection_reads("x = db.conn\ny = self._conn\n") == []


# --- tests mirror the code (issue 16), qutebrowser style:
# desktop/<package>/<module>.py  <->  tests/unit/<package>/test_<module>.py
# (desktop/<module>.py <-> tests/unit/test_<module>.py). __init__.py and
# __main__.py are left out; flows across modules live in tests/end2end/.

TESTS = PACKAGE.parent / "tests" / "unit"
NO_MIRROR_NEEDED = ("__init__.py", "__main__.py")

#: Modules that have no mirrored test file yet, each with the reason. Remove
#: an entry when its file exists (test_the_mirror_allow_list_is_current fails
#: until you do); do not add one for a new module: give it its test file.
NOT_MIRRORED_YET = {
    # what the reader's parts use of ReaderView, declared for the type checker
    # only (at run time the parts derive from object): nothing to run; the
    # parts it serves are tested in test_reader_caret/_links/_menu/_style.py
    "desktop/app/reader_base.py": "type declarations only",
}


def _mirror(path: Path, package: Path = PACKAGE, tests: Path = TESTS) -> Path:
    relative = path.relative_to(package)
    return tests.joinpath(*relative.parts[:-1], f"test_{relative.name}")


def _unmirrored(package: Path = PACKAGE, tests: Path = TESTS) -> list[str]:
    """desktop/... paths of the modules whose mirrored file is missing or
    holds no test."""
    out = []
    for path in sorted(package.rglob("*.py")):
        if path.name in NO_MIRROR_NEEDED:
            continue
        mirror = _mirror(path, package, tests)
        if not (mirror.is_file() and "def test_" in mirror.read_text(encoding="utf-8")):
            out.append(path.relative_to(package.parent).as_posix())
    return out


def test_every_module_has_its_mirrored_test_file():
    missing = [name for name in _unmirrored() if name not in NOT_MIRRORED_YET]
    assert missing == [], ("no tests/unit/<package>/test_<module>.py (with a test in it) for: "
                           + ", ".join(missing))


def test_the_mirror_allow_list_is_current():
    assert sorted(set(NOT_MIRRORED_YET) - set(_unmirrored())) == []


def test_the_mirror_check_sees_a_missing_or_empty_file(tmp_path):
    package, tests = tmp_path / "desktop", tmp_path / "tests" / "unit"
    for name in ("__init__.py", "__main__.py", "a/__init__.py", "a/kept.py", "a/gone.py",
                 "a/empty.py", "top.py"):
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text("")
    (tests / "a").mkdir(parents=True)
    (tests / "a" / "test_kept.py").write_text("def test_it():\n    assert True\n")
    (tests / "a" / "test_empty.py").write_text('"""Nothing yet."""\n')
    (tests / "test_top.py").write_text("def test_it():\n    assert True\n")
    assert _unmirrored(package, tests) == ["desktop/a/empty.py", "desktop/a/gone.py"]
