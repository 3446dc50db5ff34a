import sqlite3

import pytest

from tests.unit.export.fixture_db import make_content_db


@pytest.fixture
def fixture_db_path(tmp_path):
    (tmp_path / "db").mkdir()
    return make_content_db(tmp_path / "db" / "content.sqlite", extra_paragraphs=60)


@pytest.fixture
def fixture_db(fixture_db_path):
    conn = sqlite3.connect(fixture_db_path)
    yield conn
    conn.close()
