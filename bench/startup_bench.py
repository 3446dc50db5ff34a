"""Start-up of the reader: process start → main window shown with content.

Each run is a fresh Python process (offscreen Qt) that goes the app's own
way: QApplication set-up, open the database, build the main window (tree,
index, links, selection dock), open the start paragraph, show, and report
from the first event-loop turn after the window is shown; then it times
opening paragraphs of other units (what a click in the tree costs). The parent
measures from just before it starts the process to the child's report, so
interpreter start and imports are included. Prints medians over the runs
and the resident memory (VmRSS) at that moment.

    python bench/startup_bench.py [--runs 7] [--db PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, sys, time
t_imports = time.perf_counter()
from PySide6.QtCore import QTimer
from desktop.app.application import create_application
from desktop.app.main_window import MainWindow
from desktop.app.settings import AppSettings
from desktop.content.store import open_store
t_qt = time.perf_counter()
app = create_application(["bench"])
store = open_store(sys.argv[1])
t_store = time.perf_counter()
window = MainWindow(store, AppSettings(sys.argv[2]), remember=False)
try:
    from desktop.app.selection_panel import install_selection
    install_selection(window, ":memory:")
except ImportError:
    pass
window.resize(1280, 800)
window.open_start("A07/13")
window.show()
t_window = time.perf_counter()

def report():
    rss = 0
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
    assert window.reader.current_paragraph_id() == "A07/13"
    assert window.reader.toPlainText().strip()
    # then: open a paragraph of another unit (render + lay out), as a click does
    opens = []
    for pid in ("B3-d4/1", "B6-r4/annex/l2.q2", "A07/13"):
        t = time.perf_counter()
        window.open_paragraph(pid)
        app.processEvents()
        opens.append(time.perf_counter() - t)
    print(json.dumps({"imports": t_qt - t_imports, "store": t_store - t_qt,
                      "window": t_window - t_store, "rss_kb": rss,
                      "open": sorted(opens)[1], "shown": window.isVisible()}), flush=True)
    app.quit()

QTimer.singleShot(0, report)
app.exec()
"""


def run_once(db: Path, settings: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(db), str(settings)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline()
    shown = time.perf_counter() - start
    proc.wait(timeout=60)
    if not line:
        raise SystemExit("the child process did not report (is the database built?)")
    result = json.loads(line)
    result["total"] = shown
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--db", type=Path, default=ROOT / "data" / "compendium.sqlite")
    args = parser.parse_args()
    if not args.db.is_file():
        raise SystemExit(f"database not found: {args.db} (python -m desktop.content build)")
    settings = Path(os.environ.get("TMPDIR", "/tmp")) / "compendium-bench-settings.ini"
    runs = [run_once(args.db, settings) for _ in range(args.runs)]
    med = {k: statistics.median(r[k] for r in runs)
           for k in ("total", "imports", "store", "window")}
    print(f"start-up of the reader, {args.runs} runs, offscreen, database {args.db.name}")
    print()
    print("| measure | median | min | max |")
    print("| --- | ---: | ---: | ---: |")
    for key, label in (("total", "process start → window shown with content (s)"),
                       ("imports", "  Qt + app imports (s)"),
                       ("store", "  QApplication + open database (s)"),
                       ("window", "  build window + render start unit (s)")):
        values = [r[key] for r in runs]
        print(f"| {label} | {med[key]:.3f} | {min(values):.3f} | {max(values):.3f} |")
    opens = [r["open"] * 1000 for r in runs]
    print(f"| then: open a paragraph of another unit (ms) | {statistics.median(opens):.1f} "
          f"| {min(opens):.1f} | {max(opens):.1f} |")
    rss = [r["rss_kb"] / 1024 for r in runs]
    print(f"| resident memory after start-up (MiB) | {statistics.median(rss):.1f} "
          f"| {min(rss):.1f} | {max(rss):.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
