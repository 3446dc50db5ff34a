"""desktop/export/files.py: an export file is written whole or not at all;
targets it must not touch are refused with an Arabic reason; a full disk
leaves the earlier file as it was. (The fault matrix over every format is
tests/faults/test_export_faults.py.)"""

from __future__ import annotations

import errno
import os
import stat

import pytest

from desktop.export import files
from desktop.export.files import (DISK_FULL, ExportError, writable_target, write_atomically,
                                  write_text_atomically)


def test_a_new_file_is_written_with_an_ordinary_mode(tmp_path):
    target = tmp_path / "out.html"
    assert write_atomically(target, lambda: b"<p>1</p>") == target
    assert target.read_bytes() == b"<p>1</p>"
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask
    assert [p.name for p in tmp_path.iterdir()] == ["out.html"]     # no temporary left


def test_an_overwritten_file_keeps_its_mode(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    target.chmod(0o640)
    write_text_atomically(target, "جديد")
    assert target.read_text(encoding="utf-8") == "جديد"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_symlink_is_followed_and_stays_a_link(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_text_atomically(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


@pytest.mark.parametrize("make, words", [
    (lambda p: p.mkdir(), "مجلد"),
    (lambda p: (p.write_text("x"), p.chmod(0o444)), "للقراءة فقط"),
    (lambda p: None, None),
])
def test_writable_target_refuses_folders_and_read_only_files(tmp_path, make, words):
    target = tmp_path / "t"
    make(target)
    if words is None:
        assert writable_target(target) == target.resolve()
    else:
        with pytest.raises(ExportError, match=words):
            writable_target(target)


def test_writable_target_refuses_no_name_and_a_missing_folder(tmp_path):
    for bad in ("", " ", "."):
        with pytest.raises(ExportError, match="لم يُذكر اسم الملف"):
            writable_target(bad)
    with pytest.raises(ExportError, match="غير موجود"):
        writable_target(tmp_path / "no-such-folder" / "out.pdf")
    with pytest.raises(ExportError, match="غير صالح"):
        writable_target(str(tmp_path / "a\x00b"))


def test_a_failed_verification_keeps_the_old_file(tmp_path):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    with pytest.raises(ExportError, match="ناقص"):
        write_atomically(target, lambda: b"new", verify=lambda data: "ناقص")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_text_a_format_cannot_hold_and_empty_output_are_errors(tmp_path):
    def bad():
        raise UnicodeEncodeError("cp1256", "x", 0, 1, "no")
    with pytest.raises(ExportError, match="محارف"):
        write_atomically(tmp_path / "a.txt", bad)
    with pytest.raises(ExportError, match="تعذّر إنشاء الملف"):
        write_atomically(tmp_path / "b.txt", lambda: b"")
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_says_so_and_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "out.docx"
    target.write_bytes(b"old")
    monkeypatch.setattr(files, "_os_write", lambda fd, data: 0)    # no progress: disk full
    with pytest.raises(ExportError) as err:
        write_atomically(target, lambda: b"new bytes")
    assert DISK_FULL in str(err.value) and "بقي الملف السابق" in str(err.value)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.docx"]


def test_a_short_write_is_resumed(tmp_path, monkeypatch):
    real_write = os.write
    monkeypatch.setattr(files, "_os_write", lambda fd, data: real_write(fd, bytes(data[:3])))
    write_atomically(tmp_path / "out.txt", lambda: b"abcdefghij")
    assert (tmp_path / "out.txt").read_bytes() == b"abcdefghij"


def test_permission_errors_read_as_not_allowed(tmp_path):
    err = files._os_error(tmp_path / "x", OSError(errno.EACCES, "denied"))
    assert "لا يُسمح بالكتابة" in str(err)
