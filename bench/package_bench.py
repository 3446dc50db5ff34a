"""The packaged app: bundle and .deb sizes, start-up frozen vs from source.

Start-up is measured the same way for both: a fresh process runs the app
with ``--screenshot`` (offscreen Qt: QApplication set-up, open the database,
build the main window, open the start paragraph, show it, render it to a
PNG); the clock runs from just before the process starts to the moment it
prints ``screenshot:``, i.e. the window has been shown and painted. The
first run of each is reported apart (cold page cache for a fresh build),
then the median of the following runs, frozen and source alternating.

    python bench/package_bench.py [--bundle dist/unodc-ta-compendium]
                                  [--deb dist/unodc-ta-compendium_*.deb] [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME = "unodc-ta-compendium"


def tree_size(folder: Path) -> int:
    """Bytes of the regular files under ``folder`` (symlinks not counted twice)."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def largest_parts(folder: Path, count: int = 6) -> list[tuple[str, int]]:
    internal = folder / "_internal"
    parts = [(p.name, tree_size(p) if p.is_dir() else p.stat().st_size)
             for p in internal.iterdir() if not p.is_symlink()]
    return sorted(parts, key=lambda kv: kv[1], reverse=True)[:count]


def time_to_shown(cmd: list[str], scratch: Path) -> float:
    """Seconds from process start to its ``screenshot:`` line (window shown and painted)."""
    png = scratch / "shot.png"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "PYTHON"))}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(scratch), XDG_RUNTIME_DIR=str(scratch))
    if cmd[0] == sys.executable:
        env["PYTHONPATH"] = str(ROOT)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd + ["--screenshot", str(png)], cwd=scratch, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    shown = None
    for line in proc.stdout:
        if line.startswith("screenshot:"):
            shown = time.perf_counter() - start
            break
    proc.wait(timeout=120)
    if shown is None or proc.returncode != 0:
        raise SystemExit(f"{cmd[0]} did not show its window (exit {proc.returncode})")
    return shown


def mib(n: int) -> str:
    return f"{n / 2**20:.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / NAME)
    parser.add_argument("--deb", type=Path, default=None,
                        help="the .deb (default: the newest dist/*.deb, if any)")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    exe = args.bundle / NAME
    if not exe.is_file():
        raise SystemExit(f"no bundle at {args.bundle}: run make bundle "
                         "(or pyinstaller build.spec) first")
    deb = args.deb
    if deb is None:
        debs = sorted((ROOT / "dist").glob(f"{NAME}_*.deb"), key=lambda p: p.stat().st_mtime)
        deb = debs[-1] if debs else None
    db = ROOT / "data" / "compendium.sqlite"
    if not db.is_file():
        raise SystemExit(f"database not found: {db} (python -m desktop.content build)")

    commands = {
        "frozen (one-folder bundle)": [str(exe)],
        "from source (python -m desktop)": [sys.executable, "-m", "desktop", "--db", str(db)],
    }
    results: dict[str, tuple[float, list[float]]] = {}
    with tempfile.TemporaryDirectory(prefix="package-bench-") as tmp:
        scratch = Path(tmp)
        for label, cmd in commands.items():
            results[label] = (time_to_shown(cmd, scratch), [])
        # Alternate the two, so that a change in the machine's load hits both alike.
        for _ in range(args.runs):
            for label, cmd in commands.items():
                results[label][1].append(time_to_shown(cmd, scratch))

    print(f"packaged app, {args.runs} runs after a first one, offscreen, {os.cpu_count()} cores")
    print()
    print("| measure | value |")
    print("| --- | ---: |")
    print(f"| bundle size, {args.bundle.name}/ (MiB) | {mib(tree_size(args.bundle))} |")
    if deb is not None and deb.is_file():
        print(f"| .deb size, {deb.name} (MiB) | {mib(deb.stat().st_size)} |")
    else:
        print("| .deb size (MiB) | not built (make dist) |")
    for name, size in largest_parts(args.bundle):
        print(f"|   _internal/{name} (MiB) | {mib(size)} |")
    print()
    print("| start-up: process start → window shown (s) | first run | median | min | max |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for label, (first, runs) in results.items():
        print(f"| {label} | {first:.3f} | {statistics.median(runs):.3f} "
              f"| {min(runs):.3f} | {max(runs):.3f} |")
    frozen = statistics.median(results["frozen (one-folder bundle)"][1])
    source = statistics.median(results["from source (python -m desktop)"][1])
    print(f"| ratio frozen / source (medians) | | {frozen / source:.2f} | | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
