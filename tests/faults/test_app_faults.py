"""Hostile text in the window, two windows on one user-data file, the log,
`--version`, and the installed app's messages."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from desktop import __main__ as app_main
from desktop import cli, log
from desktop.userdata import SelectionStore
from tests.faults.conftest import assert_clean, run_process

HOSTILE = '<img src="/some/local.png"><b>x</b>'


@pytest.fixture
def window(qtbot, content_db_path, tmp_path):
    from desktop.__main__ import build_main_window
    from desktop.app.application import create_application
    from desktop.app.settings import AppSettings
    from desktop.content.store import open_store

    create_application()
    made = []

    def make(user_data=":memory:"):
        w = build_main_window(open_store(content_db_path), AppSettings(tmp_path / "s.ini"),
                              remember=False, user_data=str(user_data))
        qtbot.addWidget(w)
        made.append(w)
        return w
    yield make
    for w in made:
        w.search_panel.shutdown()


def test_no_results_label_shows_the_query_as_typed(window, qtbot):
    panel = window().search_panel
    with qtbot.waitSignal(panel.results_shown, timeout=10000):
        panel.set_query(HOSTILE, immediately=True)
    assert panel.message.textFormat() == Qt.TextFormat.PlainText
    assert HOSTILE in panel.message.text()


def test_name_exists_question_is_plain_text(window, monkeypatch):
    panel = window().selection_panel
    panel.add_paragraphs(["A07/13"])
    assert panel.save_named(HOSTILE)
    shown = []

    def exec_(box):
        shown.append((box.textFormat(), box.text()))
        return QMessageBox.StandardButton.No
    monkeypatch.setattr(QMessageBox, "exec", exec_)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (HOSTILE, True))
    assert panel.save_as_dialog() is False
    (fmt, text), = shown
    assert fmt == Qt.TextFormat.PlainText and HOSTILE in text


def test_two_windows_on_one_user_data_file(window, tmp_path, monkeypatch):
    """Fault 10: the other window's change made move/reorder raise ValueError."""
    path = tmp_path / "shared" / "userdata.sqlite"
    first = window(path).selection_panel
    first.add_paragraphs(["A07/13", "A07/14", "A07/15"])
    other = SelectionStore(path)                  # the second instance
    other.remove(["A07/14"])
    warned = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: warned.append(box.text()) or 0)
    errors = []
    monkeypatch.setattr(sys, "excepthook", lambda *exc: errors.append(exc))
    first.list.setCurrentRow(1)                   # still shows A07/14
    first.move_current(1)
    assert errors == [] and warned == []
    assert first.ids() == ["A07/13", "A07/15"] == other.items()
    other.add(["A07/16"])                         # back to the first window
    first._on_app_state(Qt.ApplicationState.ApplicationActive)
    assert first.ids()[-1] == "A07/16"


def test_error_dialog_names_the_log_and_copies_its_end(monkeypatch, qtbot):
    from desktop.app import errors

    boxes = []
    monkeypatch.setattr(errors, "show_box", boxes.append)
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError as exc:
        errors.unexpected_error(type(exc), exc, exc.__traceback__)
    box, = boxes
    path = log.log_path()
    assert str(path) in box.text() and "python" not in box.text().lower()
    assert "boom in a slot" in path.read_text(encoding="utf-8")
    copy = [b for b in box.buttons() if b.text() == "نسخ آخر سطور السجل"][0]
    copy.click()
    assert "RuntimeError: boom in a slot" in QApplication.clipboard().text()


def test_version_prints_version_and_edition(run_main, content_db_path):
    import desktop

    ran = run_main(app_main.run, ["--db", content_db_path, "--version"])
    assert_clean(ran, cli.EXIT_OK)
    assert desktop.__version__ in ran.out and "الطبعة" in ran.out and "(2021)" in ran.out


def test_installed_app_messages_name_no_python_command(monkeypatch, tmp_path, run_main):
    from desktop.content.database import DatabaseMissing

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert "python" not in DatabaseMissing(tmp_path, "x").arabic
    ran = run_main(app_main.run, ["--db", tmp_path / "none.sqlite", "--self-test"])
    assert_clean(ran, cli.EXIT_NO_DATABASE)
    arabic = ran.err.split("(")[0]
    assert "python" not in arabic and "أعد تثبيت البرنامج" in arabic


def test_a_crash_leaves_its_stack_in_the_log_folder(tmp_path):
    done = run_process("-c", "from desktop import log; log.setup(); "
                             "import faulthandler; faulthandler._sigsegv()",
                       env_extra={"XDG_DATA_HOME": str(tmp_path)})
    assert done.returncode != 0
    crash = tmp_path / "UNODC-TA-Compendium" / "compendium" / "logs" / "crash.log"
    assert "Fatal Python error" in crash.read_text(encoding="utf-8")


def test_unexpected_error_in_a_command_is_one_line_and_logged(run_main, monkeypatch):
    from desktop.content import __main__ as content_cli

    def broken(*a, **k):
        raise RuntimeError("a bug")
    monkeypatch.setattr(content_cli.builder, "open_db", broken)
    ran = run_main(content_cli.main, ["check"])
    assert_clean(ran, cli.EXIT_INTERNAL)
    assert str(log.log_path()) in ran.err
    assert "RuntimeError: a bug" in log.log_path().read_text(encoding="utf-8")


def test_the_log_folder_is_qts_app_data_folder():
    from desktop.userdata.__main__ import app_data_folder

    assert log.app_data_dir() == app_data_folder()
