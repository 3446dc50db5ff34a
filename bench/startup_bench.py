"""Start-up of the reader against a bare PySide6 window, one table.

Runs, alternating so that a change of machine load hits all alike:
  * a minimal PySide6 window (one QLabel) — the floor any Qt app pays;
  * a bare reader window: a QMainWindow whose QTextBrowser shows the start
    unit's HTML (rendered beforehand by this script) in the bundled reader
    font — what content on screen costs in PySide6 before any feature of
    the app (the targets stay ratios to the minimal window);
  * the app from source, ``python -m desktop --open A07/13 --bench-startup``;
  * the frozen bundle, when one is built (dist/unodc-ta-compendium/…).
Each run is a fresh process. CPU time to the first paint is shown beside
the wall time: on a loaded machine it is the steadier of the two. "first window" is from just before the process
starts to the first paint of the window's content (the label; the reader
with the start paragraph), read as wall-clock time by the child. Memory is
the resident size after the window has settled (4 s). The app then reports
opening paragraphs of other units and the first search, print preview and
PDF export (desktop/app/startup_probe.py): a unit never shown before, one
seen before (Back), the next unit after a pause (rendered ahead while the
reader was idle) and another paragraph of the unit shown, each p95 of one
run from the open to the end of the reader's paint that shows it (wall
clock / the main thread's CPU time; "settled": the CPU time with the work
Qt does after that frame, such as the rest of a long unit's layout), the
median over the runs. Medians; ratios against the
minimal window; the targets of issue 17 marked met / not met. A first-window
target that the bare reader window misses by itself says so: on that
machine it is below what PySide6 takes to show the start unit at all.

    python bench/startup_bench.py [--runs 5] [--db PATH] [--bundle DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "unodc-ta-compendium"

MINIMAL = r"""
import json, os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
label = QLabel("المساعدة التقنية")
painted = []
class Paint(QObject):
    def eventFilter(self, watched, event):
        if not painted and event.type() == QEvent.Type.Paint:
            painted.append(time.time())
            painted.append(time.process_time())  # user + system, not in 10 ms ticks
        return False
f = Paint(); label.installEventFilter(f)
label.resize(1280, 800); label.show()
def report():
    rss = 0
    with open("/proc/self/status") as s:
        for line in s:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
    print(json.dumps({"first_paint": painted[0] if painted else None,
                      "cpu_at_first_paint": painted[1] if painted else None, "rss_kb": rss}), flush=True)
    app.quit()
QTimer.singleShot(int(float(os.environ.get("COMPENDIUM_BENCH_SETTLE", "4")) * 1000), report)
app.exec()
"""

BARE_READER = r"""
import json, os, sys, time
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser
app = QApplication(sys.argv)
app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
fonts, html_path = sys.argv[1], sys.argv[2]
family = None
for name in ("Amiri-Regular.ttf", "Amiri-Bold.ttf"):
    family = QFontDatabase.applicationFontFamilies(
        QFontDatabase.addApplicationFont(os.path.join(fonts, name)))[0]
window = QMainWindow()
browser = QTextBrowser(window)
browser.document().setDefaultFont(QFont(family, 14))
with open(html_path, encoding="utf-8") as page:
    browser.setHtml(page.read())
window.setCentralWidget(browser)
painted = []
class Paint(QObject):
    def eventFilter(self, watched, event):
        if not painted and event.type() == QEvent.Type.Paint:
            painted.append(time.time())
            painted.append(time.process_time())  # user + system, not in 10 ms ticks
        return False
f = Paint(); browser.viewport().installEventFilter(f)
window.resize(1280, 800); window.show()
def report():
    rss = 0
    with open("/proc/self/status") as s:
        for line in s:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
    print(json.dumps({"first_paint": painted[0] if painted else None,
                      "cpu_at_first_paint": painted[1] if painted else None, "rss_kb": rss}), flush=True)
    app.quit()
QTimer.singleShot(int(float(os.environ.get("COMPENDIUM_BENCH_SETTLE", "4")) * 1000), report)
app.exec()
"""

#: the unit the app opens (--open A07/13) and the bare reader window shows
START_PARAGRAPH = "A07/13"

TARGETS = {  # issue 17
    "first_window_ratio": 1.5,
    "memory_ratio": 1.3,
    "open_p95_ms": 16.0,
    "first_use_ms": 300.0,
}


def run_once(command: list[str], cwd: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    # as a user's machine runs it: byte code cached after the first start
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.time()
    proc = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise SystemExit(f"{command[0]}: no report (exit {proc.returncode})\n{proc.stderr[-2000:]}")
    result = json.loads(lines[-1])
    result["first_window"] = result["first_paint"] - start
    return result


def start_unit_html(db: Path | None, folder: Path) -> Path:
    """The start unit's HTML, rendered here (not timed) for the bare reader window."""
    sys.path.insert(0, str(ROOT))
    from desktop import paths
    from desktop.content.render import render_unit
    from desktop.content.store import open_store

    store = open_store(db or paths.default_db())
    para = store.paragraph(START_PARAGRAPH)
    if para is None:
        raise SystemExit(f"{START_PARAGRAPH}: not in the database")
    path = folder / "start-unit.html"
    path.write_text(render_unit(store, para.unit_id, para.id).html, encoding="utf-8")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--bundle", type=Path, default=BUNDLE)
    args = parser.parse_args()
    app_args = ["--open", START_PARAGRAPH, "--bench-startup"] + (["--db", str(args.db)] if args.db else [])
    with tempfile.TemporaryDirectory() as scratch:
        html = start_unit_html(args.db, Path(scratch))
        programs = {
            "minimal PySide6 window": [sys.executable, "-c", MINIMAL],
            "bare reader window": [sys.executable, "-c", BARE_READER,
                                   str(ROOT / "resources" / "fonts"), str(html)],
            "this app (source)": [sys.executable, "-m", "desktop", *app_args],
        }
        frozen = args.bundle / "unodc-ta-compendium"
        if frozen.is_file():
            programs["this app (frozen bundle)"] = [str(frozen), *app_args]
        results: dict[str, list[dict]] = {name: [] for name in programs}
        for name, command in programs.items():  # warm-up: byte code, font caches
            run_once(command, Path(scratch) if "frozen" in name else ROOT)
        for _ in range(args.runs):
            for name, command in programs.items():
                results[name].append(run_once(command, Path(scratch) if "frozen" in name else ROOT))

    def med(name: str, key: str) -> float | None:
        values = [r[key] for r in results[name] if r.get(key) is not None]
        return statistics.median(values) if values else None

    base_time = med("minimal PySide6 window", "first_window")
    base_cpu = med("minimal PySide6 window", "cpu_at_first_paint")
    base_rss = med("minimal PySide6 window", "rss_kb")
    print(f"start-up, {args.runs} alternating runs each, offscreen, medians")
    print()
    print("| program | first window (s) | ratio | CPU to first window (s) | ratio | memory (MiB) | ratio "
          "| open other unit p95 (ms, wall / CPU / CPU settled) | seen before p95 | next after a pause p95 "
          "| within the unit p95 "
          "| first search (ms) | first preview (ms) | first export (ms) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
          "| ---: |")
    verdicts: list[tuple[str, bool, str]] = []
    # the floor: what a QTextBrowser showing the start unit costs with no app
    # code at all; a first-window target below it cannot be met by the app
    floor_time = med("bare reader window", "first_window")
    floor_cpu = med("bare reader window", "cpu_at_first_paint")

    def below_floor(floor: float | None, base: float) -> str:
        if floor is None or floor / base <= TARGETS["first_window_ratio"]:
            return ""
        return f" (the bare reader window alone: {floor / base:.2f}×)"

    for name in programs:
        first, rss = med(name, "first_window"), med(name, "rss_kb")
        first_cpu = med(name, "cpu_at_first_paint")
        row = [name, f"{first:.3f}", f"{first / base_time:.2f}×", f"{first_cpu:.3f}",
               f"{first_cpu / base_cpu:.2f}×", f"{rss / 1024:.1f}", f"{rss / base_rss:.2f}×"]
        for key in ("open", "open_again", "open_next", "open_within"):
            wall, open_cpu = med(name, f"{key}_p95"), med(name, f"{key}_cpu_p95")
            settled = med(name, f"{key}_settled_cpu_p95")
            row.append("–" if wall is None else f"{wall * 1000:.1f}"
                       + ("" if open_cpu is None else f" / {open_cpu * 1000:.1f}")
                       + ("" if settled is None else f" / {settled * 1000:.1f}"))
        for key in ("first_search", "first_preview", "first_export"):
            value = med(name, key)
            row.append("–" if value is None else f"{value * 1000:.1f}")
        print("| " + " | ".join(row) + " |")
        if name.startswith("this app"):
            verdicts += [
                (f"{name}: first window ≤ {TARGETS['first_window_ratio']}× minimal",
                 first / base_time <= TARGETS["first_window_ratio"],
                 below_floor(floor_time, base_time)),
                (f"{name}: CPU to first window ≤ {TARGETS['first_window_ratio']}× minimal",
                 first_cpu / base_cpu <= TARGETS["first_window_ratio"],
                 below_floor(floor_cpu, base_cpu)),
                (f"{name}: memory ≤ {TARGETS['memory_ratio']}× minimal",
                 rss / base_rss <= TARGETS["memory_ratio"], ""),
            ]
            for key, label in (("open_p95", "open a paragraph of another unit (new to the reader)"),
                               ("open_again_p95", "open a paragraph of a unit seen before (Back)"),
                               ("open_next_p95", "open the next unit after a pause (read ahead)"),
                               ("open_within_p95", "open another paragraph of the unit shown")):
                verdicts.append((f"{name}: {label} p95 ≤ {TARGETS['open_p95_ms']:.0f} ms",
                                 (med(name, key) or 1e9) * 1000 <= TARGETS["open_p95_ms"], ""))
            for key, label in (("first_search", "first search"), ("first_preview", "first print preview"),
                               ("first_export", "first export")):
                verdicts.append((f"{name}: {label} ≤ {TARGETS['first_use_ms']:.0f} ms",
                                 (med(name, key) or 1e9) * 1000 <= TARGETS["first_use_ms"], ""))
    print()
    print("| target | |")
    print("| --- | --- |")
    for label, ok, why in verdicts:
        print(f"| {label} | {'met' if ok else 'not met' + why} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
