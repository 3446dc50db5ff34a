"""desktop/cli.py: one exit-code convention and one line for every problem
(the codes each command gives end to end: tests/faults)."""

from __future__ import annotations

import errno

import pytest

from desktop import cli, log
from desktop.content.database import ContentDatabaseError


def _raises(exc):
    def main(argv):
        raise exc
    return main


@pytest.mark.parametrize("kind, code", [("missing", cli.EXIT_NO_DATABASE),
                                        ("schema", cli.EXIT_SCHEMA),
                                        ("no-index", cli.EXIT_SCHEMA),
                                        ("corrupt", cli.EXIT_CORRUPT_DATABASE)])
def test_database_errors_have_their_codes(kind, code, capsys):
    error = ContentDatabaseError("/x.sqlite", "detail", kind)
    assert cli.database_status(error) == code
    assert cli.run(_raises(error), [], "prog") == code
    err = capsys.readouterr().err
    assert err.startswith("prog: ") and err.count("\n") == 1


def test_run_maps_exits_interrupts_and_pipes():
    assert cli.run(lambda argv: 0, [], "p") == cli.EXIT_OK
    assert cli.run(lambda argv: 1, [], "p") == cli.EXIT_FINDINGS
    assert cli.run(_raises(SystemExit(2)), [], "p") == cli.EXIT_USAGE
    assert cli.run(_raises(SystemExit(None)), [], "p") == cli.EXIT_OK
    assert cli.run(_raises(SystemExit("bad")), [], "p") == cli.EXIT_USAGE
    assert cli.run(_raises(KeyboardInterrupt()), [], "p") == cli.EXIT_INTERRUPTED
    assert cli.run(_raises(BrokenPipeError()), [], "p") == cli.EXIT_OK


def test_an_os_error_is_one_arabic_line_and_code_7(capsys):
    code = cli.run(_raises(OSError(errno.ENOSPC, "No space left on device")), [], "export")
    assert code == cli.EXIT_CANNOT_WRITE
    assert capsys.readouterr().err == f"export: {cli.DISK_FULL} ([Errno 28] No space left on device)\n"
    assert cli.os_error_text(OSError(errno.EACCES, "denied")) == "لا يُسمح بالكتابة هنا (denied)"
    assert cli.os_error_text(OSError(errno.EIO, "I/O")) == "خطأ في النظام: I/O"


def test_an_unexpected_error_is_logged_and_named(monkeypatch, tmp_path, capsys):
    logged = []
    monkeypatch.setattr(log, "record_exception",
                        lambda exc: logged.append(exc) or tmp_path / "compendium.log")
    code = cli.run(_raises(ValueError("a bug")), [], "desktop")
    assert code == cli.EXIT_INTERNAL and isinstance(logged[0], ValueError)
    err = capsys.readouterr().err
    assert "حدث خطأ غير متوقع" in err and str(tmp_path / "compendium.log") in err
    assert "ValueError: a bug" in err and "Traceback" not in err


def test_say_keeps_one_line_and_drops_a_repeated_detail(capsys):
    cli.say("p", "سطر\nثان", "سطر\nثان")
    cli.say("p", "رسالة", "")
    assert capsys.readouterr().err == "p: سطر ثان\np: رسالة\n"
