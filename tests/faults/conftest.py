"""The fault matrix's damaged databases, made once per session from the
freshly built content database (tests/faults/damage.py), and the runners.

Entry points run in-process through their guarded ``main`` (desktop.cli.run
is the same wrapper the command uses), which keeps the matrix well under two
minutes; a handful of app runs also go through a subprocess, where a signal
(a segfault) would show as a negative return code.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.faults import damage

ROOT = Path(__file__).resolve().parents[2]

#: Tables whose first leaf page the matrix zeroes, one damaged copy each.
ZEROED_TABLES = ("metadata", "documents", "nodes", "paragraphs", "footnotes", "links",
                 "index_entries", "paragraph_quality", "search_docs", "search_fts_data")
FLIP_SEEDS = (1, 2, 3, 4, 5, 6)
TRUNCATIONS = (0.0, 0.3, 0.9)


@dataclass
class Ran:
    code: int
    out: str
    err: str


def build_cases(src: Path, folder: Path) -> dict[str, Path]:
    """name -> damaged copy of ``src`` (a healthy content database)."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: dict[str, Path] = {}
    cases["bad-utf8-text"] = damage.bad_utf8_text(
        src, folder / "bad-text.sqlite",
        "UPDATE paragraphs SET text = CAST(X'FF' AS TEXT) || text WHERE id = 'A09/13'")
    cases["bad-utf8-schema"] = damage.bad_utf8_schema(
        src, folder / "bad-schema.sqlite", b'ON "paragraphs" ("document", "sort")')
    cases["other-version"] = damage.other_schema_version(src, folder / "version.sqlite")
    for table in ZEROED_TABLES:
        cases[f"zeroed-{table}"] = damage.zero_first_leaf(
            src, folder / f"zero-{table}.sqlite", table)
    for seed in FLIP_SEEDS:
        cases[f"flip-{seed}"] = damage.flip_bits(src, folder / f"flip-{seed}.sqlite", seed)
    for fraction in TRUNCATIONS:
        cases[f"truncated-{fraction}"] = damage.truncate(
            src, folder / f"trunc-{fraction}.sqlite", fraction)
    garbage = folder / "garbage.sqlite"
    garbage.write_bytes(b"\x00not a database at all" * 400)
    cases["garbage"] = garbage
    cases["missing"] = folder / "absent.sqlite"
    return cases


@pytest.fixture(scope="session")
def damaged(content_db_path, tmp_path_factory) -> dict[str, Path]:
    return build_cases(content_db_path, tmp_path_factory.mktemp("damaged"))


@pytest.fixture
def run_main(capsys):
    """Run a command's guarded ``main(argv)`` in-process: Ran(code, out, err)."""
    def run(main, argv) -> Ran:
        capsys.readouterr()
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return Ran(code, out, err)
    return run


def run_process(*args, cwd=ROOT, timeout=120, env_extra=None) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    env.update(env_extra or {})
    return subprocess.run([sys.executable, *map(str, args)], cwd=cwd, capture_output=True,
                          timeout=timeout, env=env)


def assert_clean(ran, code_allowed, *, message=True) -> None:
    """No traceback, an allowed exit code, and a message with any failure."""
    code = ran.code if isinstance(ran, Ran) else ran.returncode
    err = ran.err if isinstance(ran, Ran) else ran.stderr.decode("utf-8", "replace")
    assert code >= 0, f"killed by signal {-code}: {err[-2000:]}"
    assert "Traceback" not in err, err[-3000:]
    allowed = code_allowed if isinstance(code_allowed, (set, frozenset, tuple)) else {code_allowed}
    assert code in allowed, f"exit {code}, expected {allowed}: {err[-1500:]}"
    if message and code != 0:     # check's report is its stdout
        out = ran.out if isinstance(ran, Ran) else ran.stdout.decode("utf-8", "replace")
        assert err.strip() or "check:" in out, "a failure without a message"
