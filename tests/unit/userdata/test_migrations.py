"""desktop/userdata/migrations.py: the schema's upgrade from the version-1
file (selections only) without losing anything; a newer file is refused."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.userdata import SelectionStore, UserDataError
from desktop.userdata.migrations import LATEST, STEPS, upgrade


V1_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE selections (id INTEGER PRIMARY KEY, name TEXT UNIQUE, saved_at TEXT NOT NULL);
CREATE TABLE selection_items (
    selection_id INTEGER NOT NULL REFERENCES selections(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, paragraph_id TEXT NOT NULL,
    PRIMARY KEY (selection_id, paragraph_id));
CREATE INDEX selection_items_order ON selection_items (selection_id, position);
INSERT INTO meta VALUES ('version', '1');
INSERT INTO selections VALUES (1, NULL, '2026-01-01T00:00:00+00:00');
INSERT INTO selections VALUES (2, 'قديمة', '2026-01-01T00:00:00+00:00');
INSERT INTO selection_items VALUES (1, 0, 'A07/13'), (1, 1, 'A07/9'), (2, 0, 'B6-r4/pp1');
"""


def test_a_version_1_file_is_upgraded_without_loss(tmp_path):
    path = tmp_path / "userdata.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript(V1_SCHEMA)
    conn.close()
    with SelectionStore(path) as s:
        assert s.items() == ["A07/13", "A07/9"]
        assert s.named_items("قديمة") == ["B6-r4/pp1"]
        s.add_bookmark("A07/13")
        s.add_note("A07/9", "ملاحظة")
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT value FROM meta WHERE key='version'").fetchone()[0] == str(LATEST)
    conn.close()
    with SelectionStore(path) as s:  # a second open changes nothing
        assert s.items() == ["A07/13", "A07/9"]
        assert len(s.bookmarks()) == 1 and len(s.notes()) == 1


def test_a_file_from_a_newer_program_is_refused_untouched(tmp_path):
    path = tmp_path / "userdata.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript(V1_SCHEMA.replace("('version', '1')", f"('version', '{LATEST + 1}')"))
    conn.close()
    before = path.read_bytes()
    with pytest.raises(UserDataError, match="version"):
        SelectionStore(path)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT value FROM meta WHERE key='version'").fetchone()[0] == str(LATEST + 1)
    assert "bookmarks" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert len(before) > 0


def _v1_connection() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.executescript(V1_SCHEMA)
    return conn


def test_upgrade_applies_every_later_step_and_records_the_version():
    conn = _v1_connection()
    assert upgrade(conn, 1) == LATEST
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"bookmarks", "bookmark_folders", "notes"} <= tables
    assert conn.execute("SELECT value FROM meta WHERE key='version'").fetchone()[0] == str(LATEST)
    # the selections are untouched
    assert conn.execute("SELECT count(*) FROM selection_items").fetchone()[0] == 3


def test_upgrade_at_the_latest_version_runs_no_step():
    conn = _v1_connection()
    assert upgrade(conn, LATEST) == LATEST
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "bookmarks" not in tables      # a step at or below `found` is not re-run


def test_upgrade_refuses_a_newer_version():
    conn = _v1_connection()
    with pytest.raises(sqlite3.DatabaseError, match=str(LATEST + 1)):
        upgrade(conn, LATEST + 1)


def test_steps_are_in_order_and_end_at_latest():
    versions = [v for v, _ in STEPS]
    assert versions == sorted(versions) and versions[-1] == LATEST
