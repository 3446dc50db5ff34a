"""desktop.app.print_actions: the File menu's print and export actions, with
their shortcuts, there from the first idle turn; the printing module (Qt's
print support, the PDF painter) imported only by the first print."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence

from desktop.app import printing
from desktop.app.selection import install_selection

ROOT = Path(__file__).resolve().parents[3]


def test_the_actions_are_in_the_file_menu_and_print_what_they_say(make_window, content_db_path,
                                                                   monkeypatch):
    window = make_window(content_db_path)
    panel = install_selection(window, ":memory:")
    names = {a.objectName() for a in window.menu("file").actions()}
    assert {"action-print", "action-print-paragraph", "action-print-unit", "action-export-pdf",
            "action-export-docx", "action-export-html", "action-copy-selection"} <= names
    assert window.print_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    printed: list[tuple[list[str], str]] = []
    monkeypatch.setattr(printing, "print_with_preview",
                        lambda parent, items, options: printed.append(
                            ([it.paragraph_id for it in items], options.title)))
    window.open_paragraph("A07/13")
    # Ctrl+P with an empty selection: the open unit
    window.print_action.trigger()
    assert "A07/13" in printed[-1][0] and len(printed[-1][0]) > 1
    window.findChild(QAction, "action-print-paragraph").trigger()
    assert printed[-1][0] == ["A07/13"]
    # with a selection: the selection
    panel.add_paragraphs(["A07/5", "A07/6"])
    window.print_action.trigger()
    assert printed[-1][0] == ["A07/5", "A07/6"]


def test_installing_the_actions_imports_no_printing(content_db_path):
    """In a fresh process (other tests import printing): the actions are
    installed, Ctrl+P is bound, and Qt's print support is not loaded."""
    code = (
        "import sys\n"
        "from desktop.app.application import create_application\n"
        "from desktop.app.main_window import MainWindow\n"
        "from desktop.app.settings import AppSettings\n"
        "from desktop.app.selection import install_selection\n"
        "from desktop.content.store import open_store\n"
        "import tempfile, pathlib\n"
        "app = create_application(['t'])\n"
        "folder = tempfile.mkdtemp()\n"
        f"w = MainWindow(open_store({str(content_db_path)!r}), "
        "AppSettings(pathlib.Path(folder) / 's.ini'), remember=False)\n"
        "install_selection(w, ':memory:')\n"
        "assert w.print_action.shortcut().toString()\n"
        "print(sorted(m for m in ('desktop.app.printing', 'desktop.export.pdf', "
        "'PySide6.QtPrintSupport') if m in sys.modules))\n")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
                                            "HOME": str(content_db_path.parent)})
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip().splitlines()[-1] == "[]"
