"""desktop/log.py: the log file under the app-data folder (as Qt names it),
set up once, exceptions written with their traceback, its last lines read
back. (A crash in a fresh process: tests/faults/test_app_faults.py.)"""

from __future__ import annotations

import logging
import sys

import pytest

from desktop import log


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """A log state of its own, under tmp_path, and the root logger restored."""
    monkeypatch.setattr(log, "_state", log._State())
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield tmp_path
    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_app_data_dir_per_platform(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    assert log.app_data_dir() == tmp_path / "Roaming" / log.ORGANIZATION / log.APP_NAME
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert log.app_data_dir() == tmp_path / "share" / log.ORGANIZATION / log.APP_NAME
    assert log.log_path() == log.app_data_dir() / "logs" / log.LOG_NAME


def test_setup_once_and_record_an_exception(fresh):
    path = log.setup(crashes=False)
    assert path == fresh / log.ORGANIZATION / log.APP_NAME / "logs" / log.LOG_NAME
    assert log.setup(crashes=False) == path          # once: no second handler
    try:
        raise RuntimeError("خطأ للتجربة")
    except RuntimeError as exc:
        assert log.record_exception(exc) == path
    text = path.read_text(encoding="utf-8")
    assert "خطأ للتجربة" in text and "Traceback" in text and "ERROR desktop" in text
    assert "خطأ للتجربة" in log.last_lines(5)
    assert len(log.last_lines(1).splitlines()) == 1


def test_an_unwritable_folder_gives_no_log_and_no_error(fresh):
    (fresh / log.ORGANIZATION).write_text("a file where the folder should be")
    assert log.setup(crashes=False) is None
    assert log.last_lines() == ""


def test_the_file_rotates_and_its_handler_waits_for_the_first_record(fresh, monkeypatch):
    """logging.handlers is imported on the first record, not by setup()
    (the app's first paint); the file still rotates at MAX_BYTES."""
    monkeypatch.setattr(log, "MAX_BYTES", 2000)
    monkeypatch.delitem(sys.modules, "logging.handlers", raising=False)
    path = log.setup(crashes=False)
    assert path is not None and path.exists()
    assert "logging.handlers" not in sys.modules
    logger = logging.getLogger("desktop.test")
    for n in range(60):
        logger.warning("سطر %d من سجل طويل بما يكفي ليُدار الملف", n)
    assert "logging.handlers" in sys.modules
    assert path.with_name(path.name + ".1").exists()  # rotated
    assert "سطر 59" in log.last_lines(1)
