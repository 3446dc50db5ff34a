"""`python -m desktop.content build|dump|check`: the data command line.

Exit codes follow desktop.cli (listed in the README): 1 when check finds
unexplained problems or the build's sources have one, 3/4/5 for a missing,
damaged or other-version database, 7 when the database cannot be written.
"""

from __future__ import annotations

import argparse
import json
import sys

from desktop import cli
from desktop.console import utf8_streams
from desktop.content import build as builder
from desktop.content.database import ContentConnection, damaged_rows, reading

PROG = "python -m desktop.content"


def _main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=PROG,
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
            return cli.EXIT_OK
        if not args.db:  # a pip install builds the default database on first use
            from desktop.content.first_start import ensure_default_db

            ensure_default_db()
        db = builder.open_db(args.db)
        conn = db.conn
        assert isinstance(conn, ContentConnection)  # open_db opens through open_readonly
        # a damaged page met in the middle of the dump or check is reported
        # as a damaged database (exit 4), not a traceback
        with reading(conn.path):
            if args.command == "dump":
                out = sys.stdout
                for row in builder.dump(db):
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
                out.flush()
                if conn.damaged:
                    cli.say(PROG, f"في قاعدة البيانات {conn.path} نصوص تالفة "
                                  "(استُبدلت بالرمز �)",
                            f"{conn.damaged} value(s) with invalid UTF-8; "
                            "check lists them")
                    return cli.EXIT_CORRUPT_DATABASE
                return cli.EXIT_OK
            findings = builder.check(db)
            findings += [builder.Finding("database", "error",
                                         f"{table} {key}: {column} holds invalid UTF-8")
                         for table, key, column in damaged_rows(db.conn)]
        errors = 0
        for f in findings:
            if f.severity == "error":
                errors += 1
            if args.quiet and f.severity == "info":
                continue
            print(f"{f.severity.upper():7} [{f.stage}] {f.message}")
        print(f"check: {errors} unexplained problem(s)")
        return cli.EXIT_FINDINGS if errors else cli.EXIT_OK
    except builder.BuildWriteError as exc:
        cli.say(PROG, "تعذّرت كتابة قاعدة البيانات", str(exc))
        return cli.EXIT_CANNOT_WRITE
    except builder.BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return cli.EXIT_FINDINGS


def main(argv: list[str] | None = None) -> int:
    utf8_streams()
    return cli.run(_main, argv, PROG)


if __name__ == "__main__":
    sys.exit(main())
