"""Time to export 50 selected paragraphs to PDF, Word and HTML.

    python bench/export_bench.py [--db PATH] [--count 50] [--repeat 7]

Picks `count` paragraphs spread evenly over the compendium (so the
selection mixes short and long paragraphs, Parts A and B, footnotes), and
times, each `repeat` times: gathering the items from the database, the PDF
(QPdfWriter, offscreen), the Word document (python-docx) and the HTML page.
Prints a table of medians and the slowest run. Target on a 2-core laptop:
well under a second for each format, so the export feels instant.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication  # noqa: E402

from desktop import paths  # noqa: E402
from desktop.content import build as builder  # noqa: E402
from desktop.export.docx import write_docx  # noqa: E402
from desktop.export.files import write_text_atomically  # noqa: E402
from desktop.export.html import render_html  # noqa: E402
from desktop.export.model import ExportOptions, gather_items  # noqa: E402
from desktop.export.pdf import write_pdf  # noqa: E402


def spread(ids: list[str], count: int) -> list[str]:
    if len(ids) <= count:
        return ids
    step = len(ids) / count
    return [ids[int(i * step)] for i in range(count)]


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    app = QGuiApplication(sys.argv[:1])  # noqa: F841
    db_path = args.db or paths.default_db()
    if not db_path.is_file():
        print(f"building {db_path} ...")
        builder.build(db_path)
    from desktop.content.store import open_store
    db = open_store(db_path)
    all_ids = [r[0] for r in db.conn.execute("SELECT id FROM paragraphs ORDER BY sort").fetchall()]
    ids = spread(all_ids, args.count)
    items = gather_items(db, ids)
    chars = sum(len(i.text) for i in items)
    footnotes = sum(len(i.footnotes) for i in items)

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        pages = {}
        rows = [
            ("gather items", timed(lambda: gather_items(db, ids), args.repeat), None),
            ("PDF (continuous)", timed(lambda: pages.__setitem__(
                "pdf", write_pdf(items, tmp / "a.pdf", ExportOptions())), args.repeat),
             tmp / "a.pdf"),
            ("PDF (one per page)", timed(lambda: pages.__setitem__(
                "pdf1", write_pdf(items, tmp / "b.pdf", ExportOptions(one_per_page=True))),
                args.repeat), tmp / "b.pdf"),
            ("DOCX", timed(lambda: write_docx(items, tmp / "a.docx", ExportOptions()),
                           args.repeat), tmp / "a.docx"),
            ("HTML", timed(lambda: write_text_atomically(
                tmp / "a.html", render_html(items, ExportOptions())), args.repeat),
             tmp / "a.html"),
        ]
        print(f"{len(items)} paragraphs ({chars} characters, {footnotes} footnotes) from {db_path}; "
              f"{args.repeat} runs each")
        print(f"PDF pages: continuous {pages['pdf']}, one per page {pages['pdf1']}")
        print()
        print(f"| {'step':<20} | {'median ms':>9} | {'max ms':>8} | {'size KB':>8} |")
        print(f"|{'-' * 22}|{'-' * 11}|{'-' * 10}|{'-' * 10}|")
        for name, times, path in rows:
            size = f"{path.stat().st_size / 1024:.0f}" if path else "-"
            print(f"| {name:<20} | {statistics.median(times) * 1000:>9.1f} | "
                  f"{max(times) * 1000:>8.1f} | {size:>8} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
