"""First start of a pip-installed app: build the content database once.

A wheel carries the source texts and corrections, not the database (it is
built from them, and a package cannot write into site-packages at run time).
The first command that needs the database builds it into the user's cache
folder (desktop.paths.default_db, one file per version), saying so; later
starts find it there. A clone and a frozen bundle have their database
already and are left alone.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

from desktop import paths

NOTICE = ("أول تشغيل: جارٍ إعداد قاعدة بيانات الخلاصة في {path} (ثوانٍ، مرة واحدة)\n"
          "first start: building the content database in {path} (a few seconds, once)")


def print_notice(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def ensure_default_db(notify: Callable[[str], None] | None = None) -> Path:
    """The default database's path, built first if a wheel install lacks it.

    `notify` gets the notice before the build (default: stderr). A failed
    build is reported the same way and leaves no file: the caller then finds
    no database and says so as it always does.
    """
    path = paths.default_db()
    if not paths.installed() or path.exists():
        return path
    from desktop.content import build as builder

    notify = notify or print_notice
    notify(NOTICE.format(path=path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        builder.build(path)
    except OSError as exc:
        print_notice(f"first start: cannot create {path.parent}: {exc.strerror}")
    except builder.BuildError as exc:
        print_notice(f"first start: the database could not be built: {exc}")
    return path
