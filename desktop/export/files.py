"""Writing an export file so that a failure leaves nothing half-written."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Callable


class ExportError(Exception):
    """The export could not be written; the message says why (in Arabic)."""


def write_atomically(path: str | Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp)`` on a temporary file beside ``path``, then move it
    into place with os.replace. On any failure the temporary file is removed
    and an existing file at ``path`` is left as it was."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise ExportError(f"تعذّر الحفظ: {path} مجلد وليس ملفاً")
    if not folder.is_dir():
        raise ExportError(f"تعذّر الحفظ: المجلد {folder} غير موجود")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix, dir=folder)
    except OSError as exc:
        raise ExportError(f"تعذّر الحفظ في المجلد {folder}: {exc.strerror}") from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        if tmp.stat().st_size == 0:
            raise ExportError(f"تعذّر إنشاء الملف {path}")
        # mkstemp creates 0600; an exported file is an ordinary document.
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)
        os.replace(tmp, path)
    except OSError as exc:
        raise ExportError(f"تعذّر الحفظ في {path}: {exc.strerror}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return path


def write_text_atomically(path: str | Path, text: str) -> Path:
    return write_atomically(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
