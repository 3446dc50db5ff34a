"""``compendium --bench-startup``: the interactive start, measured from inside.

bench/startup_bench.py runs the real entry point (from source or frozen)
with this flag and reads one JSON line. The probe notes the wall-clock time
of the reader's first paint (the start paragraph on screen), lets the
deferred work run, waits for memory to settle (and notes which modules
are loaded then: what waits for first use), then times what a user
reaches for next: opening paragraphs of other units (new to the reader,
seen before, the next one after a pause, within the unit), the first
search, the first print preview and the first export. Nothing of the user's is written
(the window runs with remember=False and an in-memory selection).
"""

from __future__ import annotations

import gc
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

    from desktop.app.main_window import MainWindow
    from desktop.app.reader import ReaderView

#: paragraphs of ten different units, opened in turn as clicks in the tree
#: do: each unit for the first time (nothing rendered ahead)
OTHER_UNITS = ("B3-d4/1", "B6-r4/annex/l2.q2", "A02/8", "B4-d3/l9", "A11/c1", "A04/1",
               "A05/l1", "B2-d6/l1", "A09/13", "B5-r6/1")
#: reading on: the next meetings, each opened after a pause (read ahead)
READ_ON = ("A06/n1", "A07/1", "A08/1", "A09/1", "A10/c1")
SEARCH_TEXT = "حماية الشهود"


def cpu_seconds() -> float:
    """User + system CPU time of this process so far (all its threads): unlike
    wall time, it hardly changes when other processes load the machine.
    time.process_time, not os.times: os.times counts in clock ticks (10 ms),
    a tenth of the minimal window's whole start."""
    return time.process_time()


def rss_kb() -> int:
    """Resident memory of this process (Linux /proc; 0 elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class _FirstPaint(QObject):
    """Notes the time of the reader's first paint and which of the app's
    modules were loaded by then (the start-up import budget)."""

    def __init__(self, target: QObject, then: Callable[[], None]):
        super().__init__(target)
        self.at: float | None = None
        self.cpu: float | None = None
        self.modules: list[str] = []
        self.qt_enums: dict[str, int] = {}
        self._then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.at is None and event.type() == QEvent.Type.Paint:
            self.at = time.time()
            self.cpu = cpu_seconds()
            self._then()
            self.modules = app_modules()
            self.qt_enums = qt_enum_types()
        return False


#: Qt modules the app should load only when a feature needs them
BUDGETED = ("PySide6.QtPrintSupport", "PySide6.QtSvg", "PySide6.QtNetwork", "logging.handlers",
            "importlib.resources", "html.entities")


def app_modules() -> list[str]:
    """The app's modules loaded so far, and the libraries whose import is
    budgeted (Word, Markdown, fuzzy matching, Qt's printing, the log's rotation,
    importlib.resources: a wheel's data only; html.entities: html.unescape's table)."""
    return sorted(name for name in sys.modules
                  if name.split(".")[0] in ("desktop", "docx", "lxml", "markdown", "sqlite_utils",
                                            "rapidfuzz", "Stemmer")
                  or name in BUDGETED)


def widget_types() -> list[str]:
    """The QtWidgets classes whose Python types PySide6 has built so far (it
    builds them on first use): each costs memory, its enums most."""
    import PySide6.QtWidgets

    return sorted(name for name in vars(PySide6.QtWidgets) if name.startswith("Q"))


def qt_enum_types() -> dict[str, int]:
    """How many enum types PySide6 has built, by the Qt class they belong to
    ("" for a module's own): a class's enum types are all built when the
    class is first imported (~0.1-0.2 ms each), which is why what the first
    paint does not use is imported where it is used (issue 17)."""
    import enum

    found: dict[str, int] = {}
    stack = list(enum.Enum.__subclasses__())
    seen: set[type] = set()
    while stack:
        kind = stack.pop()
        if kind in seen:
            continue
        seen.add(kind)
        stack.extend(kind.__subclasses__())
        if (getattr(kind, "__module__", None) or "").startswith("PySide6."):
            owner = kind.__qualname__.rpartition(".")[0]
            found[owner] = found.get(owner, 0) + 1
    return found


def _wait(app: QApplication, done: Callable[[], bool], timeout: float = 5.0) -> bool:
    end = time.perf_counter() + timeout
    while not done():
        if time.perf_counter() > end:
            return False
        app.processEvents()
        time.sleep(0.001)
    return True


def attach(app: QApplication, window: MainWindow, settle: float | None = None) -> None:
    """Measure this window's start; print the report and quit the app."""
    if settle is None:
        settle = float(os.environ.get("COMPENDIUM_BENCH_SETTLE", "4"))
    # memory and first uses: `settle` seconds after the first paint
    paint = _FirstPaint(window.reader.viewport(),
                        lambda: QTimer.singleShot(int(settle * 1000), report))
    window.reader.viewport().installEventFilter(paint)
    reported = [False]

    def report() -> None:
        if reported[0]:
            return
        reported[0] = True
        result = {"first_paint": paint.at, "cpu_at_first_paint": paint.cpu, "rss_kb": rss_kb(),
                  "paragraph": window.reader.current_paragraph_id(),
                  "modules_at_first_paint": paint.modules,
                  "qt_enum_types_at_first_paint": paint.qt_enums,
                  "modules_when_settled": app_modules(),
                  "widget_types_when_settled": widget_types(),
                  # off from the start to the first idle turn (desktop.__main__)
                  "gc_enabled_when_settled": gc.isenabled()}
        result.update(open_times(app, window))
        result.update(first_uses(app, window))
        print(json.dumps(result), flush=True)
        app.quit()

    QTimer.singleShot(60_000, report)  # no paint at all: report that


class _ReaderFrames:
    """When the reader's paint ends: the frame that shows an open. The
    reader's paintEvent wrapped on its class (this process only measures):
    an event filter sees the paint before it is drawn."""

    def __init__(self, window: MainWindow):
        self.reader = window.reader
        self.ended: tuple[float, float] | None = None
        self._class = type(self.reader)
        self._original = self._class.paintEvent

    def __enter__(self) -> _ReaderFrames:
        original = self._original

        def paint_event(reader: ReaderView, event: QPaintEvent) -> None:
            original(reader, event)
            if reader is self.reader and self.ended is None:
                self.ended = (time.perf_counter(), time.thread_time())

        setattr(self._class, "paintEvent", paint_event)
        return self

    def __exit__(self, *_exc: object) -> None:
        setattr(self._class, "paintEvent", self._original)


def _timed_open(app: QApplication, frames: _ReaderFrames,
                action: Callable[[], object]) -> tuple[float, float, float]:
    """Seconds from an open to the end of the reader's paint that shows it:
    wall clock and the main thread's CPU time (what a loaded machine changes
    least); and the CPU time of the open with all the events it queued
    (work Qt does after the frame, e.g. the rest of a long unit's layout).
    No paint (the page did not change): the open and its events."""
    frames.ended = None
    started, cpu = time.perf_counter(), time.thread_time()
    action()
    app.processEvents()
    settled_cpu = time.thread_time() - cpu
    if frames.ended is None:
        return time.perf_counter() - started, settled_cpu, settled_cpu
    return frames.ended[0] - started, frames.ended[1] - cpu, settled_cpu


def _p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def open_times(app: QApplication, window: MainWindow) -> dict[str, float]:
    """Opening paragraphs of other units: never shown before (``open``),
    shown before (``open_again``: Back through them), the next unit after a
    pause (``open_next``: rendered ahead meanwhile), and another paragraph
    of the unit shown (``open_within``). Medians and 95th percentiles."""
    with _ReaderFrames(window) as frames:
        return _open_times(app, window, partial(_timed_open, app, frames))


def _open_times(app: QApplication, window: MainWindow,
                timed: Callable[[Callable[[], object]], tuple[float, float, float]]
                ) -> dict[str, float]:
    known = [pid for pid in OTHER_UNITS if window.store.paragraph(pid) is not None]
    first = [timed(partial(window.open_paragraph, pid)) for pid in known]
    again = [timed(window.reader.back) for _ in range(min(6, len(known) - 1))]
    again += [timed(window.reader.go_forward) for _ in range(min(6, len(known) - 1))]
    within: list[tuple[float, float, float]] = []
    unit = window.store.paragraph(known[-1])
    for para in window.store.unit_paragraphs(unit.unit_id)[:8] if unit else []:
        within.append(timed(partial(window.open_paragraph, para.id)))
    ahead: list[tuple[float, float, float]] = []
    for pid in READ_ON:
        if window.store.paragraph(pid) is None:
            continue
        _wait(app, lambda: False, 0.6)   # reading: the reader is idle a while
        ahead.append(timed(partial(window.open_paragraph, pid)))
    import statistics   # not before the first paint: it is not the app's

    out: dict[str, float] = {}
    for key, times in (("open", first), ("open_again", again), ("open_next", ahead[1:]),
                       ("open_within", within)):
        if times:
            walls, cpus = [t[0] for t in times], [t[1] for t in times]
            out[f"{key}_median"] = statistics.median(walls)
            out[f"{key}_p95"] = _p95(walls)
            out[f"{key}_cpu_p95"] = _p95(cpus)
            out[f"{key}_settled_cpu_p95"] = _p95([t[2] for t in times])
    return out


def first_uses(app: QApplication, window: MainWindow) -> dict[str, float]:
    """Seconds for the first search (from Ctrl+K, the search tab built on
    first use), print preview and PDF export."""
    from PySide6.QtGui import QAction

    out: dict[str, float] = {}
    started = time.perf_counter()
    # as the user reaches it: Ctrl+K (the tab's panel is built on first use)
    search = window.findChild(QAction, "action-search")
    assert search is not None, "install_search made it"
    search.trigger()
    panel = window.search_panel
    assert panel is not None, "Ctrl+K built the search panel"
    panel.set_query(SEARCH_TEXT, immediately=True)
    if _wait(app, lambda: panel.result_count() > 0):
        out["first_search"] = time.perf_counter() - started

    from desktop.app import printing

    pid = window.reader.current_paragraph_id()
    started = time.perf_counter()
    selection = window.selection_panel
    assert selection is not None, "build_main_window made the selection"
    items, _title = printing.paragraph_items(window, pid, selection.selection)
    dialog = printing.open_preview(window, items)
    app.processEvents()
    out["first_preview"] = time.perf_counter() - started
    dialog.close()

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="compendium-bench-") as folder:
        assert pid is not None, "the probe opened paragraphs above"
        selection.add_paragraphs([pid])
        if selection.export("pdf", str(Path(folder) / "bench.pdf")):
            out["first_export"] = time.perf_counter() - started
    return out
