import pytest

from tests.unit.export.fixture_db import make_content_db


@pytest.fixture
def fixture_db_path(tmp_path):
    (tmp_path / "db").mkdir()
    return make_content_db(tmp_path / "db" / "content.sqlite", extra_paragraphs=60)


@pytest.fixture
def fixture_db(fixture_db_path):
    """The fixture database through the one read path, a ContentStore."""
    from desktop.content.store import open_store
    store = open_store(fixture_db_path)
    yield store
    store.close()
