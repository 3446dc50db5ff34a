"""The user-data schema, version by version.

A file written by an older program is brought forward step by step inside
the opening transaction, so an interrupted upgrade leaves the old version
whole. Steps only add tables and columns: nothing the user saved is lost.
Version 1 (selections) is created by store.py; later versions are here.
"""

from __future__ import annotations

import sqlite3

#: The version this program writes.
LATEST = 2

#: (version reached, statements): applied in order to anything older.
STEPS: list[tuple[int, str]] = [
    (2, """
CREATE TABLE IF NOT EXISTS bookmark_folders (
    name TEXT PRIMARY KEY,          -- '' is never stored: it is the top level
    created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS bookmarks (
    id INTEGER PRIMARY KEY,
    paragraph_id TEXT NOT NULL,
    folder TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    UNIQUE (paragraph_id, folder)
);
CREATE TABLE IF NOT EXISTS notes (
    id INTEGER PRIMARY KEY,
    paragraph_id TEXT NOT NULL,
    text TEXT NOT NULL,
    created TEXT NOT NULL,
    modified TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS notes_paragraph ON notes (paragraph_id);
"""),
]


def upgrade(conn: sqlite3.Connection, found: int) -> int:
    """Apply every step above ``found`` (inside the caller's transaction) and
    record the new version; returns it. A file from a newer program is
    refused (DatabaseError) rather than guessed at."""
    if found > LATEST:
        raise sqlite3.DatabaseError(
            f"user-data version {found}, this program reads up to {LATEST}")
    for version, script in STEPS:
        if version <= found:
            continue
        for statement in script.strip().split(";"):
            if statement.strip():
                conn.execute(statement)
        found = version
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('version', ?)", (str(found),))
    return found
