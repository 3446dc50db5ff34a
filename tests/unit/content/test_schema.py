"""schema.py is the contract: the build makes exactly the tables it declares,
and the test fixture databases are made from the same declarations."""

from __future__ import annotations

import sqlite3

import pytest
import sqlite_utils

from desktop.content import schema
from tests.helpers.fixture_db import make_db


def _shape(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    """Each table and index: its columns (name, type, pk) or indexed columns."""
    shape = {}
    for name, kind in conn.execute(
            "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'index') "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"):
        if kind == "table":
            shape[name] = [(r[1], r[2], r[5]) for r in conn.execute(f'PRAGMA table_info("{name}")')]
        else:
            shape[name] = [r[2] for r in conn.execute(f'PRAGMA index_info("{name}")')]
    return shape


def _declared() -> dict[str, list[tuple]]:
    db = sqlite_utils.Database(sqlite3.connect(":memory:"))
    schema.create_all_tables(db)
    return _shape(db.conn)


def test_the_build_makes_exactly_the_declared_tables(content_db):
    built = _shape(content_db.conn)
    assert built == _declared()
    for table in ("links", "external_refs", "themes", "index_entries", "index_targets",
                  "index_numbering", "paragraph_quality", "text_corrections", "gaps",
                  "search_docs", "search_fts", "search_info", "search_themes", "search_vocab"):
        assert table in built, table


def test_declared_foreign_keys_are_built(content_db):
    declared = sqlite_utils.Database(sqlite3.connect(":memory:"))
    schema.create_all_tables(declared)
    for table in declared.table_names():
        if table.startswith("search_"):
            continue
        assert ({(fk.column, fk.other_table) for fk in content_db[table].foreign_keys}
                == {(fk.column, fk.other_table) for fk in declared[table].foreign_keys}), table
    assert ("paragraph_id", "paragraphs") in {
        (fk.column, fk.other_table) for fk in content_db["index_targets"].foreign_keys}


def test_the_module_docstring_names_every_table():
    db = sqlite_utils.Database(sqlite3.connect(":memory:"))
    schema.create_all_tables(db)
    tables = [t for t in db.table_names() if not t.startswith("search_fts_")]  # FTS5's own
    assert len(tables) == 21
    for table in tables:
        assert table in schema.__doc__, table


def test_fixture_databases_have_the_declared_shape_and_version(tmp_path):
    path = make_db(tmp_path / "f.sqlite", documents=[{"id": "d", "title": "ت", "sort": 1}])
    conn = sqlite3.connect(path)
    assert _shape(conn) == _declared()
    assert conn.execute("SELECT value FROM metadata WHERE key='schema_version'"
                        ).fetchone()[0] == str(schema.SCHEMA_VERSION) == "2"
    assert conn.execute("SELECT title FROM documents").fetchall() == [("ت",)]


def test_a_fixture_names_only_declared_tables(tmp_path):
    with pytest.raises(ValueError, match="no such table"):
        make_db(tmp_path / "f.sqlite", paragraph=[{"id": "x"}])
