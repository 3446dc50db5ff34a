"""Searching off the GUI thread: SearchTask runs one search on the search
tab's single-thread pool, with a read-only connection of its own per pool
thread, and hands the results back through a Relay living in the GUI thread
(an answer for an older text is dropped by the tab)."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, QRunnable, Signal, SignalInstance

from desktop.search import engine
from desktop.search.connection import SearchError, connect


#: Results shown for one search.
PAGE_SIZE = 50


#: (thread ident, database) -> connection. Not a threading.local: PySide
#: gives each QRunnable.run a fresh Python thread state, so a local was empty
#: on every search and each one opened the database again, cold.
_conns: dict[tuple[int, Path], sqlite3.Connection] = {}
_conns_lock = threading.Lock()


def _thread_connection(db_path: Path) -> sqlite3.Connection:
    """One read-only connection per pool thread (threads are reused)."""
    key = (threading.get_ident(), db_path)
    with _conns_lock:
        conn = _conns.get(key)
    if conn is None:
        # the window's store checked the file's pages when it opened it
        conn = connect(db_path, check=False)
        with _conns_lock:
            _conns[key] = conn
    return conn


class Relay(QObject):
    """Lives in the GUI thread; the task emits through it (queued)."""

    finished = Signal(int, object)   # generation, Results
    failed = Signal(int, str)        # generation, message


class SearchTask(QRunnable):
    """One search, run on the panel's single-thread pool. is_current(generation)
    says whether the panel still wants this answer (the user typed on)."""

    def __init__(self, relay: Relay, is_current: Callable[[int], bool], db_path: Path,
                 generation: int, text: str, filters: dict):
        super().__init__()
        self.relay = relay
        self.is_current = is_current
        self.db_path = db_path
        self.generation, self.text, self.filters = generation, text, filters

    def run(self) -> None:
        if not self.is_current(self.generation):  # the user typed on: skip
            return
        try:
            results = engine.search(_thread_connection(self.db_path), self.text,
                                    limit=PAGE_SIZE, as_you_type=True, **self.filters)
        except Exception as exc:  # never let a search take the app down
            message = str(exc) if isinstance(exc, SearchError) else \
                f"{type(exc).__name__}: {exc}"
            self._emit(self.relay.failed, message)
            return
        self._emit(self.relay.finished, results)

    def _emit(self, signal: SignalInstance, payload: object) -> None:
        try:
            signal.emit(self.generation, payload)
        except RuntimeError:  # the panel was closed meanwhile
            pass
