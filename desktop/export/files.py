"""Writing an export file so that a failure leaves nothing half-written.

Every format produces its bytes in memory first; ``write_atomically`` then
refuses targets it must not touch (a folder, a device or other non-regular
file, a read-only file or folder), writes the bytes to a temporary file
beside the real target (a symlink is followed, so its target is written and
the link stays), re-reads that file and checks it (``verify``: for a PDF its
trailer and page count) and only then replaces the target. A full disk
gives «لا توجد مساحة كافية على القرص» and the earlier file stays as it was.

Qt's PDF writer reports a short write nowhere (``QPainter.end()`` may return
False, otherwise the PDF is silently truncated), which is why the PDF is
rendered into memory and written here, where every short write is seen.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import Callable

#: The Arabic sentence for a full disk (the same as desktop.cli.DISK_FULL).
DISK_FULL = "لا توجد مساحة كافية على القرص"


class ExportError(Exception):
    """The export could not be written; the message says why (in Arabic)."""


#: The one system call that writes export bytes (a test replaces it to inject
#: the short write of a full disk).
_os_write = os.write


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = _os_write(fd, view)
        if written <= 0:    # a write that makes no progress: the disk is full
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        view = view[written:]


def _os_error(path: Path, exc: OSError) -> ExportError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return ExportError(f"{DISK_FULL}؛ لم يُحفظ {path}، وبقي الملف السابق كما كان")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ExportError(f"تعذّر الحفظ: لا يُسمح بالكتابة في {path}")
    return ExportError(f"تعذّر الحفظ في {path}: {exc.strerror or exc}")


def _no_write_bits(mode: int) -> bool:
    return not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


def writable_target(path: str | Path) -> Path:
    """The regular file to write for ``path`` (symlinks followed), or
    ExportError saying why it must not be written."""
    if path is None or str(path).strip() in ("", "."):
        raise ExportError("تعذّر الحفظ: لم يُذكر اسم الملف")
    path = Path(path)
    if "\x00" in str(path):
        raise ExportError("تعذّر الحفظ: اسم الملف يحوي محرفاً غير صالح")
    try:
        real = Path(os.path.realpath(path))
    except (OSError, ValueError):
        raise ExportError(f"تعذّر الحفظ: المسار {path} غير صالح") from None
    try:
        st = real.stat()
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise _os_error(path, exc) from None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise ExportError(f"تعذّر الحفظ: {path} مجلد وليس ملفاً")
        if not stat.S_ISREG(st.st_mode):
            raise ExportError(f"تعذّر الحفظ: {path} ليس ملفاً عادياً (جهاز أو أنبوب)")
        # the owner's (or anyone's) write permission, not os.access: an
        # administrator may write anything, but a file marked read-only is
        # the user's choice to keep it
        if _no_write_bits(st.st_mode) or not os.access(real, os.W_OK):
            raise ExportError(f"تعذّر الحفظ: الملف {path} للقراءة فقط")
    folder = real.parent
    if not folder.is_dir():
        raise ExportError(f"تعذّر الحفظ: المجلد {folder} غير موجود")
    try:
        folder_mode = folder.stat().st_mode
    except OSError as exc:
        raise _os_error(path, exc) from None
    if _no_write_bits(folder_mode) or not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(f"تعذّر الحفظ: المجلد {folder} للقراءة فقط")
    return real


def write_atomically(path: str | Path, produce: Callable[[], bytes],
                     verify: Callable[[bytes], str | None] | None = None) -> Path:
    """Write the bytes ``produce()`` returns to ``path``, atomically.

    ``verify(bytes_read_back)`` returns None when the file is whole, or an
    Arabic reason. On any failure the temporary file is removed and an
    existing file at ``path`` is left as it was. Returns ``path``.
    """
    target = writable_target(path)
    try:
        data = produce()
    except ExportError:
        raise
    except (ValueError, UnicodeError) as exc:   # text a format cannot hold
        raise ExportError(f"تعذّر إنشاء الملف: في النص محارف لا يقبلها هذا التنسيق ({exc})") from None
    except OSError as exc:                      # a scratch file on a full disk
        raise _os_error(Path(path), exc) from None
    if not data:
        raise ExportError(f"تعذّر إنشاء الملف {path}")
    folder = target.parent
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=target.suffix,
                                        dir=folder)
    except OSError as exc:
        raise _os_error(Path(path), exc) from None
    tmp = Path(tmp_name)
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        written = tmp.read_bytes()
        problem = None if written == data else "الملف المكتوب لا يطابق ما أُنشئ"
        if problem is None and verify is not None:
            problem = verify(written)
        if problem:
            raise ExportError(f"تعذّر الحفظ في {path}: {problem}؛ بقي الملف السابق كما كان")
        # mkstemp creates 0600: an overwritten file keeps its mode, a new
        # export is an ordinary document
        try:
            mode = stat.S_IMODE(target.stat().st_mode)
        except FileNotFoundError:
            mask = os.umask(0)
            os.umask(mask)
            mode = 0o666 & ~mask
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as exc:
        raise _os_error(Path(path), exc) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return Path(path)


def write_text_atomically(path: str | Path, text: str) -> Path:
    return write_atomically(path, lambda: text.encode("utf-8"))
