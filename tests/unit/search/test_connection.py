"""Opening a database for searching: through the content opener, and only
with a search index of the version this program reads (SearchError with a
kind otherwise)."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from desktop.search.connection import SearchError, as_connection, connect
from desktop.search.index import INFO_TABLE
from tests.helpers.fixture_db import make_db


def test_a_built_index_opens(search_db_path):
    conn = connect(search_db_path)
    try:
        assert conn.execute("SELECT COUNT(*) FROM paragraphs").fetchone()[0] > 0
    finally:
        conn.close()


def test_a_missing_file_is_missing(tmp_path):
    with pytest.raises(SearchError) as caught:
        connect(tmp_path / "nowhere.sqlite")
    assert caught.value.kind == "missing"


def test_a_database_without_an_index_says_no_index(tmp_path):
    path = make_db(tmp_path / "bare.sqlite",
                   documents=[{"id": "compendium", "title": "الخلاصة", "sort": 1}])
    with pytest.raises(SearchError) as caught:
        connect(path)
    assert caught.value.kind == "no-index"


def test_an_index_of_another_version_says_no_index(search_db_path, tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copy(search_db_path, path)
    with sqlite3.connect(path) as conn:
        conn.execute(f"UPDATE {INFO_TABLE} SET value = 'old' WHERE key = 'version'")
    with pytest.raises(SearchError) as caught:
        connect(path)
    assert caught.value.kind == "no-index" and "old" in str(caught.value)


def test_as_connection_takes_a_connection_or_a_path_and_nothing_else(search_db_path):
    conn = connect(search_db_path)
    try:
        assert as_connection(conn) is conn
        other = as_connection(str(search_db_path))
        assert isinstance(other, sqlite3.Connection) and other is not conn
        other.close()
        with pytest.raises(SearchError):
            as_connection(42)
    finally:
        conn.close()
