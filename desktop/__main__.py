"""``python -m desktop`` / ``compendium``: open the reader on the content database.

    compendium [--db PATH] [--open LOCATOR] [--screenshot PNG] [--self-test] [--version]

--screenshot renders the window offscreen at 1280×800 and exits;
--self-test opens the database, renders one unit of each kind, follows one
link and exits 0, or prints what failed and exits 1 (the packaged app runs
it). Problems with the database or the locator give an Arabic message (and a
line on stderr) and a non-zero exit, never a traceback; the exit codes are
desktop.cli's, shared by every command and listed in the README. Python's
logging and faulthandler write to a log file under the app-data folder
(desktop.log).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import paths
from desktop.console import utf8_streams

if TYPE_CHECKING:  # loaded lazily at run time (the first paint comes first)
    from PySide6.QtWidgets import QApplication

    from desktop.app.main_window import MainWindow
    from desktop.app.search_panel import SearchPanel
    from desktop.app.settings import AppSettings
    from desktop.content.store import ContentStore

SCREEN_SIZE = (1280, 800)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="compendium",
        description="Offline Arabic reader for the UNODC technical-assistance compendium.")
    parser.add_argument("--db", type=Path, default=None,
                        help="content database (default: the embedded data/compendium.sqlite)")
    parser.add_argument("--open", dest="locator", default=None, metavar="LOCATOR",
                        help='open at a paragraph, e.g. "الجزء ألف سابعاً-13" or A07/13')
    parser.add_argument("--screenshot", type=Path, default=None, metavar="PNG",
                        help="render the window offscreen at 1280x800, save a PNG, exit")
    parser.add_argument("--self-test", action="store_true",
                        help="check the database and the reader, print failures, exit")
    parser.add_argument("--bench-startup", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--version", action="store_true",
                        help="print the program's version and the compendium's edition, exit")
    return parser.parse_args(argv)


def version_text(db_path: Path) -> str:
    """`compendium 0.1.0` and the edition of the compendium in the database."""
    from desktop import __version__
    from desktop.content.database import ContentDatabaseError, open_readonly
    from desktop.content.store import ContentStore

    edition = "الطبعة: غير معروفة (تعذّر فتح قاعدة البيانات)"
    try:
        store = ContentStore.over(open_readonly(db_path, check=False), db_path)
        try:
            compendium = store.document("compendium")
        finally:
            store.close()
        if compendium:
            edition = f"الطبعة: {compendium.title or ''} ({compendium.date or ''})"
    except ContentDatabaseError:
        pass
    return f"compendium {__version__}\n{edition}"


def main(argv: list[str] | None = None) -> int:
    utf8_streams()
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.version:
        print(version_text(args.db or paths.default_db()))
        return 0
    headless = bool(args.screenshot or args.self_test)
    if headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        return start(args, headless)
    # the interactive start: no garbage collection until the first paint.
    # The start allocates much and frees little (modules, classes, PySide6's
    # enum types), and the collector's passes over it were ~10 ms CPU of
    # the first paint (issue 17); it is back on the first idle turn
    # (window.when_idle), on a first start's database build, and in any case
    # when the app is done
    collecting = gc.isenabled()
    gc.disable()
    try:
        return start(args, headless)
    finally:
        if collecting:
            gc.enable()


def start(args: argparse.Namespace, headless: bool) -> int:
    """The app, once the arguments are read (main)."""
    from desktop.app import errors
    from desktop.app.application import create_application
    from desktop.app.settings import AppSettings
    from desktop.content.store import StoreError, open_store

    # the interactive start installs the application style after the first
    # paint (desktop.app.application.configure); screenshots and the self-test
    # have it at once
    app = create_application([sys.argv[0]], defer_style=not headless)
    db_path = args.db or first_start_db(app, headless)
    try:
        store = open_store(db_path)
    except StoreError as exc:
        return errors.report_store_error(exc, dialog=not headless)

    target = None
    if args.locator:
        from desktop.content.locate import resolve
        ids = resolve(store, args.locator)
        if not ids:
            status = errors.report_unknown_locator(args.locator, dialog=not headless)
            if headless:
                return status
        else:
            target = ids[0]

    if headless:
        scratch = tempfile.TemporaryDirectory(prefix="compendium-")
        settings = AppSettings(Path(scratch.name) / "settings.ini")
        # headless: window state and user data untouched
        window = build_main_window(store, settings, remember=False, user_data=":memory:")
        if args.self_test:
            from desktop.app.self_test import run_self_test
            failures = run_self_test(window)
            for line in failures:
                print(f"self-test: FAILED: {line}", file=sys.stderr)
            if not failures:
                print("self-test: ok")
            window.close()
            return 1 if failures else 0
        return save_screenshot(app, window, args.screenshot, target)

    if args.bench_startup:  # bench/startup_bench.py: the interactive start, measured
        from desktop.app.startup_probe import attach

        scratch = tempfile.TemporaryDirectory(prefix="compendium-")
        window = build_main_window(store, AppSettings(Path(scratch.name) / "settings.ini"),
                                   remember=False, user_data=":memory:", deferred=True)
        attach(app, window)
        window.when_idle(gc.enable)
        show_at_start(window, target)
        return app.exec()

    # user data under QStandardPaths.AppDataLocation. The start is staged:
    # before the first paint: the window with its menus (titles without their
    # & marks), actions and shortcuts, toolbar (the back/forward buttons with
    # blank icons), tree, index tab (a blank page until it is shown), links dock,
    # the selection dock's frame, and the start paragraph in the reader;
    # after it, on the next event-loop turn (window.when_idle, in this order):
    # the application style (desktop.app.style) and the menus' & marks, the
    # toolbar's arrows, the mouse Back/Forward filter (on the window's
    # QWindow), the selection's list and the print actions, the search tab
    # and find bar (Ctrl+K, Ctrl+F), the names and Tab order of what they add
    # (desktop.app.access), last the garbage collector back on (off since
    # main); on first use: the search panel and the thematic index's panel
    # (each when its tab is first shown), printing, export, the About
    # dialog. A key pressed before that turn runs it at once, before Qt looks
    # the key's shortcut up (desktop.app.first_paint): no shortcut is lost.
    window = build_main_window(store, AppSettings(), deferred=True)
    show_at_start(window, target)
    splash = app.property("first_start_splash")
    if splash is not None:
        splash.finish(window)
    window.when_idle(gc.enable)
    close_on_interrupt(window)
    errors.install_excepthook()
    return app.exec()


def show_at_start(window: MainWindow, paragraph_id: str | None) -> None:
    """Show the window, then open the start paragraph: shown first, the
    reader has its real width when the unit goes in, and the page is laid
    out once (opened first, it was laid out at the hidden reader's width,
    then again when the window showed: ~10 ms CPU of the first paint,
    issue 17). Nothing paints in between: the first paint comes with the
    event loop."""
    window.show()
    window.open_start(paragraph_id)


def first_start_db(app: QApplication, headless: bool) -> Path:
    """The default database; a pip install builds it on its first start,
    saying so on stderr and, in a window, on a splash screen."""
    from desktop.content.first_start import ensure_default_db, print_notice

    def notice(text: str) -> None:
        gc.enable()  # the database is built: a long job, the collector on
        print_notice(text)
        if not headless:
            from PySide6.QtCore import Qt
            from PySide6.QtGui import QPixmap
            from PySide6.QtWidgets import QSplashScreen
            splash = QSplashScreen(QPixmap(str(paths.resource("icons", "app-256.png"))))
            splash.showMessage(text.splitlines()[0], Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignHCenter)
            splash.show()
            app.processEvents()
            app.setProperty("first_start_splash", splash)  # closed once the window shows

    return ensure_default_db(notice)


def build_main_window(store: ContentStore, settings: AppSettings, *, remember: bool = True,
                      user_data: str | None = None, deferred: bool = False) -> MainWindow:
    """The main window composed of its features, the same for the interactive
    and the headless runs: every feature is installed here, and what one
    feature gives another is handed over here (no feature looks for another
    on the window). `user_data` is the selection's database (None: the
    user's own). `deferred`: build what the first paint does not need on the
    first idle turn after the window is shown (the interactive start); else now."""
    from desktop.app.finder import install_finder
    from desktop.app.main_window import MainWindow
    from desktop.app.personal import install_personal
    from desktop.app.selection import install_selection
    from desktop.app.tree_menu import TreeMenu

    window = MainWindow(store, settings, remember=remember)
    # the contents tree's context menu: the entries of the three features given it
    tree_menu = TreeMenu(window.tree_view)
    selection = install_selection(window, user_data, tree_menu=tree_menu, deferred=deferred)
    # bookmarks, notes, exchange file: over the store the selection opened
    userdata = install_personal(window, selection)
    from desktop.app.history_menu import install_history_menus
    install_history_menus(window)  # Back/Forward drop-downs, Go > السجل
    # actions only: its panels are built on first use; «أضف إلى المختارات» adds to the selection
    install_finder(window, selection)
    from desktop.app.side_reader import install_side_by_side
    install_side_by_side(window, tree_menu)  # «فتح في لوحة مجاورة», Ctrl+\
    from desktop.app.tree_collapse import install_collapse_all
    install_collapse_all(window, tree_menu)  # «طيّ الكل»
    from desktop.app.help_menu import install_help
    install_help(window)  # F1: the handbook, «ما الجديد» (the viewer made on first use)
    from desktop.app.preferences import install_preferences
    install_preferences(window)  # «التفضيلات…» Ctrl+,: font, spacing, page colours, zoom
    from desktop.app.screen_modes import install_screen_modes
    install_screen_modes(window)  # F11 full screen, Ctrl+Shift+R reading mode

    def extend_search_panel(panel: SearchPanel) -> None:
        """What the other features add to the search panel once it is built."""
        from desktop.app.personal import install_notes_search
        from desktop.app.selection import hook_search

        hook_search(window, selection, panel)  # results: «أضف إلى المختارات»
        install_notes_search(window, userdata, panel)  # «ملاحظاتي» in the search tab

    def install_search_tab() -> None:
        from desktop.app.search import install_search, when_built

        # deferred: the tab, Ctrl+K and the find bar now; the panel (its
        # engine, worker pool, filters: ~5 MiB) when the tab is first shown
        install_search(window, lazy=deferred)
        when_built(window, extend_search_panel)

    if deferred:
        window.when_idle(install_search_tab)
    else:
        install_search_tab()

    def install_access_now() -> None:
        from desktop.app.access import follow_index_panel, follow_search_panel, install_access
        from desktop.app.search import when_built

        install_access(window)  # names, F6, Tab order, tree and status announcements
        # the search panel (now or when built): named, in the Tab order, announced
        when_built(window, lambda panel: follow_search_panel(window, panel))
        # the index panel too, built when its tab is first shown
        window.when_index_panel(lambda _panel: follow_index_panel(window))

    # after the deferred panels, so that they are named and in the Tab order
    if deferred:
        window.when_idle(install_access_now)
    else:
        install_access_now()
    return window


def close_on_interrupt(window: MainWindow) -> None:
    """Ctrl+C in the terminal closes the window (state saved) instead of
    raising inside a Qt callback; a timer lets Python see the signal."""
    import signal

    from PySide6.QtCore import QTimer

    signal.signal(signal.SIGINT, lambda *_: window.close())
    timer = QTimer(window)
    timer.timeout.connect(lambda: None)
    timer.start(250)


def save_screenshot(app: QApplication, window: MainWindow, path: Path,
                    paragraph_id: str | None) -> int:
    window.resize(*SCREEN_SIZE)
    window.open_start(paragraph_id)
    window.show()
    for _ in range(5):
        app.processEvents()
    window.reader.scroll_to_current()
    current = window.reader.current_paragraph_id()
    if current:
        window.select_in_tree(current)
    window.panels_follow_now()
    app.processEvents()
    image = window.grab()
    if not image.save(str(path), "PNG"):
        print(f"compendium: cannot write the screenshot {path}", file=sys.stderr)
        return 1
    print(f"screenshot: {path}")
    return 0


def run(argv: list[str] | None = None) -> int:
    """The installed command and ``python -m desktop``: logging to the log
    file, faulthandler for crashes, and no traceback whatever happens."""
    from desktop import cli, log

    log.setup()
    return cli.run(main, argv, "compendium")


if __name__ == "__main__":
    sys.exit(run())
