"""The start-up budget (issue 17): what the first paint does not need waits.

Runs the real interactive start (``python -m desktop --bench-startup``, the
path bench/startup_bench.py measures) in a fresh process, so that no other
test's imports are in the way, and reads which modules were loaded when the
reader first painted the start paragraph. Not a timing: a list of modules.
"""

from __future__ import annotations

import json
import os

import pytest
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: loaded only on first use or on the first idle turn after the first paint (the
#: application style too: desktop.app.application.configure; the log file's
#: rotating handler on the first record: desktop.log)
DEFERRED = ("desktop.export", "desktop.app.printing", "desktop.app.search_panel",
            "desktop.app.search_worker",
            "desktop.app.search", "desktop.app.search_results",
            "desktop.app.find_bar", "desktop.app.export_dialog", "desktop.search.engine",
            "desktop.search.connection", "desktop.search.locator_hit", "desktop.search.plan",
            "desktop.search.rows", "desktop.search.results",
            "desktop.search.index", "desktop.search.snippets", "docx", "lxml", "sqlite_utils",
            "markdown", "desktop.app.finder_panel", "desktop.search.similar",
            "desktop.search.wordiff", "desktop.handbook", "desktop.app.handbook_viewer",
            "desktop.app.style", "logging.handlers", "desktop.app.about", "importlib.resources",
            "desktop.app.dialogs",  # message boxes: imported where one is shown
            "desktop.app.preferences_dialog",  # opened on first use
            "desktop.app.index_panel", "desktop.app.index_model",  # the index tab: the idle turn
            "desktop.app.mouse_history")  # the mouse's Back/Forward: the idle turn


def _start(tmp_path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COMPENDIUM_BENCH_SETTLE="0.3",
               HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"))
    proc = subprocess.run([sys.executable, "-m", "desktop", "--open", "A07/13", "--bench-startup"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    assert lines, proc.stdout + proc.stderr[-3000:]
    return json.loads(lines[-1])


#: not even on the idle turns after the first paint: on first use (issue 17:
#: the search panel, its worker and engine, ~5 MiB; printing, ~1.5 MiB)
FIRST_USE = ("desktop.app.search_panel", "desktop.app.search_worker", "desktop.search.engine",
             "desktop.search.suggest", "rapidfuzz", "desktop.app.printing", "desktop.export.pdf",
             "PySide6.QtPrintSupport", "Stemmer",
             "desktop.search.query", "desktop.search.snippets",  # the find bar's, with the first find
             "desktop.app.index_panel", "desktop.app.index_model",  # when the index tab is shown
             "desktop.export.model",  # the selection's list, with its first paragraph (empty here)
             "html.entities")  # the html package's; the reader escapes with desktop.content.html_escape


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict:
    return _start(tmp_path_factory.mktemp("start"))


def test_first_paint_needs_no_export_printing_search_or_word(report):
    assert report["first_paint"], "the reader never painted"
    assert report["paragraph"] == "A07/13"
    loaded = report["modules_at_first_paint"]
    assert "desktop.app.reader" in loaded  # the list is real, not empty
    early = [name for name in loaded  # a module or package named, and what is in it
             if any(name == d or name.startswith(d + ".") for d in DEFERRED)]
    assert early == [], f"loaded before the first paint: {early}"
    # ...and what waited is there once the window is idle: the probe used
    # the search tab, the print preview and the PDF export after start-up
    for key in ("first_search", "first_preview", "first_export"):
        assert key in report, f"{key} did not work after start-up: {report}"
    # ...and the opens it times found their paragraphs: new units, units
    # seen before, the next unit after a pause, the unit shown
    for key in ("open_p95", "open_again_p95", "open_next_p95", "open_within_p95"):
        assert key in report, f"{key} was not measured: {report}"


#: Qt classes whose enum types PySide6 builds only once they are used: a
#: class's are all built when it is first imported (issue 17: 253 enum types
#: at the first paint, ~40 ms; the Qt namespace alone is 93)
LATER_ENUMS = ("QUrl", "QHeaderView", "QLineEdit", "QStyleOptionViewItem", "QStyleOption",
               "QAbstractItemDelegate", "QMessageBox", "QFileDialog", "QDialogButtonBox",
               "QPrinter", "QPageLayout", "QPagedPaintDevice", "QStyle",
               "QPainter")  # the reader's margin painter: only with notes to mark
#: the enum types built by the first paint (234 when this was set)
ENUM_BUDGET = 240


def test_the_first_paint_builds_no_enum_types_it_does_not_use(report):
    built = report["qt_enum_types_at_first_paint"]
    assert built.get("Qt"), "the count is real, not empty"
    early = sorted(owner for owner in built if owner in LATER_ENUMS)
    assert early == [], f"enum types built before the first paint: {early}"
    assert sum(built.values()) <= ENUM_BUDGET, sorted(built.items())


def test_the_garbage_collector_is_back_once_the_window_is_idle(report):
    """desktop.__main__ turns it off for the start (~8 ms of collections
    before the first paint) and on again on the first idle turn."""
    assert report["gc_enabled_when_settled"] is True


def test_the_search_panel_and_printing_wait_for_their_first_use(report):
    settled = report["modules_when_settled"]
    # the idle turns did run: the search tab and the print actions are there
    assert "desktop.app.search" in settled and "desktop.app.print_actions" in settled
    early = [name for name in settled if name.startswith(FIRST_USE)]
    assert early == [], f"loaded before first use: {early}"
    # ...and the first search, through Ctrl+K, built the tab and found hits
    assert report["first_search"] > 0


def test_no_dialog_types_are_built_before_a_dialog_is_shown(report):
    """Nothing of the start asks a viewport by viewport() before it is wrapped
    (desktop.app.qt_viewport): that lookup builds the Python types of ~90
    widget classes (dialogs, spin boxes, ...), about 1 MiB resident."""
    built = report["widget_types_when_settled"]
    assert "QMainWindow" in built  # the list is real
    early = [name for name in ("QMessageBox", "QFileDialog", "QInputDialog", "QDialog", "QSpinBox",
                               "QCalendarWidget") if name in built]
    assert early == [], f"built before first use: {early}"
