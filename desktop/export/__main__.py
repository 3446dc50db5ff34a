"""`python -m desktop.export [--db PATH] (--pdf|--docx|--html PATH) LOCATOR...`

The app's export from the command line, for preparing a briefing pack.
``--notes`` prints the user's own notes under their paragraphs.
Locators are paragraph ids (A07/13), unit ids (A07, B6-r4) or compendium
locators ("الجزء ألف سابعاً-13"). An unknown locator or an unwritable path
is reported and nothing is written (the file is written to a temporary name,
checked, and moved into place only when complete). Exit codes follow
desktop.cli (README): 2 a bad argument, 3/4/5 the database, 6 an unknown
locator, 7 the file cannot be written.
"""

from __future__ import annotations

import argparse
import os
import sys
import unicodedata
from pathlib import Path

from desktop import cli, paths
from desktop.console import utf8_streams
from desktop.content.locate import UnknownLocator, resolve_all
from desktop.content.database import reading
from desktop.content.store import open_store
from desktop.export.files import ExportError
from desktop.export.formats import write
from desktop.export.model import DEFAULT_TITLE, ExportItem, ExportOptions, gather_items


PROG = "python -m desktop.export"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=PROG,
        description="Export compendium paragraphs with their citations to PDF, Word or HTML.")
    p.add_argument("--db", help="content database (default: the embedded one)")
    out = p.add_mutually_exclusive_group(required=True)
    out.add_argument("--pdf", metavar="PATH")
    out.add_argument("--docx", metavar="PATH")
    out.add_argument("--html", metavar="PATH")
    p.add_argument("--title", default=DEFAULT_TITLE, help="title printed on every page")
    p.add_argument("--no-citations", action="store_true", help="omit the citations")
    p.add_argument("--no-footnotes", action="store_true", help="omit the footnotes")
    p.add_argument("--one-per-page", action="store_true", help="(PDF/Word) one item per page")
    p.add_argument("--notes", action="store_true",
                   help="print the user's notes under each paragraph (from the user-data file)")
    p.add_argument("--userdata", metavar="PATH",
                   help="user-data file for --notes (default: the app's own)")
    p.add_argument("--no-lead-in", action="store_true",
                   help="omit the lead-in printed before a sub-item (its chapeau, the item above)")
    p.add_argument("locators", nargs="+", metavar="LOCATOR",
                   help='paragraph id (A07/13), unit id (A07) or locator ("الجزء ألف سابعاً-13")')
    return p


def _with_user_notes(items: list[ExportItem], userdata_path: Path | None) -> list[ExportItem]:
    """Attach the user's notes from the user-data file (the app's own by default)."""
    from desktop.export.model import with_notes
    from desktop.userdata import SelectionStore, UserDataError, default_path

    if userdata_path is None:
        from desktop.userdata.__main__ import app_data_folder
        userdata_path = default_path(app_data_folder())
    try:
        with SelectionStore(userdata_path) as store:
            return with_notes(items, store.notes_for(it.paragraph_id for it in items))
    except UserDataError as exc:
        raise ExportError(f"تعذّرت قراءة الملاحظات: {exc}") from None


def text_problem(text: str) -> str | None:
    """Why ``text`` (a title) cannot go into a document, in Arabic, or None.

    Control characters are refused by Word's XML and invisible in print;
    a lone surrogate is a byte the terminal could not decode."""
    for ch in text:
        if 0xD800 <= ord(ch) <= 0xDFFF:
            return "فيه بايتات لا تُقرأ نصاً (ترميز غير UTF-8)"
        if unicodedata.category(ch) == "Cc" and ch not in "\t\n":
            return f"فيه محرف تحكم غير مرئي (U+{ord(ch):04X})"
    return None


def _main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    target = args.pdf if args.pdf is not None else (
        args.docx if args.docx is not None else args.html)
    if not target.strip():
        cli.say(PROG, "لم يُذكر اسم الملف المطلوب إنشاؤه")
        return cli.EXIT_USAGE
    problem = text_problem(args.title)
    if problem:
        cli.say(PROG, f"العنوان غير صالح: {problem}")
        return cli.EXIT_USAGE
    store = open_store(args.db or paths.default_db())   # errors: desktop.cli.run
    with reading(store.path):
        try:
            ids = resolve_all(store, args.locators)
        except UnknownLocator as exc:
            for loc in exc.locators:
                cli.say(PROG, "موضع غير معروف", f"unknown locator: {loc}")
            print("nothing was written", file=sys.stderr)
            return cli.EXIT_UNKNOWN_LOCATOR
        items = gather_items(store, ids)
    if args.notes:
        try:
            items = _with_user_notes(items, args.userdata)
        except ExportError as exc:
            cli.say(PROG, str(exc))
            return cli.EXIT_USAGE
    options = ExportOptions(title=args.title, include_citations=not args.no_citations,
                            include_footnotes=not args.no_footnotes,
                            one_per_page=args.one_per_page, include_notes=args.notes,
                            include_lead_in=not args.no_lead_in)
    kind = "pdf" if args.pdf is not None else ("docx" if args.docx is not None else "html")
    try:
        if kind == "pdf":
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
            from PySide6.QtGui import QGuiApplication
            app = QGuiApplication.instance() or QGuiApplication(["desktop.export"])  # noqa: F841
        pages = write(kind, items, target, options)
        print(f"wrote {target}: {len(items)} paragraph(s)"
              + (f", {pages} page(s)" if pages is not None else ""))
    except ExportError as exc:
        cli.say(PROG, str(exc))
        return cli.EXIT_CANNOT_WRITE
    return cli.EXIT_OK


def main(argv: list[str] | None = None) -> int:
    utf8_streams()
    return cli.run(_main, argv, PROG)


if __name__ == "__main__":
    sys.exit(main())
