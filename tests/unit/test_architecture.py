"""The shape of the code, as a newcomer relies on it (issue 16): no import
cycles (module level or inside functions), the Qt-free layers stay
Qt-widget-free, only the content layer reads the content database (SQL on
its tables, sqlite3.connect), no module over 500 lines, tests mirror the
modules. Read from the source with ast, so an import hidden in a function
counts too, and a reader is found by what it runs, not what it is called."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "desktop"
QT_FREE = ("desktop.content", "desktop.search", "desktop.userdata", "desktop.export")


def _modules(package: Path = PACKAGE) -> dict[str, Path]:
    found = {}
    for path in package.rglob("*.py"):
        parts = path.relative_to(package.parent).with_suffix("").parts
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


def _graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    modules = _modules(package)

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


def test_an_import_inside_a_function_closes_a_cycle(tmp_path):
    """A planted cycle whose back edge is an import inside a function (absolute
    in one module, relative in the other) is found: the graph reads every
    import in the file, not only the module-level ones."""
    package = tmp_path / "desktop"
    (package / "sub").mkdir(parents=True)
    for name in ("__init__.py", "sub/__init__.py"):
        (package / name).write_text("")
    (package / "a.py").write_text("import os\n\n\ndef later():\n    from desktop.sub import b\n"
                                  "    return b\n")
    (package / "sub" / "b.py").write_text("from ..c import C\n")
    (package / "c.py").write_text("class C:\n    def m(self):\n        from . import a\n"
                                  "        return a\n")
    (package / "d.py").write_text("from desktop import c\n")
    assert _cycles(_graph(package)) == [["desktop.a", "desktop.c", "desktop.sub.b"]]
    (package / "c.py").write_text("class C:\n    pass\n")
    assert _cycles(_graph(package)) == []


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


# --- one read path (issue 16): only the content layer reads the content
# database. Read from the source with ast, by what the code says (SQL naming
# a content table, sqlite3.connect), not by what its variables are called.

#: Where SQL may name the content tables: the content layer, and the build
#: stages that write the database (build.STAGES, e.g. desktop.search.index).
SQL_ALLOWED = ("desktop.content",)
#: Modules that may call sqlite3.connect, each with the reason. The content
#: database is opened by desktop.content.database alone.
CONNECT_ALLOWED = {
    "desktop.content.database": "the one opener of the content database",
    "desktop.content.build": "the build writes the database it makes (a temporary file)",
    "desktop.userdata": "the user's notes and bookmarks: a file of their own",
}
_SQL_TABLE = re.compile(r"\b(?:FROM|JOIN|INTO|UPDATE|TABLE(?:\s+IF\s+(?:NOT\s+)?EXISTS)?)"
                        r"\s+[\"'`\[]?(\w+)", re.IGNORECASE)


def _content_tables() -> set[str]:
    """The tables desktop/content/schema.py creates (its ``.table("name")``
    calls); the search index's tables (SEARCH_DDL) are the search layer's."""
    tree = ast.parse((PACKAGE / "content" / "schema.py").read_text(encoding="utf-8"))
    return {node.args[0].value for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "table" and node.args
            and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)}


def _build_stages() -> set[str]:
    tree = ast.parse((PACKAGE / "content" / "build.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "STAGES" for t in node.targets):
            return set(ast.literal_eval(node.value))
    raise AssertionError("desktop/content/build.py has no STAGES list")


def _text(node: ast.AST) -> str | None:
    """The text of a string expression: a literal, an f-string (each
    placeholder read as "{}") or a + of them; None for anything else."""
    if isinstance(node, ast.Constant):
        return node.value if isinstance(node.value, str) else None
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _text(node.left), _text(node.right)
        if left is not None or right is not None:
            return (left if left is not None else "{}") + (right if right is not None else "{}")
    return None


def _content_sql(source: str, tables: set[str]) -> list[int]:
    """Lines of SQL (any string expression but a docstring) naming a content table."""
    tree = ast.parse(source)
    inner: set[int] = set()     # parts of a larger string expression, read with it
    docstrings: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp):
            inner.update(id(n) for n in (node.left, node.right))
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    lines = set()
    for node in ast.walk(tree):
        if id(node) in inner or id(node) in docstrings:
            continue
        text = _text(node)
        if text and any(m.group(1).lower() in tables for m in _SQL_TABLE.finditer(text)):
            lines.add(node.lineno)
    return sorted(lines)


def _connects(source: str) -> list[int]:
    """Lines calling sqlite3.connect (under any alias, or imported by name)
    on anything but ":memory:"."""
    tree = ast.parse(source)
    modules, functions = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules.update(a.asname or a.name for a in node.names
                           if a.name in ("sqlite3", "sqlite3.dbapi2"))
        elif isinstance(node, ast.ImportFrom) and node.module in ("sqlite3", "sqlite3.dbapi2"):
            functions.update(a.asname or a.name for a in node.names if a.name == "connect")
            modules.update(a.asname or a.name for a in node.names if a.name == "dbapi2")
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        called = (isinstance(func, ast.Name) and func.id in functions) or (
            isinstance(func, ast.Attribute) and func.attr == "connect"
            and ast.unparse(func.value) in modules | {"sqlite3.dbapi2"})
        memory = (node.args and isinstance(node.args[0], ast.Constant)
                  and node.args[0].value == ":memory:")
        if called and not memory:
            lines.append(node.lineno)
    return sorted(lines)


def _content_readers(package: Path = PACKAGE) -> dict[str, dict[str, list[int]]]:
    """{"sql"|"connect": {module: lines}} outside where each is allowed."""
    tables = _content_tables()
    sql_ok = (*SQL_ALLOWED, *_build_stages())
    found: dict[str, dict[str, list[int]]] = {"sql": {}, "connect": {}}
    for name, path in sorted(_modules(package).items()):
        source = path.read_text(encoding="utf-8")
        if not any(name == ok or name.startswith(ok + ".") for ok in sql_ok):
            if lines := _content_sql(source, tables):
                found["sql"][name] = lines
        if not any(name == ok or name.startswith(ok + ".") for ok in CONNECT_ALLOWED):
            if lines := _connects(source):
                found["connect"][name] = lines
    return found


def test_the_content_tables_are_read_from_the_schema():
    tables = _content_tables()
    assert {"documents", "nodes", "paragraphs", "footnotes", "links", "index_entries",
            "paragraph_quality", "gaps"} <= tables
    assert not any(t.startswith("search_") for t in tables)
    assert "desktop.search.index" in _build_stages()


def test_only_the_content_layer_reads_the_content_database():
    """ContentStore (and the content layer under it) is the only reader of
    the content database: no SQL naming a content table elsewhere (the build
    stages write it), and nothing else opens it."""
    assert _content_readers() == {"sql": {}, "connect": {}}


def test_the_read_path_check_sees_sql_and_connections_whatever_their_names():
    tables = {"paragraphs", "nodes", "documents"}
    planted = (
        'rows = thing.execute("SELECT text FROM paragraphs WHERE id = ?")\n'   # 1
        'x = f"SELECT n.id FROM {T} d JOIN nodes n ON n.id = d.meeting"\n'      # 2
        'y = "SELECT * FROM " + \\\n    "documents"\n'                        # 3
        'z = "SELECT * FROM search_docs"\n'                                       # 5: search's own
        'def f():\n    """Read rows from paragraphs."""\n'                       # 7: a docstring
        'w = "delete from Paragraphs"\n')                                         # 8
    assert _content_sql(planted, tables) == [1, 2, 3, 8]
    connects = ('import sqlite3 as lite\nfrom sqlite3 import connect as opener\nimport sqlite3\n'
                'a = lite.connect(path)\nb = opener(path, uri=True)\n'
                'c = sqlite3.connect(":memory:")\nd = sqlite3.dbapi2.connect(p)\n'
                'e = signal.connect(slot)\n')
    assert _connects(connects) == [4, 5, 7]


def test_the_read_path_check_finds_a_planted_reader(tmp_path):
    package = tmp_path / "desktop"
    for name, text in {
            "__init__.py": "",
            "content/__init__.py": "",
            "content/store.py": 'Q = "SELECT * FROM paragraphs"\n',
            "app/__init__.py": "",
            "app/view.py": 'def rows(db):\n    return db.execute("SELECT id FROM nodes")\n',
            "export/raw.py": "import sqlite3\nconn = sqlite3.connect('data/compendium.sqlite')\n",
            "userdata/store.py": "import sqlite3\nconn = sqlite3.connect('notes.sqlite')\n",
    }.items():
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text(text)
    assert _content_readers(package) == {"sql": {"desktop.app.view": [2]},
                                         "connect": {"desktop.export.raw": [2]}}


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
