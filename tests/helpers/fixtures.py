"""Shared fixtures: one content database built once per test session."""

from __future__ import annotations

import pytest

from desktop.content import build as builder


@pytest.fixture(scope="session")
def content_db_path(tmp_path_factory):
    """A freshly built content database (built from data/sources)."""
    path = tmp_path_factory.mktemp("db") / "compendium.sqlite"
    builder.build(path)
    return path


@pytest.fixture(scope="session")
def content_db(content_db_path):
    return builder.open_db(content_db_path)


@pytest.fixture(scope="session")
def dump_rows(content_db):
    return list(builder.dump(content_db))
