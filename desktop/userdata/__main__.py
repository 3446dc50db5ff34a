"""``python -m desktop.userdata export PATH`` / ``import PATH``.

Moves bookmarks, notes and named selections between machines (the format
is in exchange.py). ``--userdata`` names the user-data file (default: the
app's own, under the platform's application-data folder); ``--db`` the
content database whose paragraph ids an import is checked against.
Exit status: 0 done, 2 refused (message on stderr, nothing changed).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable, Iterable

from desktop.console import utf8_streams
from desktop.userdata.exchange import ExchangeError, export_file, import_file
from desktop.userdata.store import SelectionStore, UserDataError, default_path


def app_data_folder() -> Path:
    """The folder the app's QStandardPaths.AppDataLocation names (organisation
    and application as set in desktop.app.application)."""
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    from desktop import APP_NAME, ORGANIZATION

    # static setters: no application object is needed (a later QGuiApplication
    # for PDF export must still be creatable)
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APP_NAME)
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def _known_ids(db_arg: str | None) -> Callable[[Iterable[str]], set[str]] | None:
    """A ``known(ids)`` over the content database, or None if there is none."""
    from desktop import paths
    from desktop.content.store import StoreError, open_store

    path = Path(db_arg) if db_arg else paths.default_db()
    if not path.exists():
        return None
    try:
        store = open_store(path)
    except StoreError:
        return None
    return lambda ids: store.existing_ids(list(ids))


def main(argv: list[str] | None = None) -> int:
    utf8_streams()
    parser = argparse.ArgumentParser(
        prog="python -m desktop.userdata",
        description="Export or import bookmarks, notes and named selections.")
    parser.add_argument("--userdata", type=Path, default=None,
                        help="the user-data file (default: the app's own)")
    parser.add_argument("--db", default=None, help="content database to check ids against")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("export", help="write everything to a JSON file").add_argument("path", type=Path)
    sub.add_parser("import", help="merge a JSON file in").add_argument("path", type=Path)
    args = parser.parse_args(argv)

    path = args.userdata or default_path(app_data_folder())
    try:
        store = SelectionStore(path)
    except UserDataError as exc:
        print(f"تعذّر فتح ملف البيانات الشخصية: {exc}", file=sys.stderr)
        return 2
    with store:
        try:
            if args.command == "export":
                doc = export_file(store, args.path)
                print(f"كُتب {args.path}: {len(doc['bookmarks'])} علامة مرجعية، "
                      f"{len(doc['notes'])} ملاحظة، {len(doc['selections'])} مختارات")
                return 0
            report = import_file(store, args.path, _known_ids(args.db))
        except (ExchangeError, UserDataError) as exc:
            print(str(exc), file=sys.stderr)
            return 2
    for line in report.lines():
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
