"""The one opener of the content database: ``open_readonly(path)``.

Everything that reads the built database (the store behind the app, dump and
check, search, export) opens it here, so a damaged or foreign file is judged
once, in one way, and reported with one family of errors:

- the path becomes a ``file:`` URI through ``Path.as_uri`` (percent-quoted):
  an f-string ``file:{path}?mode=ro`` breaks on ``?``, ``#`` and ``%`` in the
  path (SQLite then opens a stray file named by the part before ``?``,
  read-write);
- text is decoded by a ``text_factory`` that replaces invalid UTF-8 instead
  of failing: Python's default raises ``OperationalError`` in the middle of
  a query for one bad byte, which took the whole reader down. The decoded
  value is a ``DamagedText`` (a ``str``) so callers can show that row as
  damaged, and the connection counts such values (``conn.damaged``);
- SQLite's own error message can itself be invalid UTF-8 (a damaged schema);
  Python then raises ``UnicodeDecodeError``, not a ``DatabaseError``.
  ``reading(path)`` turns both into ``DatabaseCorrupt``;
- ``PRAGMA quick_check`` reads every page (about 20 ms here) so a zeroed page
  is found at open time, not later inside the window. It does not find bad
  UTF-8 (that is valid SQLite), hence the text factory;
- the schema version in ``metadata`` must be the one this program reads;
- each connection's page cache is bounded to ``PAGE_CACHE_KIB`` (SQLite's
  default is 2 MiB a connection, and quick_check alone filled it: the whole
  file is 3.8 MB). The file sits in the system's cache, so a page read
  again costs microseconds: rendering all 61 units and 30 searches took the
  same CPU time with 512 KiB as with 2 MiB (issue 17: -1.5 MiB resident).
  Once checked, the cache lets quick_check's pages go (``PRAGMA
  shrink_memory``): the views read a few pages, not the whole file.
"""

from __future__ import annotations

import contextlib
import sqlite3
import sys
from pathlib import Path
from typing import Any, Iterable, Iterator, Protocol

from desktop.content.schema import SCHEMA_VERSION

CORE_TABLES = ("metadata", "documents", "nodes", "paragraphs", "footnotes")
#: the page cache of each read-only connection (KiB)
PAGE_CACHE_KIB = 512



class HasConnection(Protocol):
    """What holds an open content database: a sqlite_utils.Database (a build
    stage's writer). ContentStore keeps its connection to itself: readers of
    the app, export and search results ask its methods."""

    @property
    def conn(self) -> sqlite3.Connection: ...


#: Shown where a damaged value stood, in place of each undecodable byte.
REPLACEMENT = "\ufffd"


def _frozen() -> bool:
    """The installed app: its messages never name Python commands."""
    return bool(getattr(sys, "frozen", False) or getattr(sys, "_MEIPASS", None))


def rebuild_hint() -> str:
    if _frozen():
        return "أعد تثبيت البرنامج لاستعادة قاعدة البيانات الأصلية."
    return "أعد إنشاءها بالأمر: python -m desktop.content build"


#: (title, message) a user reads, by kind; {path} and the rebuild hint follow.
MESSAGES = {
    "missing": ("قاعدة البيانات غير موجودة",
                "تعذّر العثور على قاعدة بيانات الخلاصة:"),
    "corrupt": ("قاعدة البيانات تالفة",
                "الملف التالي ليس قاعدة بيانات صالحة للخلاصة أو أنه تالف:"),
    "schema": ("إصدار قاعدة البيانات غير مدعوم",
               "قاعدة البيانات التالية أُنشئت بإصدار مختلف من البرنامج ولا يمكن قراءتها:"),
    "no-index": ("فهرس البحث غير موجود",
                 "قاعدة البيانات التالية لا تحوي فهرس البحث أو تحوي فهرساً من إصدار آخر:"),
}


class ContentDatabaseError(Exception):
    """The content database cannot be used. ``kind`` says why:

    "missing", "corrupt" (damaged, or not a content database), "schema"
    (another schema version), "no-index" (no search index, or another
    version of it). ``str()`` is the technical detail in English (for logs
    and stderr); ``title`` and ``arabic`` are what a user reads, saying what
    to do.
    """

    default_kind = "corrupt"

    def __init__(self, path: Path | str | None, detail: str, kind: str | None = None):
        super().__init__(detail)
        self.path = Path(path) if path is not None else None
        self.detail = detail
        self.kind = kind or self.default_kind

    @property
    def title(self) -> str:
        return MESSAGES.get(self.kind, MESSAGES["corrupt"])[0]

    @property
    def arabic(self) -> str:
        text = MESSAGES.get(self.kind, MESSAGES["corrupt"])[1]
        return f"{text}\n{self.path or ''}\n\n{rebuild_hint()}"


class DatabaseMissing(ContentDatabaseError):
    default_kind = "missing"


class DatabaseCorrupt(ContentDatabaseError):
    default_kind = "corrupt"


class DatabaseVersion(ContentDatabaseError):
    default_kind = "schema"


class DamagedText(str):
    """A text value that held invalid UTF-8: decoded with U+FFFD in place of
    the bad bytes. Being a ``str`` it flows everywhere text does; views
    check ``isinstance(value, DamagedText)`` to mark it."""

    __slots__ = ()


class ContentConnection(sqlite3.Connection):
    """A read-only connection that remembers how many damaged values it read."""

    path: Path
    damaged: int

    # what sqlite3.connect passes to its factory, handed on as it is
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.damaged = 0
        self.text_factory = self._decode

    def _decode(self, raw: bytes) -> str:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            self.damaged += 1
            return DamagedText(raw.decode("utf-8", "replace"))


def damaged_rows(conn: sqlite3.Connection, tables: Iterable[str] = CORE_TABLES
                 ) -> list[tuple[str, str, str]]:
    """(table, row key, column) of every text value holding invalid UTF-8 in
    ``tables``, for check's report (a full read: ~30 ms for the compendium)."""
    found = []
    for table in tables:
        columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
        key = "id" if "id" in columns else ("key" if "key" in columns else "rowid")
        cursor = conn.execute(f'SELECT {key}, * FROM "{table}"')
        for row in cursor:
            for name, value in zip(columns, row[1:]):
                if isinstance(value, DamagedText):
                    found.append((table, str(row[0]), name))
    return found


def uri(path: Path | str) -> str:
    """The read-only ``file:`` URI of ``path``, every special character quoted."""
    return Path(path).resolve().as_uri() + "?mode=ro"


def _schema_detail(exc: BaseException) -> str:
    if isinstance(exc, UnicodeDecodeError):
        # SQLite's message (in exc.object) names the damage; show it readable.
        raw = exc.object if isinstance(exc.object, bytes) else b""
        return raw.decode("utf-8", "replace") or str(exc)
    return str(exc)


@contextlib.contextmanager
def reading(path: Path | str | None) -> Iterator[None]:
    """Turn any failure of reading the database (a damaged page met in the
    middle of a query, an undecodable SQLite message) into DatabaseCorrupt."""
    try:
        yield
    except ContentDatabaseError:
        raise
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        raise DatabaseCorrupt(path, f"not a usable content database: {path} "
                                    f"({_schema_detail(exc)})") from None


def open_readonly(path: Path | str, *, check: bool = True,
                  same_thread: bool = False) -> ContentConnection:
    """Open the content database at ``path`` read-only.

    Raises DatabaseMissing, DatabaseCorrupt (not SQLite, damaged pages, a
    damaged schema, core tables missing) or DatabaseVersion. ``check=False``
    skips quick_check (for a second connection to a file already checked).
    """
    path = Path(path)
    if not path.is_file():
        raise DatabaseMissing(path, f"database not found: {path}")
    conn = None
    try:
        with reading(path):
            conn = sqlite3.connect(uri(path), uri=True, factory=ContentConnection,
                                   check_same_thread=same_thread)
            conn.path = path
            conn.execute(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")  # before quick_check
            tables = {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
            missing = [t for t in CORE_TABLES if t not in tables]
            if missing:
                raise DatabaseCorrupt(
                    path, f"not a content database: {path} (no table {missing[0]})")
            if check:
                result = conn.execute("PRAGMA quick_check(1)").fetchone()
                if not result or result[0] != "ok":
                    raise DatabaseCorrupt(path, f"damaged content database: {path} "
                                                f"({result[0] if result else 'no answer'})")
                # the check's pages leave the cache: it read every page once,
                # the views read a few (issue 17: ~0.5 MiB resident at start)
                conn.execute("PRAGMA shrink_memory")
            row = conn.execute(
                "SELECT value FROM metadata WHERE key = 'schema_version'").fetchone()
    except BaseException:
        if conn is not None:
            conn.close()
        raise
    version = row[0] if row else None
    if version != str(SCHEMA_VERSION):
        conn.close()
        raise DatabaseVersion(
            path, f"database {path} has schema version {version or 'none'}; this "
                  f"program reads version {SCHEMA_VERSION}: rebuild the database")
    return conn
