"""One exit-code convention and one last line of defence for every command.

Every command (``python -m desktop``, ``desktop.content``, ``desktop.search``,
``desktop.export``) exits with these codes (listed in the README) and turns
each problem into one line a user can act on, never a traceback:

====  ==========================================================
0     done
1     the command ran and found problems (``check``, ``--self-test``)
2     wrong command line (argparse's own code; also empty or unusable
      argument values such as ``--pdf ""`` or control characters in
      ``--title``)
3     the content database is missing
4     the content database is damaged or is not a content database
5     the content database is of another version, or has no search
      index of this version
6     an unknown locator
7     the output cannot be written (full disk, read-only file or
      folder, not a regular file); the earlier file is left as it was
70    an unexpected internal error (the details go to the log file)
130   interrupted (Ctrl+C)
====  ==========================================================
"""

from __future__ import annotations

import errno
import sys
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from desktop.content.database import ContentDatabaseError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_NO_DATABASE = 3
EXIT_CORRUPT_DATABASE = 4
EXIT_SCHEMA = 5
EXIT_UNKNOWN_LOCATOR = 6
EXIT_CANNOT_WRITE = 7
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130

#: The Arabic sentence for a full disk, wherever a write fails with ENOSPC.
DISK_FULL = "لا توجد مساحة كافية على القرص"


def database_status(error: ContentDatabaseError) -> int:
    """Exit code for a desktop.content.database.ContentDatabaseError."""
    return {"missing": EXIT_NO_DATABASE, "schema": EXIT_SCHEMA, "no-index": EXIT_SCHEMA}.get(
        error.kind, EXIT_CORRUPT_DATABASE)


def os_error_text(exc: OSError) -> str:
    """An OSError in Arabic (the system's own wording after it)."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DISK_FULL
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"لا يُسمح بالكتابة هنا ({exc.strerror})"
    return f"خطأ في النظام: {exc.strerror or exc}"


def say(prog: str, arabic: str, detail: str = "") -> None:
    """One line on stderr: the Arabic message, then the technical detail."""
    line = f"{prog}: {arabic}" + (f" ({detail})" if detail and detail != arabic else "")
    try:
        print(line.replace("\n", " "), file=sys.stderr)
    except (OSError, ValueError):
        pass


def run(main: Callable[[list[str] | None], int], argv: list[str] | None, prog: str) -> int:
    """Run a command's ``main``; whatever escapes it becomes a message and a code."""
    from desktop.content.database import ContentDatabaseError

    try:
        return main(argv)
    except SystemExit as exc:        # argparse: --help (0) and usage errors (2)
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else EXIT_USAGE)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:          # `| head`: the reader went away, not an error
        return EXIT_OK
    except ContentDatabaseError as exc:
        say(prog, exc.arabic, str(exc))
        return database_status(exc)
    except OSError as exc:
        say(prog, os_error_text(exc), str(exc))
        return EXIT_CANNOT_WRITE
    except Exception as exc:        # noqa: BLE001 - the last line of defence
        from desktop import log
        path = log.record_exception(exc)
        say(prog, "حدث خطأ غير متوقع" + (f"؛ التفاصيل في الملف {path}" if path else ""),
            f"{type(exc).__name__}: {exc}")
        return EXIT_INTERNAL

