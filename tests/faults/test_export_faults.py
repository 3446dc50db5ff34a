"""Exports onto hostile targets and with hostile arguments: a message, the
documented exit code, and the earlier file untouched."""

from __future__ import annotations

import errno
import os
import stat

import pytest

from desktop import cli
from desktop.export import files
from desktop.export.__main__ import main as export_main
from tests.faults.conftest import assert_clean
from tests.unit.export import pdftools

FORMATS = ("pdf", "docx", "html")
EARLIER = b"the earlier export, which must survive"


def _export(run_main, db, fmt, target, *extra):
    return run_main(export_main, ["--db", db, f"--{fmt}", target, *extra, "A07/13", "A07/14"])


def _short_write(limit: int):
    """os.write as on a disk with ``limit`` bytes left: short writes, then 0."""
    left = {"bytes": limit}

    def write(fd, data):
        n = min(len(data), left["bytes"], 4096)
        if n <= 0:
            return 0
        left["bytes"] -= n
        return os.write(fd, bytes(data[:n]))
    return write


@pytest.mark.parametrize("fmt", FORMATS)
def test_full_disk_keeps_the_earlier_file(fmt, content_db_path, run_main, tmp_path,
                                          monkeypatch):
    target = tmp_path / f"brief.{fmt}"
    target.write_bytes(EARLIER)
    monkeypatch.setattr(files, "_os_write", _short_write(500))
    ran = _export(run_main, content_db_path, fmt, target)
    assert_clean(ran, cli.EXIT_CANNOT_WRITE)
    assert "لا توجد مساحة كافية على القرص" in ran.err
    assert "wrote" not in ran.out
    assert target.read_bytes() == EARLIER
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]   # no debris


def test_enospc_from_the_system_is_the_same_message(content_db_path, run_main, tmp_path,
                                                   monkeypatch):
    def full(fd, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(files, "_os_write", full)
    ran = _export(run_main, content_db_path, "pdf", tmp_path / "x.pdf")
    assert_clean(ran, cli.EXIT_CANNOT_WRITE)
    assert "لا توجد مساحة كافية على القرص" in ran.err


def test_truncated_pdf_is_refused_before_the_replace(content_db_path, tmp_path, monkeypatch):
    """The re-read check: a PDF that lost its end never replaces the earlier one."""
    from desktop.export.pdf import check_pdf

    assert check_pdf(b"%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n", 1) is not None
    target = tmp_path / "brief.pdf"
    target.write_bytes(EARLIER)
    real = files._write_all
    monkeypatch.setattr(files, "_write_all", lambda fd, data: real(fd, data[:len(data) // 2]))
    with pytest.raises(files.ExportError, match="لا يطابق|غير مكتمل"):
        files.write_atomically(target, lambda: b"%PDF-1.4 whole " * 100,
                               lambda data: check_pdf(data, 1))
    assert target.read_bytes() == EARLIER


def test_a_good_pdf_has_its_trailer_and_pages(content_db_path, run_main, tmp_path):
    target = tmp_path / "brief.pdf"
    ran = _export(run_main, content_db_path, "pdf", target, "--one-per-page")
    assert_clean(ran, cli.EXIT_OK)
    assert pdftools.page_count(target) == 2
    assert target.read_bytes().rstrip().endswith(b"%%EOF")


@pytest.mark.parametrize("fmt", FORMATS)
def test_read_only_file_is_refused(fmt, content_db_path, run_main, tmp_path):
    target = tmp_path / f"brief.{fmt}"
    target.write_bytes(EARLIER)
    target.chmod(0o444)
    ran = _export(run_main, content_db_path, fmt, target)
    assert_clean(ran, cli.EXIT_CANNOT_WRITE)
    assert "للقراءة فقط" in ran.err
    assert target.read_bytes() == EARLIER
    assert stat.S_IMODE(target.stat().st_mode) == 0o444


def test_read_only_folder_is_refused(content_db_path, run_main, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        ran = _export(run_main, content_db_path, "html", folder / "x.html")
        assert_clean(ran, cli.EXIT_CANNOT_WRITE)
        assert "للقراءة فقط" in ran.err
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_symlink_target_is_written_and_the_link_kept(content_db_path, run_main, tmp_path):
    real = tmp_path / "real.html"
    real.write_bytes(EARLIER)
    real.chmod(0o640)
    link = tmp_path / "link.html"
    link.symlink_to(real)
    ran = _export(run_main, content_db_path, "html", link)
    assert_clean(ran, cli.EXIT_OK)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert "A07/13" in real.read_text(encoding="utf-8") or "سابعاً" in real.read_text(
        encoding="utf-8")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640        # its mode kept


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_non_regular_targets_are_refused(kind, content_db_path, run_main, tmp_path):
    if kind == "fifo":
        target = tmp_path / "pipe.html"
        os.mkfifo(target)
    elif kind == "device":
        target = "/dev/null"
    else:
        target = tmp_path / "folder.html"
        target.mkdir()
    ran = _export(run_main, content_db_path, "html", target)
    assert_clean(ran, cli.EXIT_CANNOT_WRITE)
    assert "ليس ملفاً عادياً" in ran.err or "مجلد" in ran.err
    if kind == "fifo":
        assert stat.S_ISFIFO(os.stat(target).st_mode)


@pytest.mark.parametrize("argv, words", [
    (["--pdf", ""], "اسم الملف"),
    (["--docx", "{tmp}/x.docx", "--title", "bad\x01"], "محرف تحكم"),
    (["--html", "{tmp}/x.html", "--title", "bad\udcff"], "بايتات"),
    (["--docx", "{tmp}/x.docx", "--title", "bad\udcff"], "بايتات"),
])
def test_bad_arguments_are_messages(argv, words, content_db_path, run_main, tmp_path):
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    ran = run_main(export_main, ["--db", content_db_path, *argv, "A07/13"])
    assert_clean(ran, cli.EXIT_USAGE)
    assert words in ran.err
    assert list(tmp_path.iterdir()) == []


def test_bad_bytes_on_a_real_command_line(content_db_path, tmp_path):
    """The bytes reach Python as surrogates (surrogateescape): a message, no traceback."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable.encode(), b"-m", b"desktop.export", b"--db",
         str(content_db_path).encode(), b"--html", str(tmp_path / "x.html").encode(),
         b"--title", b"bad\xff", b"A07/13"],
        capture_output=True, timeout=60, cwd=pdftools.__file__.rsplit("/tests/", 1)[0],
        env=dict(os.environ, PYTHONIOENCODING="utf-8"))
    assert_clean(done, cli.EXIT_USAGE)
    assert not (tmp_path / "x.html").exists()
