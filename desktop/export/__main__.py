"""`python -m desktop.export [--db PATH] (--pdf|--docx|--html PATH) LOCATOR...`

The app's export from the command line, for preparing a briefing pack.
``--notes`` prints the user's own notes under their paragraphs.
Locators are paragraph ids (A07/13), unit ids (A07, B6-r4) or compendium
locators ("الجزء ألف سابعاً-13"). An unknown locator or an unwritable path
is reported and nothing is written (the file is written to a temporary name
and moved into place only when complete).
"""

from __future__ import annotations

import argparse
import os
import sys

from desktop import paths
from desktop.console import utf8_streams
from desktop.content.locate import UnknownLocator, resolve_all
from desktop.content.store import StoreError, open_store
from desktop.export.files import ExportError
from desktop.export.model import DEFAULT_TITLE, ExportOptions, gather_items


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m desktop.export",
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


def _with_user_notes(items, userdata_path):
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


def main(argv: list[str] | None = None) -> int:
    utf8_streams()
    args = _parser().parse_args(argv)
    try:
        store = open_store(args.db or paths.default_db())
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        ids = resolve_all(store, args.locators)
    except UnknownLocator as exc:
        for loc in exc.locators:
            print(f"error: unknown locator: {loc}", file=sys.stderr)
        print("nothing was written", file=sys.stderr)
        return 2
    items = gather_items(store, ids)
    if args.notes:
        try:
            items = _with_user_notes(items, args.userdata)
        except ExportError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    options = ExportOptions(title=args.title, include_citations=not args.no_citations,
                            include_footnotes=not args.no_footnotes,
                            one_per_page=args.one_per_page, include_notes=args.notes,
                            include_lead_in=not args.no_lead_in)
    try:
        if args.pdf:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
            from PySide6.QtGui import QGuiApplication
            from desktop.export.pdf import write_pdf
            app = QGuiApplication.instance() or QGuiApplication(["desktop.export"])  # noqa: F841
            pages = write_pdf(items, args.pdf, options)
            print(f"wrote {args.pdf}: {len(items)} paragraph(s), {pages} page(s)")
        elif args.docx:
            from desktop.export.docx import write_docx
            write_docx(items, args.docx, options)
            print(f"wrote {args.docx}: {len(items)} paragraph(s)")
        else:
            from desktop.export.files import write_text_atomically
            from desktop.export.html import render_html
            write_text_atomically(args.html, render_html(items, options))
            print(f"wrote {args.html}: {len(items)} paragraph(s)")
    except ExportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
