"""desktop.app.startup_probe (``--bench-startup``): notes the reader's first
paint and the modules loaded by then, reports one JSON line once and quits;
times opening paragraphs of other units; reads CPU time and resident memory.
(The whole probe in a fresh process: tests/end2end/test_startup.py.)"""

from __future__ import annotations

import json
import time

from desktop.app import startup_probe
from desktop.app.startup_probe import READ_ON, attach, cpu_seconds, open_times, rss_kb


def test_cpu_seconds_count_work_not_waiting():
    start = cpu_seconds()
    time.sleep(0.3)
    slept = cpu_seconds() - start
    start = cpu_seconds()
    end = time.perf_counter() + 0.6  # a third of a core on a loaded machine is still 0.2 s
    while time.perf_counter() < end:
        pass
    worked = cpu_seconds() - start
    assert slept < 0.05 and worked > 0.1, (slept, worked)


def test_resident_memory_grows_with_what_is_held():
    before = rss_kb()
    held = bytearray(64 * 1024 * 1024)
    for i in range(0, len(held), 4096):  # touch every page
        held[i] = 1
    assert before > 10_000 and rss_kb() - before > 48 * 1024
    del held


class _App:
    """What attach asks of the application: quit() once it has reported."""

    def __init__(self):
        self.quits = 0

    def quit(self):
        self.quits += 1


class _Timers:
    """Stands in for QTimer in the probe: records each single shot."""

    def __init__(self):
        self.shots = []

    def singleShot(self, ms, slot):
        self.shots.append((ms, slot))


def _attached(make_window, tiny_db_path, monkeypatch):
    window = make_window(tiny_db_path)
    window.open_paragraph("A07/13")
    monkeypatch.setattr(startup_probe, "open_times", lambda app, win: {"open_p95": 0.01})
    monkeypatch.setattr(startup_probe, "first_uses", lambda app, win: {"first_search": 0.02})
    timers = _Timers()
    monkeypatch.setattr(startup_probe, "QTimer", timers)
    app = _App()
    attach(app, window, settle=0.05)
    return window, app, timers


def _reports(capsys) -> list[dict]:
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()
            if line.startswith("{")]


def test_attach_reports_the_first_paint_once_then_quits(make_window, tiny_db_path, qtbot,
                                                        monkeypatch, capsys):
    before = time.time()
    window, app, timers = _attached(make_window, tiny_db_path, monkeypatch)
    window.reader.viewport().update()
    qtbot.waitUntil(lambda: len(timers.shots) == 2)
    window.reader.viewport().update()  # a later paint is not a first paint
    qtbot.wait(100)
    assert [ms for ms, _slot in timers.shots] == [60_000, 50]  # the fallback, then settle
    timers.shots[1][1]()
    report, = _reports(capsys)
    assert app.quits == 1
    assert before <= report["first_paint"] <= time.time()
    assert report["cpu_at_first_paint"] > 0 and report["rss_kb"] > 0
    assert report["paragraph"] == "A07/13"
    assert "desktop.app.reader" in report["modules_at_first_paint"]
    for key in ("modules_at_first_paint", "modules_when_settled"):
        assert "desktop.app.reader" in report[key]
        # the app's modules and the budgeted libraries, not Qt's core
        assert {m for m in report[key] if m.startswith("PySide6")} <= set(startup_probe.BUDGETED)
    assert (report["open_p95"], report["first_search"]) == (0.01, 0.02)
    timers.shots[0][1]()  # the fallback, a minute later: nothing more
    assert _reports(capsys) == [] and app.quits == 1


def test_without_a_paint_the_probe_still_reports_after_a_minute(make_window, tiny_db_path,
                                                                monkeypatch, capsys):
    _window, app, timers = _attached(make_window, tiny_db_path, monkeypatch)
    (ms, fallback), = timers.shots
    assert ms == 60_000
    fallback()
    report, = _reports(capsys)
    assert report["first_paint"] is None and report["modules_at_first_paint"] == []
    assert app.quits == 1


def test_open_times_opens_other_units_and_reads_on(make_window, content_db_path, monkeypatch, qapp):
    window = make_window(content_db_path)
    window.open_paragraph("A07/13")
    opened = []
    window.reader.paragraphOpened.connect(opened.append)
    monkeypatch.setattr(startup_probe, "_wait", lambda app, done, timeout=5.0: True)  # no pauses
    paint_event = type(window.reader).paintEvent
    times = open_times(qapp, window)
    for key in ("open", "open_again", "open_next", "open_within"):
        assert 0 < times[f"{key}_median"] <= times[f"{key}_p95"], key
        # to the frame that shows it, then with what Qt does after the frame
        assert 0 <= times[f"{key}_cpu_p95"] <= times[f"{key}_settled_cpu_p95"], key
    # the reader's paint is timed only while the probe opens
    assert type(window.reader).paintEvent is paint_event
    # every probe paragraph exists (a stale id would silently time fewer units)
    probe_ids = set(startup_probe.OTHER_UNITS) | set(READ_ON)
    assert {pid for pid in probe_ids if window.store.paragraph(pid)} == probe_ids
    assert set(startup_probe.OTHER_UNITS) <= set(opened)
    assert window.reader.current_paragraph_id() == READ_ON[-1]
