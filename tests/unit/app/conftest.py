"""Fixtures for the widget tests: a tiny database, settings in a temp file,
and main windows that are closed after each test."""

from __future__ import annotations

import pytest

from desktop.app.application import create_application
from desktop.app.main_window import MainWindow
from desktop.app.settings import AppSettings
from desktop.content.store import open_store
from tests.helpers.reader_db import make_reader_db


@pytest.fixture(scope="session")
def tiny_db_path(tmp_path_factory):
    return make_reader_db(tmp_path_factory.mktemp("tinydb") / "tiny.sqlite")


@pytest.fixture
def app(qapp):
    return create_application()


@pytest.fixture
def settings_path(tmp_path):
    return tmp_path / "settings.ini"


@pytest.fixture
def make_window(app, qtbot, settings_path):
    """make_window(db_path) -> a shown MainWindow using temporary settings."""
    opened: list[MainWindow] = []

    def make(db_path, *, settings=None):
        store = open_store(db_path)
        window = MainWindow(store, settings or AppSettings(settings_path))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        opened.append(window)
        return window

    yield make
    for window in opened:
        if window.isVisible():
            window.close()
