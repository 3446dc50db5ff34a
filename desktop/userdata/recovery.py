"""A damaged user-data file: ``open_or_recover`` opens the file, or moves a
damaged one aside (never deleting it), salvages what can still be read
(selections, bookmarks, folders, notes) into a fresh file and says so
(Recovery)."""

from __future__ import annotations

import datetime as _dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from desktop.userdata.store import (CURRENT_ID, SelectionStore, UserDataDamaged, UserDataError,
                                    error_text, is_damage)


@dataclass(frozen=True)
class Recovery:
    """What open_or_recover did with a damaged file."""

    moved_to: Path
    #: named selections, and the rows recovered into the fresh file (items of
    #: every selection, bookmarks, folders and notes)
    selections: int
    items: int
    reason: str


def _salvage(path: Path) -> dict[str | None, list[str]]:
    """{selection name (None: the current one): paragraph ids} that can still
    be read from a damaged file, in their order where it survives.

    Row by row (a seek per rowid skips a damaged page instead of failing
    the whole scan), then the primary-key index, which holds every
    (selection, paragraph) pair even when the table's own pages are gone.
    """
    found: dict[str | None, list[str]] = {}
    try:
        conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error:
        return found
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")

    def rows(sql: str, params: tuple[object, ...] = ()) -> list[tuple]:
        try:
            return conn.execute(sql, params).fetchall()
        except (sqlite3.DatabaseError, UnicodeDecodeError):
            return []

    try:
        names: dict[int, str | None] = {CURRENT_ID: None}
        top = rows("SELECT max(rowid) FROM selections")
        last = top[0][0] if top and top[0][0] else 1000
        for rowid in range(1, last + 1):
            for sel_id, name in rows("SELECT id, name FROM selections WHERE rowid=?", (rowid,)):
                names[sel_id] = name
        items: dict[int, list[tuple[int, int, str]]] = {}
        top = rows("SELECT max(rowid) FROM selection_items")
        last = top[0][0] if top and top[0][0] else 0
        sql = ("SELECT rowid, selection_id, position, paragraph_id FROM selection_items "
               "WHERE rowid BETWEEN ? AND ?")
        chunk, start, misses = 256, 1, 0
        while start <= last or (not last and misses < 20):
            end = start + chunk - 1
            try:
                got = conn.execute(sql, (start, end)).fetchall()
            except (sqlite3.DatabaseError, UnicodeDecodeError):
                # a damaged page in this range: row by row around it
                got = [r for rowid in range(start, end + 1) for r in rows(
                    sql, (rowid, rowid))]
            misses = 0 if got else misses + 1
            for rowid, sel_id, position, pid in got:
                items.setdefault(sel_id, []).append((position, rowid, pid))
            start = end + 1
        # pairs only the index still holds go after the ordered ones
        have = {(sel_id, pid) for sel_id, entries in items.items() for _, _, pid in entries}
        for sel_id, pid in rows("SELECT selection_id, paragraph_id FROM selection_items "
                                "INDEXED BY sqlite_autoindex_selection_items_1 "
                                "WHERE selection_id > -1"):
            if (sel_id, pid) not in have:
                items.setdefault(sel_id, []).append((1 << 62, 0, pid))
        for sel_id, entries in items.items():
            if sel_id not in names:
                continue      # items of a selection whose name is lost
            found[names[sel_id]] = [pid for _, _, pid in sorted(entries)]
    finally:
        conn.close()
    return found


#: Tables copied row by row into the fresh file, as they are (bookmarks,
#: notes: user data version 2).
PLAIN_TABLES = ("bookmark_folders", "bookmarks", "notes")


def _read_rows(conn: sqlite3.Connection, table: str) -> tuple[list[str], list[tuple]]:
    """(columns, rows) of ``table`` that can still be read: ranges of rowids,
    row by row inside a range that meets a damaged page."""
    try:
        columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
        top = conn.execute(f'SELECT max(rowid) FROM "{table}"').fetchone()[0] or 0
    except (sqlite3.DatabaseError, UnicodeDecodeError):
        return [], []
    if not columns:
        return [], []
    sql = f'SELECT {", ".join(columns)} FROM "{table}" WHERE rowid BETWEEN ? AND ?'
    found: list[tuple] = []
    for start in range(1, top + 1, 256):
        end = start + 255
        try:
            found += conn.execute(sql, (start, end)).fetchall()
        except (sqlite3.DatabaseError, UnicodeDecodeError):
            for rowid in range(start, end + 1):
                try:
                    found += conn.execute(sql, (rowid, rowid)).fetchall()
                except (sqlite3.DatabaseError, UnicodeDecodeError):
                    pass
    return columns, found


def _salvage_plain(path: Path) -> dict[str, tuple[list[str], list[tuple]]]:
    try:
        conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error:
        return {}
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
    try:
        return {table: _read_rows(conn, table) for table in PLAIN_TABLES}
    finally:
        conn.close()


def _probe(path: str | Path) -> str | None:
    """Why the file is damaged, read without writing to it (so the copy
    moved aside is the file as it was), or None when it reads whole or
    does not exist yet."""
    path = Path(path)
    if str(path) == ":memory:" or not path.is_file():
        return None
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error:
        return None            # cannot even look: SelectionStore will say why
    try:
        row = conn.execute("PRAGMA quick_check(1)").fetchone()
        if not row or row[0] != "ok":
            return f"the user-data file {path} is damaged: {row[0] if row else 'no answer'}"
        for (table,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
            conn.execute(f'SELECT * FROM "{table}"').fetchall()
    except sqlite3.OperationalError as exc:
        return f"the user-data file {path} is damaged: {exc}" if is_damage(exc) else None
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        return f"the user-data file {path} is unusable: {error_text(exc)}"
    finally:
        conn.close()
    return None


def move_aside(path: Path) -> Path:
    """Rename a damaged file (and its WAL/SHM companions) with a timestamp."""
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.stem}.damaged-{stamp}-{n}{path.suffix}")
    path.replace(target)
    for suffix in ("-wal", "-shm"):
        companion = Path(str(path) + suffix)
        if companion.exists():
            companion.replace(Path(str(target) + suffix))
    return target


def open_or_recover(path: str | Path) -> tuple[SelectionStore, Recovery | None]:
    """Open the user-data file; if it is damaged, salvage what can be read,
    move the file aside with a timestamp (never deleted) and start a fresh
    one holding the salvaged selections. UserDataError for other problems
    (another version, a folder that cannot be written): the caller decides."""
    reason = _probe(path)
    if reason is None:
        try:
            return SelectionStore(path), None
        except UserDataDamaged as exc:
            reason = str(exc)
    path = Path(path)
    salvaged = _salvage(path)
    plain = _salvage_plain(path)
    try:
        moved = move_aside(path)
    except OSError as exc:
        raise UserDataError(f"the user-data file {path} is damaged and cannot be moved "
                            f"aside: {exc.strerror}") from None
    store = SelectionStore(path)
    items = 0
    with store._guarded("restore the salvaged selections"), store._transaction() as conn:
        for name, ids in salvaged.items():
            ids = list(dict.fromkeys(ids))
            items += len(ids)
            if name is None:
                store._write_items(conn, CURRENT_ID, ids)
            else:
                store._write_items(conn, store._new_selection(conn, name), ids)
        for table, (columns, rows) in plain.items():
            have = {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}
            keep = [i for i, c in enumerate(columns) if c in have]
            if not rows or not keep:
                continue
            names = ", ".join(columns[i] for i in keep)
            conn.executemany(
                f'INSERT OR IGNORE INTO "{table}" ({names}) VALUES '
                f'({", ".join("?" * len(keep))})',
                [tuple(row[i] for i in keep) for row in rows])
            items += len(rows)
    named = sum(1 for name in salvaged if name is not None)
    return store, Recovery(moved, named, items, reason)
