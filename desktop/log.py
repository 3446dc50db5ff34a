"""The log file: Python's logging and faulthandler, under the app-data folder.

The installed app is started from a menu and has no terminal, so a
traceback printed to stderr is lost. ``setup()`` sends logging to a rotating
file and lets faulthandler write a crash's Python stack into the same
folder; the error dialog names the file and can copy its last lines.

The folder is the one Qt's ``QStandardPaths.AppDataLocation`` gives for the
app (organisation and application name as in desktop.app.application),
worked out here without Qt so the command-line tools can log too.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
from pathlib import Path
from typing import IO

ORGANIZATION = "UNODC-TA-Compendium"
APP_NAME = "compendium"
LOG_NAME = "compendium.log"
CRASH_NAME = "crash.log"
MAX_BYTES = 512 * 1024
BACKUPS = 3

class _State:
    """What setup() did (a plain class: a dataclass costs ~0.5 ms at import)."""

    def __init__(self) -> None:
        self.done = False                   # setup ran (its answer is path)
        self.path: Path | None = None       # the log file, None when it cannot be written
        self.crash: IO[str] | None = None   # crash.log, kept open for faulthandler's lifetime


_state = _State()


def app_data_dir() -> Path:
    """QStandardPaths.AppDataLocation for this app, per platform."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / ORGANIZATION / APP_NAME


def log_dir() -> Path:
    return app_data_dir() / "logs"


def log_path() -> Path:
    return log_dir() / LOG_NAME


class _RotatingFile(logging.Handler):
    """The rotating log file, its handler made on the first record:
    logging.handlers (and socket, pickle, queue with it) is not imported
    before the app's first paint. The file is opened once by setup(), so
    an unwritable folder is known at once."""

    def __init__(self, path: Path):
        super().__init__()
        self.path = path
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None:
            import logging.handlers

            self._file = logging.handlers.RotatingFileHandler(
                self.path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
            self._file.setFormatter(self.formatter)
        self._file.emit(record)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def setup(*, crashes: bool = True) -> Path | None:
    """Log to the rotating file (once); with ``crashes``, faulthandler writes
    the stack of a fatal signal to crash.log beside it. Returns the log's
    path, or None when the folder cannot be written (the app goes on)."""
    if _state.done:
        return _state.path
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8"):
            pass  # writable: the handler opens it on the first record
        handler = _RotatingFile(path)
    except OSError:
        _state.done, _state.path = True, None
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    if crashes:
        try:
            crash = open(path.parent / CRASH_NAME, "a", encoding="utf-8")  # noqa: SIM115
            faulthandler.enable(file=crash)
            _state.crash = crash
        except OSError:
            pass
    _state.done, _state.path = True, path
    return path


def record_exception(exc: BaseException) -> Path | None:
    """Write ``exc`` with its traceback to the log; the log's path (or None)."""
    path = setup(crashes=False)
    logging.getLogger("desktop").error("unexpected error", exc_info=(type(exc), exc,
                                                                    exc.__traceback__))
    return path


def last_lines(count: int = 60) -> str:
    """The end of the log file (for a bug report), or "" without one."""
    path = _state.path or log_path()
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return "".join(handle.readlines()[-count:])
    except OSError:
        return ""
