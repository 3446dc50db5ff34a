"""Build the content database from the source texts, in stages.

A stage is a module with three functions:

    build(db, ctx)  -> None             write its tables (sqlite_utils.Database)
    dump(db)        -> Iterable[dict]   its rows for `dump`, each with "type"
    check(db)       -> Iterable[Finding] what `check` should report

The build writes to a temporary file beside the target and replaces the
target only when every stage succeeded, so a failed build never damages the
database the app is using. Same sources -> same content: stages must not
depend on time or ordering of sets; only metadata.build_time changes.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import importlib
import os
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Iterator

import sqlite_utils

from desktop import paths
from desktop.content.database import open_readonly
from desktop.content.schema import SCHEMA_VERSION, create_core_tables

#: Stage modules, in build order. Each later stage may read what the earlier
#: ones wrote.
STAGES = [
    "desktop.content.compendium",
    "desktop.content.thematic_index",
    "desktop.content.links",
    "desktop.content.related.damaged_stage",
    "desktop.content.related.stage",
    "desktop.content.spelling",
    "desktop.search.index",
]


class BuildError(Exception):
    """A problem the user must fix (missing source, bad corrections file...).

    Its message is shown as is, without a traceback.
    """


class BuildWriteError(BuildError):
    """The database cannot be written where asked (no folder, read-only, full)."""


@dataclass
class Finding:
    """One line of the `check` report.

    severity: "info" (a count, an applied correction), "warning" (explained
    or uncertain, does not fail), "error" (unexplained: check exits non-zero).
    """

    stage: str
    severity: str
    message: str


@dataclass
class BuildContext:
    sources: Path
    corrections: Path
    #: Human-readable lines the build prints at the end (corrections applied...).
    report: list[str] = field(default_factory=list)
    hashes: dict[str, str] = field(default_factory=dict)

    def read_source(self, name: str) -> str:
        """Read a source text, recording its hash; BuildError if unreadable."""
        path = self.sources / name
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise BuildError(f"source file not found: {path}") from None
        except OSError as exc:
            raise BuildError(f"cannot read source file {path}: {exc.strerror}") from None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BuildError(f"source file {path} is not UTF-8 text (byte {exc.start})") from None
        self.hashes[name] = hashlib.sha256(raw).hexdigest()
        return text


def stage_modules() -> list[ModuleType]:
    return [importlib.import_module(name) for name in STAGES]


def build(out: Path | None = None, sources: Path | None = None,
          corrections: Path | None = None) -> BuildContext:
    """Build the database at `out` (default data/compendium.sqlite)."""
    out = Path(out) if out else paths.default_db()
    ctx = BuildContext(
        sources=Path(sources) if sources else paths.sources_dir(),
        corrections=Path(corrections) if corrections else paths.corrections_dir(),
    )
    out_dir = out.parent if str(out.parent) else Path(".")
    if not out_dir.is_dir():
        raise BuildWriteError(f"cannot write the database: folder {out_dir} does not exist")
    # the mode bits, not only os.access: an administrator may write anywhere,
    # but a folder marked read-only is kept so
    if not out_dir.stat().st_mode & 0o222 or not os.access(out_dir, os.W_OK):
        raise BuildWriteError(f"cannot write the database: folder {out_dir} is read-only")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".build-", suffix=".sqlite", dir=out_dir)
    except OSError as exc:
        raise BuildWriteError(f"cannot write the database in {out_dir}: {exc.strerror}") from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        conn = sqlite3.connect(tmp)
        db = sqlite_utils.Database(conn)
        create_core_tables(db)
        for module in stage_modules():
            module.build(db, ctx)
        meta = {"schema_version": str(SCHEMA_VERSION),
                "build_time": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")}
        meta.update({f"source_sha256:{k}": v for k, v in sorted(ctx.hashes.items())})
        db.table("metadata").insert_all(
            [{"key": k, "value": v} for k, v in meta.items()], replace=True)
        conn.commit()
        conn.execute("VACUUM")
        conn.close()
    except sqlite3.OperationalError as exc:
        if "full" in str(exc) or "readonly" in str(exc) or "disk I/O" in str(exc):
            raise BuildWriteError(f"cannot write the database {out}: {exc}") from None
        raise
    else:
        try:
            os.replace(tmp, out)
        except OSError as exc:
            raise BuildWriteError(f"cannot write the database {out}: {exc.strerror}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return ctx


def open_db(path: Path | None = None) -> sqlite_utils.Database:
    """Open a built database read-only for dump/check/export, through the one
    opener (desktop.content.database); ContentDatabaseError if unusable."""
    return sqlite_utils.Database(open_readonly(Path(path) if path else paths.default_db()))


def dump(db: sqlite_utils.Database) -> Iterator[dict]:
    for module in stage_modules():
        yield from module.dump(db)


def check(db: sqlite_utils.Database) -> list[Finding]:
    findings: list[Finding] = []
    for module in stage_modules():
        findings.extend(module.check(db))
    return findings
