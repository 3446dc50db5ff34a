"""How each start-up problem is reported: an Arabic dialog, a line on stderr, an exit status."""

from __future__ import annotations

import pytest

from desktop import __main__ as entry
from desktop.app import errors
from tests.helpers.reader_db import make_reader_db


# --- start-up errors: an Arabic dialog, a line on stderr, an exit status ---

@pytest.fixture
def dialogs(monkeypatch, app):
    shown = []
    monkeypatch.setattr(errors, "show_box", lambda box: shown.append(
        (box.windowTitle(), box.text(), box.layoutDirection())))
    return shown


def _run(argv, capsys):
    status = entry.main(argv)
    return status, capsys.readouterr().err


def test_missing_database_message(dialogs, capsys, tmp_path):
    status, err = _run(["--db", str(tmp_path / "absent.sqlite")], capsys)
    assert status == errors.EXIT_NO_DATABASE
    (title, text, direction), = dialogs
    assert title == "قاعدة البيانات غير موجودة"
    assert "absent.sqlite" in text and "python -m desktop.content build" in text
    assert str(direction).endswith("RightToLeft")
    assert "database not found" in err and "Traceback" not in err


def test_corrupt_database_message(dialogs, capsys, tmp_path):
    path = tmp_path / "broken.sqlite"
    path.write_bytes(b"\x00garbage" * 500)
    status, err = _run(["--db", str(path)], capsys)
    assert status == errors.EXIT_CORRUPT_DATABASE
    assert dialogs[0][0] == "قاعدة البيانات تالفة"
    assert "broken.sqlite" in dialogs[0][1]
    assert "not a usable content database" in err


def test_unknown_schema_version_message(dialogs, capsys, tmp_path):
    path = make_reader_db(tmp_path / "future.sqlite", schema_version=7)
    status, err = _run(["--db", str(path)], capsys)
    assert status == errors.EXIT_SCHEMA
    assert dialogs[0][0] == "إصدار قاعدة البيانات غير مدعوم"
    assert "schema version 7" in err


def test_unknown_locator_message_headless(dialogs, capsys, tiny_db_path, tmp_path):
    status, err = _run(["--db", str(tiny_db_path), "--open", "الجزء ألف عاشراً-99",
                        "--screenshot", str(tmp_path / "x.png")], capsys)
    assert status == errors.EXIT_UNKNOWN_LOCATOR
    assert "unknown locator: الجزء ألف عاشراً-99" in err
    assert not (tmp_path / "x.png").exists()
    assert dialogs == []  # headless runs print, they do not block on a dialog


def test_unknown_locator_in_the_gui_shows_a_dialog_and_opens_anyway(
        dialogs, capsys, tiny_db_path, monkeypatch, app):
    from desktop.app.main_window import MainWindow
    opened = []
    monkeypatch.setattr(type(app), "exec", lambda self: 0)
    monkeypatch.setattr(MainWindow, "open_start",
                        lambda self, pid=None: opened.append(pid) or True)
    # keep the user's data folder and this process's SIGINT handler untouched
    import desktop.app.personal as personal
    import desktop.app.search as search
    import desktop.app.selection as selection
    monkeypatch.setattr(selection, "install_selection", lambda *a, **k: None)
    monkeypatch.setattr(personal, "install_personal", lambda *a, **k: None)
    monkeypatch.setattr(search, "install_search", lambda *a, **k: None)
    monkeypatch.setattr(entry, "close_on_interrupt", lambda window: None)
    monkeypatch.setattr(errors, "install_excepthook", lambda: None)
    status, err = _run(["--db", str(tiny_db_path), "--open", "لا شيء"], capsys)
    assert status == 0
    import gc
    assert gc.isenabled()  # off for the start, on again once main returns
    assert dialogs[0][0] == "موضع غير معروف" and "لا شيء" in dialogs[0][1]
    assert opened == [None]
    for widget in app.topLevelWidgets():
        if isinstance(widget, MainWindow):
            widget.remember = False
            widget.close()


def test_open_locator_forms(tiny_db_path):
    from desktop.content.store import open_store
    from desktop.content.locate import resolve
    store = open_store(tiny_db_path)
    assert resolve(store, "A07/13") == ["A07/13"]
    assert resolve(store, "الجزء ألف سابعاً-13") == ["A07/13"]
    assert resolve(store, "سابعاً-12") == ["A07/12"]
    assert resolve(store, "ثامناً-12") == []


def test_an_unexpected_error_is_reported_and_the_app_goes_on(dialogs, capsys):
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        errors.unexpected_error(type(exc), exc, exc.__traceback__)
    (title, text, _direction), = dialogs
    assert title == "خطأ غير متوقع" and "لم يُفقد شيء" in text
    err = capsys.readouterr().err
    assert "RuntimeError: boom" in err and "Traceback" in err  # for the bug report
