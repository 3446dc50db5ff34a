"""`python -m desktop.content build|dump|check`: the data command line."""

from __future__ import annotations

import argparse
import json
import sys

from desktop.console import utf8_streams
from desktop.content import build as builder


def main(argv: list[str] | None = None) -> int:
    utf8_streams()
    parser = argparse.ArgumentParser(prog="python -m desktop.content",
                                     description="Build, dump and check the compendium database.")
    sub = parser.add_subparsers(dest="command", required=True)
    p_build = sub.add_parser("build", help="build the database from data/sources")
    p_build.add_argument("--out", help="database path (default data/compendium.sqlite)")
    p_build.add_argument("--sources", help=argparse.SUPPRESS)
    p_build.add_argument("--corrections", help=argparse.SUPPRESS)
    p_dump = sub.add_parser("dump", help="write the content as JSON Lines")
    p_dump.add_argument("--db", help="database path")
    p_check = sub.add_parser("check", help="validation report")
    p_check.add_argument("--db", help="database path")
    p_check.add_argument("--quiet", action="store_true", help="print only warnings and errors")
    args = parser.parse_args(argv)

    try:
        if args.command == "build":
            ctx = builder.build(args.out, args.sources, args.corrections)
            for line in ctx.report:
                print(line)
            print(f"built {args.out or builder.paths.default_db()}")
            return 0
        db = builder.open_db(args.db)
        if args.command == "dump":
            out = sys.stdout
            for row in builder.dump(db):
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
            return 0
        findings = builder.check(db)
        errors = 0
        for f in findings:
            if f.severity == "error":
                errors += 1
            if args.quiet and f.severity == "info":
                continue
            print(f"{f.severity.upper():7} [{f.stage}] {f.message}")
        print(f"check: {errors} unexplained problem(s)")
        return 1 if errors else 0
    except builder.BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
