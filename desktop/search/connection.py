"""Opening a content database for searching: its search index must be there
and of the version this program reads (SearchError otherwise)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TypeAlias

from desktop.content.database import ContentDatabaseError, HasConnection, open_readonly, reading
from desktop.content.store import ContentStore
from desktop.search.index import DOCS_TABLE, INDEX_VERSION, INFO_TABLE


#: What the search functions accept as their database: an open connection, a
#: path (opened through connect), or what holds a connection (the build's
#: sqlite-utils Database; a ContentStore keeps its connection to itself).
Searchable: TypeAlias = "sqlite3.Connection | str | Path | HasConnection"


class SearchError(ContentDatabaseError):
    """The database cannot be searched (missing, not a content database, no
    index): one of the content opener's errors (``kind``, ``arabic``)."""

    def __init__(self, detail: str, path: Path | str | None = None, kind: str | None = None):
        super().__init__(path, detail, kind)


def connect(path: Path | str, *, check: bool = True) -> sqlite3.Connection:
    """Open a content database read-only for searching (through the one opener,
    desktop.content.database); SearchError if unusable. ``check=False`` skips
    the page check for a file the app has already opened and checked."""
    path = Path(path)
    try:
        conn = open_readonly(path, check=check)
    except ContentDatabaseError as exc:
        raise SearchError(str(exc), path, exc.kind) from None
    try:
        with reading(path):
            conn.execute(f"SELECT 1 FROM {DOCS_TABLE} LIMIT 1").fetchall()
            row = conn.execute(
                f"SELECT value FROM {INFO_TABLE} WHERE key = 'version'").fetchone()
    except ContentDatabaseError as exc:
        conn.close()
        if "no such table" in str(exc):
            raise SearchError(f"database {path} has no search index", path,
                              "no-index") from None
        raise SearchError(str(exc), path, exc.kind) from None
    if not row or row[0] != INDEX_VERSION:
        conn.close()
        raise SearchError(f"database {path} has a search index of another version "
                          f"({row[0] if row else 'none'}, this program reads {INDEX_VERSION})",
                          path, "no-index")
    return conn


def as_connection(db: Searchable) -> sqlite3.Connection:
    if isinstance(db, sqlite3.Connection):
        return db
    if isinstance(db, (str, Path)):
        return connect(db)
    conn = getattr(db, "conn", None)
    if isinstance(conn, sqlite3.Connection):
        return conn
    raise SearchError(f"cannot search {db!r}: not a database")


def content_store(conn: sqlite3.Connection) -> ContentStore:
    """The content layer's reader over the search connection (one file holds
    both): search reads its own tables here and asks the store for
    paragraphs, nodes and documents."""
    return ContentStore.over(conn, getattr(conn, "path", ""))
