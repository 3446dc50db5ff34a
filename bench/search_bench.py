"""Search relevance, latency and index build time, on the real database and on a 100x copy.

    python bench/search_bench.py [--scale 100] [--repeat 5] [--db PATH] [--relevance-only]

Relevance: the judged queries of bench/relevance_queries.toml (delegate
wording; judgments from the thematic index and our own), searched as the app
does by default (compendium only): recall in the first 20 (capped: found /
min(relevant, 20)) and nDCG@10 (binary gains), per query and on average, and
the same averages with an empty variant lexicon. Targets: mean recall@20 >=
0.6 and every query with results.

Builds the real database (or uses --db), times the search stage alone, then
generates a synthetic database `scale` times larger from the real paragraphs
(copy k of each paragraph has its words rotated by k, so copies differ while
keeping the real vocabulary and its frequencies), and runs a fixed list of
realistic queries on both, as the command line runs them and as the app's
search box does (as_you_type: the last word also matches as a prefix).
Prints a table of p50/p95/max (wall clock and CPU) per database and mode.
Targets on a 2-core laptop: p95 < 20 ms (real), < 100 ms (100x).
"""

from __future__ import annotations

import argparse
import math
import os
import sqlite3
import statistics
import sys
import tempfile
import time
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlite_utils  # noqa: E402

from desktop.content import build as builder  # noqa: E402
from desktop.content.schema import create_tables  # noqa: E402
from desktop.search import index  # noqa: E402
from desktop.search import lexicon as lexicon_mod  # noqa: E402
from desktop.search.engine import connect, search  # noqa: E402

RELEVANCE_FILE = Path(__file__).with_name("relevance_queries.toml")

#: (query, filters): what delegates type, including the query language's features.
QUERIES = [
    ("الشهود", {}), ("حماية الشهود", {}), ('"حماية الشهود"', {}), ("غسل الأموال", {}),
    ("الاتجار بالأشخاص", {}), ("تهريب المهاجرين", {}), ("الأسلحة النارية", {}),
    ("الفساد", {}), ("المساعدة القانونية المتبادلة", {}), ("تسليم المجرمين", {}),
    ("بناء القدرات", {}), ("التقنيه", {}), ("المساعدة التقنية", {}), ("تقني*", {}),
    ("تشريع*", {}), ("يقر", {}), ("الجريمة المنظمة عبر الوطنية", {}), ("جمع البيانات", {}),
    ("التعاون الدولي", {}), ("الضحايا -الشهود", {}), ("الموارد من خارج الميزانية", {}),
    ("المكتب", {"part": "A"}), ("المؤتمر", {"part": "B"}), ("التوصيات", {"year": 2013}),
    ("الدول الأطراف", {"unit": "A07"}), ("شيرلوك", {}), ("CTOC/COP/WG.2/2013/5", {}),
    ("سابعاً-13", {}), ("القرار 4/6", {}), ("الإجراءات القضائية", {}),
    ("اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة", {}), ("الشه", {}),
    ("مدربين على تقديم المساعدة", {}), ("الفريق العامل", {"part": "A"}), ("المستضعف*", {}),
]


def time_stage(path: Path) -> float:
    conn = sqlite3.connect(path)
    t0 = time.perf_counter()
    index.build(conn)
    elapsed = time.perf_counter() - t0
    conn.close()
    return elapsed


def make_scaled(real: Path, out: Path, scale: int) -> int:
    """Write a database `scale` times the real one (core tables only); return paragraphs."""
    src = sqlite3.connect(real)
    conn = sqlite3.connect(out)
    db = sqlite_utils.Database(conn)
    create_tables(db)
    sdb = sqlite_utils.Database(src)
    db["metadata"].insert_all(sdb["metadata"].rows)
    db["documents"].insert_all(sdb["documents"].rows)
    db["nodes"].insert_all(sdb["nodes"].rows)
    paragraphs = list(sdb.query("SELECT * FROM paragraphs ORDER BY sort"))
    n = len(paragraphs)
    rows = []
    for k in range(scale):
        for i, p in enumerate(paragraphs):
            row = dict(p)
            if k:
                ws = (p["text"] or "").split(" ")
                r = k % max(1, len(ws))
                row["text"] = " ".join(ws[r:] + ws[:r])
                row["id"] = f"{p['id']}~{k}"
            row["sort"] = k * n + i
            rows.append(row)
    db["paragraphs"].insert_all(rows, batch_size=5000)
    conn.commit()
    conn.close()
    src.close()
    return len(rows)


def run_queries(path: Path, repeat: int, as_you_type: bool = False
                ) -> tuple[list[float], list[float], int]:
    """Wall-clock and CPU milliseconds per search (CPU shows the cost apart from
    other processes competing for the machine)."""
    conn = connect(path)
    for q, f in QUERIES:  # warm the page cache and the stemmer cache
        search(conn, q, limit=50, as_you_type=as_you_type, **f)
    wall, cpu = [], []
    hits = 0
    for _ in range(repeat):
        for q, f in QUERIES:
            t0, c0 = time.perf_counter(), time.process_time()
            res = search(conn, q, limit=50, as_you_type=as_you_type, **f)
            cpu.append((time.process_time() - c0) * 1000)
            wall.append((time.perf_counter() - t0) * 1000)
            hits += len(res)
    conn.close()
    return wall, cpu, hits // repeat


def pct(samples: list[float], p: float) -> float:
    s = sorted(samples)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def judged(conn, entry: dict) -> set[str]:
    """The paragraph ids judged relevant to one query entry (see relevance_queries.toml)."""
    rel = set(entry.get("relevant", ()))
    for theme in entry.get("themes", ()):
        found = {p for (p,) in conn.execute(
            "SELECT paragraph_id FROM search_themes WHERE theme = ?", (theme,))}
        if not found:
            raise SystemExit(f"relevance_queries.toml: no theme {theme!r}")
        rel |= found
    if entry.get("phrase"):
        rel |= {r.id for r in search(conn, f'"{entry["phrase"]}"', document="compendium",
                                     limit=1000) if r.kind == "paragraph"}
    return rel


def relevance(path: Path, use_lexicon: bool = True) -> list[tuple[str, int, int, float, float]]:
    """(query, relevant, results, recall@20, nDCG@10) for every judged query."""
    entries = tomllib.loads(RELEVANCE_FILE.read_text(encoding="utf-8"))["query"]
    conn = connect(path)
    saved = lexicon_mod.for_connection
    if not use_lexicon:
        lexicon_mod.for_connection = lambda *a, **k: lexicon_mod.Lexicon({})
    try:
        out = []
        for e in entries:
            rel = judged(conn, e)
            res = search(conn, e["q"], document="compendium", limit=50)
            ids = [r.id for r in res if r.kind in ("paragraph", "title", "locator")]
            ids = list(dict.fromkeys(ids))
            recall = len(rel & set(ids[:20])) / min(len(rel), 20)
            dcg = sum(1 / math.log2(i + 2) for i, pid in enumerate(ids[:10]) if pid in rel)
            ideal = sum(1 / math.log2(i + 2) for i in range(min(len(rel), 10)))
            out.append((e["q"], len(rel), len(res), recall, dcg / ideal))
    finally:
        lexicon_mod.for_connection = saved
        conn.close()
    return out


def print_relevance(path: Path) -> bool:
    rows = relevance(path)
    base = relevance(path, use_lexicon=False)
    print(f"relevance: {len(rows)} judged queries, compendium only, as the app searches by default")
    print("| query | relevant | results | recall@20 | nDCG@10 | recall@20 without lexicon |")
    print("|---|---|---|---|---|---|")
    for (q, n, got, r, nd), (_, _, _, r0, _) in zip(rows, base):
        print(f"| {q} | {n} | {got} | {r:.2f} | {nd:.2f} | {r0:.2f} |")
    mean_r = statistics.mean(r[3] for r in rows)
    mean_n = statistics.mean(r[4] for r in rows)
    empty = [r[0] for r in rows if r[2] == 0]
    print(f"| **mean** | | | **{mean_r:.2f}** | **{mean_n:.2f}** | "
          f"{statistics.mean(r[3] for r in base):.2f} |")
    ok = mean_r >= 0.6 and not empty
    print(f"target: mean recall@20 >= 0.60, no query without results: "
          f"{'met' if ok else 'NOT met'}" + (f" (no results: {', '.join(empty)})" if empty else ""))
    print()
    return ok


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--db", help="use this built database instead of building one")
    ap.add_argument("--relevance-only", action="store_true",
                    help="print the relevance table only (needs --db or the default database)")
    args = ap.parse_args(argv)
    if args.relevance_only:
        from desktop import paths
        return 0 if print_relevance(Path(args.db) if args.db else paths.default_db()) else 1

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        real = tmp / "real.sqlite"
        t0 = time.perf_counter()
        if args.db:
            real.write_bytes(Path(args.db).read_bytes())
        else:
            builder.build(real)
        full_build = time.perf_counter() - t0
        relevance_ok = print_relevance(real)
        rows = []
        stage_real = statistics.median(time_stage(real) for _ in range(3))
        n_real = sqlite3.connect(real).execute("SELECT COUNT(*) FROM paragraphs").fetchone()[0]
        for mode in (False, True):
            wall, cpu, hits = run_queries(real, args.repeat, mode)
            rows.append(("real" + (", as you type" if mode else ""), n_real, stage_real,
                         wall, cpu, hits, 20.0))

        scaled = tmp / "scaled.sqlite"
        n_scaled = make_scaled(real, scaled, args.scale)
        stage_scaled = time_stage(scaled)
        for mode in (False, True):
            wall, cpu, hits = run_queries(scaled, args.repeat, mode)
            rows.append((f"{args.scale}x" + (", as you type" if mode else ""), n_scaled,
                         stage_scaled, wall, cpu, hits, 100.0))

    print(f"{len(QUERIES)} queries x {args.repeat} runs each, limit 50, snippets included; "
          f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    if not args.db:
        print(f"full database build (all stages): {full_build:.2f} s")
    head = ("database", "paragraphs", "index build s", "p50 ms", "p95 ms", "max ms",
            "CPU p50 ms", "CPU p95 ms", "hits/run", "target p95", "met")
    print("| " + " | ".join(head) + " |")
    print("|" + "|".join("---" for _ in head) + "|")
    ok = True
    for name, n, build_s, wall, cpu, hits, target in rows:
        p95 = pct(wall, 95)
        met = p95 < target
        ok &= met
        print(f"| {name} | {n} | {build_s:.2f} | {pct(wall, 50):.2f} | {p95:.2f} | "
              f"{max(wall):.2f} | {pct(cpu, 50):.2f} | {pct(cpu, 95):.2f} | {hits} | "
              f"< {target:.0f} ms | {'yes' if met else 'NO'} |")
    return 0 if ok and relevance_ok else 1


if __name__ == "__main__":
    sys.exit(main())
