"""desktop.app.about_action: «حول البرنامج» in the Help menu opens the About
dialog, whose module is imported on first use, not before."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.app.about import AboutDialog


def test_help_menu_opens_the_about_dialog(make_window, content_db_path, qtbot):
    window = make_window(content_db_path)
    assert window.about_action in window.menu("help").actions()
    seen = []

    def close_dialog():
        dialog = QApplication.activeModalWidget()
        seen.append(dialog)
        if dialog is not None:
            dialog.close()

    QTimer.singleShot(100, close_dialog)
    window.about_action.trigger()
    assert len(seen) == 1 and isinstance(seen[0], AboutDialog)
    assert seen[0].windowTitle() == "حول البرنامج"
    assert not window.about_action.icon().isNull()


def test_the_action_does_not_import_the_dialog():
    code = ("import sys\n"
            "from desktop.app.about_action import add_about_action\n"
            "print('desktop.app.about' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[3])
    assert out.stdout.strip() == "False"
