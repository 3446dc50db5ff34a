"""The user-data database: selections, bookmarks and notes.

A small SQLite file beside the user's other application data, never inside
the read-only content database. Every change is one transaction on a WAL
journal with ``synchronous=FULL``: once a method returns, the change is on
disk, and a crash or a kill at any moment leaves either the old state or the
new one, never a half-written selection.

Bookmarks and notes live in bookmarks.py and notes.py (mixed into the store),
the schema's later versions in migrations.py, a damaged file's salvage in
recovery.py.

Items are paragraph ids (``"A07/13"``) with an order; a paragraph appears at
most once in a selection.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Iterable, Iterator, Self

from desktop.userdata import migrations
from desktop.userdata.bookmarks import BookmarksMixin
from desktop.userdata.notes import NotesMixin

DEFAULT_FILENAME = "userdata.sqlite"
USERDATA_VERSION = migrations.LATEST

#: Row id of the working selection (the one the panel shows).
CURRENT_ID = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS selections (
    id INTEGER PRIMARY KEY,
    name TEXT UNIQUE,              -- NULL for the current selection
    saved_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS selection_items (
    selection_id INTEGER NOT NULL REFERENCES selections(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    paragraph_id TEXT NOT NULL,
    PRIMARY KEY (selection_id, paragraph_id)
);
CREATE INDEX IF NOT EXISTS selection_items_order
    ON selection_items (selection_id, position);
"""


class UserDataError(Exception):
    """The user-data file cannot be opened or written; the message says why."""


class UserDataDamaged(UserDataError):
    """The file is damaged (not a database, a damaged page or schema):
    open_or_recover moves it aside and starts a fresh one."""


class SelectionExists(UserDataError):
    """A named selection with that name already exists."""


@dataclass(frozen=True)
class NamedSelection:
    name: str
    count: int
    saved_at: str


def default_path(app_data_dir: str | Path) -> Path:
    """Where the user data lives inside the platform's application-data folder."""
    return Path(app_data_dir) / DEFAULT_FILENAME


def now_iso() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


class SelectionStore(BookmarksMixin, NotesMixin):
    """The user's data, read and written through one SQLite connection.

    ``path`` may be ``":memory:"`` (used when the real file is unusable, so
    the app still works for the session).
    """

    def __init__(self, path: str | Path):
        self.path = path
        if str(path) != ":memory:":
            folder = Path(path).parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise UserDataError(
                    f"cannot create the user-data folder {folder}: {exc.strerror}") from None
        try:
            self._conn = sqlite3.connect(str(path), isolation_level=None, timeout=5.0)
            self._conn.execute("PRAGMA foreign_keys=ON")
            if str(path) != ":memory:":
                self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=FULL")
        except sqlite3.OperationalError as exc:
            if is_damage(exc):
                raise UserDataDamaged(f"the user-data file {path} is damaged: {exc}") from None
            raise UserDataError(f"the user-data file {path} is unusable: {exc}") from None
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            raise UserDataDamaged(f"the user-data file {path} is unusable: "
                                  f"{error_text(exc)}") from None
        try:
            self._create()
            self._check_readable()
        except UserDataDamaged:
            self._conn.close()
            raise
        except sqlite3.OperationalError as exc:
            self._conn.close()
            if is_damage(exc):
                raise UserDataDamaged(f"the user-data file {path} is damaged: {exc}") from None
            raise UserDataError(f"the user-data file {path} is unusable: {exc}") from None
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            # not a database, a damaged page, or a damaged schema (whose
            # SQLite message is itself undecodable: UnicodeDecodeError);
            # a file of another version is not damaged: it is left alone
            self._conn.close()
            if "user-data version" in error_text(exc):
                raise UserDataError(f"the user-data file {path} is unusable: {exc}") from None
            raise UserDataDamaged(f"the user-data file {path} is unusable: "
                                  f"{error_text(exc)}") from None

    # -- plumbing --------------------------------------------------------

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write: BEGIN IMMEDIATE ... COMMIT, rolled back on error."""
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def _create(self) -> None:
        with self._transaction() as conn:
            for statement in _SCHEMA.strip().split(";"):
                if statement.strip():
                    conn.execute(statement)
            row = conn.execute("SELECT value FROM meta WHERE key='version'").fetchone()
            try:
                found = int(row[0]) if row is not None else 1
            except ValueError:
                raise sqlite3.DatabaseError(f"user-data version {row[0]!r} is not a number") from None
            migrations.upgrade(conn, found)  # v1 tables above; later ones added here
            conn.execute(
                "INSERT OR IGNORE INTO selections (id, name, saved_at) VALUES (?, NULL, ?)",
                (CURRENT_ID, now_iso()))

    def _check_readable(self) -> None:
        """Every page and every row of this file can be read (a damaged page
        would otherwise fail later, inside the window)."""
        row = self._conn.execute("PRAGMA quick_check(1)").fetchone()
        if not row or row[0] != "ok":
            raise UserDataDamaged(f"the user-data file {self.path} is damaged: "
                                  f"{row[0] if row else 'no answer'}")
        for (table,) in self._conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
            self._conn.execute(f'SELECT * FROM "{table}"').fetchall()

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _ids(self, selection_id: int) -> list[str]:
        rows = self._conn.execute(
            "SELECT paragraph_id FROM selection_items WHERE selection_id=? ORDER BY position",
            (selection_id,)).fetchall()
        return [r[0] for r in rows]

    def _write_items(self, conn: sqlite3.Connection, selection_id: int, ids: list[str]) -> None:
        conn.execute("DELETE FROM selection_items WHERE selection_id=?", (selection_id,))
        conn.executemany(
            "INSERT INTO selection_items (selection_id, position, paragraph_id) VALUES (?, ?, ?)",
            [(selection_id, i, pid) for i, pid in enumerate(ids)])
        conn.execute("UPDATE selections SET saved_at=? WHERE id=?", (now_iso(), selection_id))

    def _new_selection(self, conn: sqlite3.Connection, name: str) -> int:
        """A new named selection, empty; its id."""
        sel_id = conn.execute("INSERT INTO selections (name, saved_at) VALUES (?, ?)",
                              (name, now_iso())).lastrowid
        assert sel_id is not None       # an INSERT into a rowid table sets it
        return sel_id

    def _guarded(self, action: str) -> _Guard:
        """Turn SQLite failures (disk full, read-only file...) into UserDataError."""
        return _Guard(action, self.path)

    # -- the current selection --------------------------------------------

    def items(self) -> list[str]:
        """The current selection's paragraph ids, in order."""
        return self._ids(CURRENT_ID)

    def add(self, paragraph_ids: Iterable[str]) -> list[str]:
        """Append ids not already selected; returns those actually added."""
        with self._guarded("add to the selection"), self._transaction() as conn:
            present = set(self._ids(CURRENT_ID))
            start = conn.execute(
                "SELECT COALESCE(MAX(position) + 1, 0) FROM selection_items WHERE selection_id=?",
                (CURRENT_ID,)).fetchone()[0]
            added: list[str] = []
            for pid in paragraph_ids:
                if pid in present:
                    continue
                present.add(pid)
                conn.execute(
                    "INSERT INTO selection_items (selection_id, position, paragraph_id) "
                    "VALUES (?, ?, ?)", (CURRENT_ID, start + len(added), pid))
                added.append(pid)
            return added

    def remove(self, paragraph_ids: Iterable[str]) -> None:
        gone = set(paragraph_ids)
        with self._guarded("remove from the selection"), self._transaction() as conn:
            kept = [pid for pid in self._ids(CURRENT_ID) if pid not in gone]
            self._write_items(conn, CURRENT_ID, kept)

    def set_order(self, paragraph_ids: list[str]) -> None:
        """Reorder the current selection; must be a permutation of it."""
        with self._guarded("reorder the selection"), self._transaction() as conn:
            current = self._ids(CURRENT_ID)
            if sorted(current) != sorted(paragraph_ids):
                raise ValueError("set_order needs exactly the selected items")
            self._write_items(conn, CURRENT_ID, list(paragraph_ids))

    def move(self, paragraph_id: str, new_index: int) -> None:
        """Move one item to ``new_index`` (clamped), keeping the others' order."""
        with self._guarded("reorder the selection"), self._transaction() as conn:
            ids = self._ids(CURRENT_ID)
            ids.remove(paragraph_id)
            ids.insert(max(0, min(new_index, len(ids))), paragraph_id)
            self._write_items(conn, CURRENT_ID, ids)

    def clear(self) -> None:
        with self._guarded("clear the selection"), self._transaction() as conn:
            self._write_items(conn, CURRENT_ID, [])

    def replace(self, paragraph_ids: Iterable[str]) -> None:
        """Make the current selection exactly these ids, in one transaction
        (undo/redo of the selection's edits)."""
        with self._guarded("restore the selection"), self._transaction() as conn:
            self._write_items(conn, CURRENT_ID, list(dict.fromkeys(paragraph_ids)))

    # -- named selections ------------------------------------------------

    def named(self) -> list[NamedSelection]:
        rows = self._conn.execute(
            "SELECT s.name, COUNT(i.paragraph_id), s.saved_at FROM selections s "
            "LEFT JOIN selection_items i ON i.selection_id = s.id "
            "WHERE s.name IS NOT NULL GROUP BY s.id ORDER BY s.name").fetchall()
        return [NamedSelection(*r) for r in rows]

    def named_items(self, name: str) -> list[str]:
        row = self._conn.execute("SELECT id FROM selections WHERE name=?", (name,)).fetchone()
        if row is None:
            raise KeyError(name)
        return self._ids(row[0])

    def save_as(self, name: str, overwrite: bool = False) -> None:
        """Store a copy of the current selection under ``name``."""
        name = name.strip()
        if not name:
            raise ValueError("a named selection needs a name")
        with self._guarded("save the selection"), self._transaction() as conn:
            row = conn.execute("SELECT id FROM selections WHERE name=?", (name,)).fetchone()
            if row is not None and not overwrite:
                raise SelectionExists(name)
            if row is None:
                sel_id = self._new_selection(conn, name)
            else:
                sel_id = row[0]
            self._write_items(conn, sel_id, self._ids(CURRENT_ID))

    def open_named(self, name: str) -> list[str]:
        """Make the named selection the current one (a copy: edits don't touch it)."""
        with self._guarded("open the selection"), self._transaction() as conn:
            row = conn.execute("SELECT id FROM selections WHERE name=?", (name,)).fetchone()
            if row is None:
                raise KeyError(name)
            ids = self._ids(row[0])
            self._write_items(conn, CURRENT_ID, ids)
            return ids

    def delete_named(self, name: str) -> None:
        with self._guarded("delete the selection"), self._transaction() as conn:
            conn.execute("DELETE FROM selection_items WHERE selection_id IN "
                         "(SELECT id FROM selections WHERE name=?)", (name,))
            conn.execute("DELETE FROM selections WHERE name=?", (name,))


class _Guard:
    def __init__(self, action: str, path: str | Path):
        self.action = action
        self.path = path

    def __enter__(self) -> _Guard:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if exc_type is not None and issubclass(exc_type, sqlite3.Error):
            raise UserDataError(f"could not {self.action} in {self.path}: {exc}") from None


# -- what a damaged file looks like (desktop.userdata.recovery salvages it) ----

_DAMAGE_WORDS = ("malformed", "not a database", "corrupt", "disk image")


def is_damage(exc: BaseException) -> bool:
    return any(word in error_text(exc) for word in _DAMAGE_WORDS)


def error_text(exc: BaseException) -> str:
    if isinstance(exc, UnicodeDecodeError) and isinstance(exc.object, bytes):
        return exc.object.decode("utf-8", "replace")
    return str(exc)
