"""`python -m desktop.search QUERY [--db PATH] [--part A|B] [--limit N] [--json]`.

`--similar TEXT`: the agreed paragraphs closest to a draft (desktop.search.similar).

Exit codes follow desktop.cli (README): 3/4/5 for a missing, damaged or
other-version database (or search index).
"""

from __future__ import annotations

import argparse
import json
import sys

from desktop import cli
from desktop.content.first_start import ensure_default_db
from desktop.console import utf8_streams
from desktop.search.connection import SearchError, connect
from desktop.search.engine import DEFAULT_LIMIT, search
from desktop.search.results import result_notes
from desktop.search.snippets import Snippet

PROG = "python -m desktop.search"


def _main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Search the compendium database (Arabic-aware: diacritics, "
                    "letter variants and clitics do not matter).")
    parser.add_argument("query", nargs="*", help='words, "a phrase", -excluded, prefix*')
    parser.add_argument("--similar", metavar="TEXT",
                        help="instead of a query: a draft; lists the agreed paragraphs "
                             "closest to it, with a similarity score 0-1")
    parser.add_argument("--db", help="database path (default data/compendium.sqlite)")
    parser.add_argument("--part", choices=["A", "B"], help="only Part A or Part B")
    parser.add_argument("--limit", type=int, default=DEFAULT_LIMIT,
                        help=f"most results to print (default {DEFAULT_LIMIT})")
    parser.add_argument("--json", action="store_true",
                        help='one JSON object per result: "id", "citation", "snippet", "score", '
                             '"kind", "exact", "variants", "partial", "theme", "also_in"; '
                             "a spelling suggestion and notes go to stderr")
    args = parser.parse_args(argv)
    if args.limit < 0:
        parser.error("--limit must be 0 or more")
    db_path = args.db or ensure_default_db()
    if args.similar is not None:
        from desktop.search.similar_cli import run_similar
        return run_similar(db_path, args.similar, args.limit, args.json)
    if not args.query:
        parser.error("give a QUERY or --similar TEXT")
    try:
        conn = connect(db_path)
        results = search(conn, " ".join(args.query), part=args.part, limit=args.limit)
    except SearchError as exc:
        cli.say(PROG, exc.arabic, str(exc))
        return cli.database_status(exc)
    try:
        out = sys.stdout
        head = []
        if results.suggestion:
            head.append(f"هل تقصد: {results.suggestion}؟")
        head.extend(results.notes)
        if args.json:
            for line in head:
                print(line, file=sys.stderr)
            for r in results:
                out.write(json.dumps(r.as_dict(), ensure_ascii=False) + "\n")
        else:
            for line in head:
                out.write(line + "\n")
            for i, r in enumerate(results):
                if i == results.partial_start:
                    out.write("-- نتائج تطابق بعض كلمات البحث --\n")
                snip = r.snippet_parts
                text = (("… " if snip.cut_start else "") + snip.marked("[", "]")
                        + (" …" if snip.cut_end else "")) if isinstance(snip, Snippet) else r.snippet
                out.write(f"{r.id}\t{r.citation}\t{r.score:.3f}\n    {text}\n")
                for note in result_notes(r):
                    out.write(f"    ({note})\n")
            more = "+" if results.capped else ""
            out.write(f"{results.total}{more} result(s)\n")
    except BrokenPipeError:
        return 0
    return 0


def main(argv: list[str] | None = None) -> int:
    utf8_streams()
    return cli.run(_main, argv, PROG)


if __name__ == "__main__":
    sys.exit(main())
