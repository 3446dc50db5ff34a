"""Every command-line entry point works when stdout is a Windows code page.

A piped stdout on a Windows runner gets cp1252; PYTHONIOENCODING=cp1252
reproduces that here. Each command prints Arabic (a report line, a result,
a message, its --help), so without desktop.console.utf8_streams each of
these would end in UnicodeEncodeError.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from desktop.console import utf8_streams

ARABIC = "\u0600-\u06ff"


def run_cp1252(*args, timeout=180):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONUTF8",)}
    env.update(PYTHONIOENCODING="cp1252", QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, *args], capture_output=True, env=env, timeout=timeout)


def assert_clean(proc, status=0):
    both = (proc.stdout + proc.stderr).decode("utf-8")
    assert "Traceback" not in both and "UnicodeEncodeError" not in both, both[-2000:]
    assert proc.returncode == status, both[-2000:]
    return both


def has_arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


def test_content_build_prints_its_arabic_report(tmp_path):
    proc = run_cp1252("-m", "desktop.content", "build", "--out", tmp_path / "x.sqlite")
    out = assert_clean(proc)
    assert has_arabic(out) and "correction" in out
    assert (tmp_path / "x.sqlite").stat().st_size > 100_000


def test_search_prints_arabic_results(content_db_path):
    proc = run_cp1252("-m", "desktop.search", "--db", content_db_path, "--limit", "3",
                      "حماية الشهود")
    out = assert_clean(proc)
    assert has_arabic(out) and "result(s)" in out


def test_export_reports_an_unknown_arabic_locator(content_db_path, tmp_path):
    proc = run_cp1252("-m", "desktop.export", "--db", content_db_path,
                      "--html", tmp_path / "x.html", "الجزء ألف لا-شيء")
    err = assert_clean(proc, status=6)  # desktop.cli.EXIT_UNKNOWN_LOCATOR
    assert "الجزء ألف لا-شيء" in err
    assert not (tmp_path / "x.html").exists()


@pytest.mark.parametrize("module", ["desktop", "desktop.content", "desktop.export",
                                    "desktop.search", "desktop.userdata"])
def test_help_with_arabic_examples(module):
    proc = run_cp1252("-m", module, "--help", timeout=60)
    out = assert_clean(proc)
    assert "usage:" in out


def test_app_reports_an_unknown_arabic_locator(content_db_path):
    proc = run_cp1252("-m", "desktop", "--db", content_db_path, "--self-test",
                      "--open", "الجزء ألف لا-شيء")
    err = proc.stderr.decode("utf-8")
    assert "Traceback" not in err and "UnicodeEncodeError" not in err, err
    assert proc.returncode not in (0, 1), err  # the unknown-locator status, not a crash or a pass
    assert "الجزء ألف لا-شيء" in err, err


def test_utf8_streams_leaves_missing_streams_alone(monkeypatch):
    """A windowed frozen app on Windows has no stdout at all."""
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    utf8_streams()  # must not raise
