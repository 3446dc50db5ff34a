"""desktop/content/database.py: the one opener of the content database
(read-only, through a quoted file: URI), what it refuses and why, and the
text values that held invalid UTF-8."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.content.database import (PAGE_CACHE_KIB, REPLACEMENT, ContentDatabaseError, DamagedText,
                                       DatabaseCorrupt, DatabaseMissing, DatabaseVersion,
                                       damaged_rows, open_readonly, reading, uri)
from desktop.content.store import StoreError, open_store
from tests.helpers.reader_db import make_reader_db


def test_missing_database_is_refused(tmp_path):
    with pytest.raises(StoreError) as err:
        open_store(tmp_path / "nowhere.sqlite")
    assert err.value.kind == "missing"
    assert "nowhere.sqlite" in str(err.value)


def test_garbage_file_is_refused_as_corrupt(tmp_path):
    path = tmp_path / "junk.sqlite"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError) as err:
        open_store(path)
    assert err.value.kind == "corrupt"


def test_damaged_pages_inside_the_file_are_refused(tmp_path):
    path = make_reader_db(tmp_path / "damaged.sqlite")
    size = path.stat().st_size
    assert size >= 4 * 4096
    with open(path, "r+b") as f:  # the header stays intact, later pages do not
        f.seek(size - 3 * 4096)
        f.write(bytes(range(256)) * 48)
    with pytest.raises(StoreError) as err:
        open_store(path)
    assert err.value.kind == "corrupt"


def test_sqlite_file_without_content_tables_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError) as err:
        open_store(path)
    assert err.value.kind == "corrupt"
    assert "metadata" in str(err.value)


def test_other_schema_version_is_refused(tmp_path):
    path = make_reader_db(tmp_path / "v99.sqlite", schema_version=99)
    with pytest.raises(StoreError) as err:
        open_store(path)
    assert err.value.kind == "schema"
    assert "99" in str(err.value) and "rebuild" in str(err.value)


# --- the opener itself ----------------------------------------------------------

def test_open_readonly_reads_and_refuses_writes(tmp_path):
    path = make_reader_db(tmp_path / "ok.sqlite")
    conn = open_readonly(path)
    try:
        assert conn.path == path and conn.damaged == 0
        assert conn.execute("SELECT count(*) FROM paragraphs").fetchone()[0] > 0
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            conn.execute("DELETE FROM paragraphs")
    finally:
        conn.close()


def test_the_uri_quotes_every_special_character(tmp_path):
    folder = tmp_path / "مجلد #1 ?&%"
    folder.mkdir()
    path = make_reader_db(folder / "قاعدة.sqlite")
    assert uri(path).startswith("file:///") and uri(path).endswith("?mode=ro")
    assert "#" not in uri(path) and " " not in uri(path)
    open_readonly(path).close()        # the file itself, not a truncated name


def test_error_kinds_and_their_classes(tmp_path):
    with pytest.raises(DatabaseMissing) as missing:
        open_readonly(tmp_path / "none.sqlite")
    assert missing.value.kind == "missing" and missing.value.arabic
    with pytest.raises(DatabaseVersion) as version:
        open_readonly(make_reader_db(tmp_path / "v7.sqlite", schema_version=7))
    assert version.value.kind == "schema"
    assert isinstance(missing.value, ContentDatabaseError)


def test_reading_turns_a_sqlite_failure_into_database_corrupt(tmp_path):
    with pytest.raises(DatabaseCorrupt) as err:
        with reading(tmp_path / "x.sqlite"):
            raise sqlite3.DatabaseError("database disk image is malformed")
    assert err.value.kind == "corrupt" and "malformed" in str(err.value)
    with pytest.raises(DatabaseMissing):     # its own errors pass through unchanged
        with reading(None):
            raise DatabaseMissing(None, "gone")


def test_invalid_utf8_is_read_as_damaged_text_and_found_by_damaged_rows(tmp_path):
    path = make_reader_db(tmp_path / "bad.sqlite")
    raw = sqlite3.connect(path)
    pid = raw.execute("SELECT id FROM paragraphs ORDER BY sort LIMIT 1").fetchone()[0]
    raw.execute("UPDATE paragraphs SET text = CAST(X'D8A7FF20' AS TEXT) WHERE id = ?", (pid,))
    raw.commit()
    raw.close()
    conn = open_readonly(path)
    try:
        text = conn.execute("SELECT text FROM paragraphs WHERE id = ?", (pid,)).fetchone()[0]
        assert isinstance(text, DamagedText) and text == "ا" + REPLACEMENT + " "
        assert conn.damaged == 1
        assert damaged_rows(conn) == [("paragraphs", pid, "text")]
    finally:
        conn.close()


def _sqlite_memory_used() -> int:
    """Bytes SQLite holds in this process (sqlite3_memory_used)."""
    import ctypes

    import _sqlite3

    used = ctypes.CDLL(_sqlite3.__file__).sqlite3_memory_used
    used.restype = ctypes.c_int64
    return used()


def test_the_page_cache_is_bounded_even_after_reading_every_page(content_db_path):
    assert content_db_path.stat().st_size > 4 * PAGE_CACHE_KIB * 1024  # more than the bound
    before = _sqlite_memory_used()
    conn = open_readonly(content_db_path)      # quick_check reads every page
    try:
        assert conn.execute("PRAGMA cache_size").fetchone()[0] == -PAGE_CACHE_KIB
        conn.execute("SELECT count(*), sum(length(text)) FROM paragraphs").fetchone()
        held = _sqlite_memory_used() - before
        # the cache, its page headers and the schema; SQLite's default let
        # it grow past 2 MiB here
        assert held < 2 * PAGE_CACHE_KIB * 1024, held
    finally:
        conn.close()


def test_the_checks_pages_leave_the_cache_once_checked(content_db_path, monkeypatch):
    """quick_check reads every page once; the views then read a few: the
    connection lets the checked pages go (PRAGMA shrink_memory) before it
    is handed out, keeping its bound for what is read next."""
    from desktop.content import database

    statements: list[str] = []
    plain_init = database.ContentConnection.__init__

    def traced_init(self, *args, **kwargs):
        plain_init(self, *args, **kwargs)
        self.set_trace_callback(statements.append)

    monkeypatch.setattr(database.ContentConnection, "__init__", traced_init)
    conn = open_readonly(content_db_path)
    try:
        pragmas = [s for s in statements if s.startswith("PRAGMA")]
        assert pragmas.index("PRAGMA shrink_memory") > pragmas.index("PRAGMA quick_check(1)")
        assert conn.execute("PRAGMA cache_size").fetchone()[0] == -PAGE_CACHE_KIB
        assert conn.execute("SELECT count(*) FROM paragraphs").fetchone()[0] > 0
    finally:
        conn.close()
    statements.clear()
    open_readonly(content_db_path, check=False).close()  # nothing checked, nothing to let go
    assert "PRAGMA shrink_memory" not in statements
