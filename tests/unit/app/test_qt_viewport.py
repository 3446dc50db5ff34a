"""A scroll area's viewport wrapped without shiboken's type lookup: the
same widget, and no QWidget class's Python type built for it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from PySide6.QtWidgets import QTextBrowser, QTreeView

from desktop.app.qt_viewport import wrap_viewport

#: run in a fresh interpreter: which QtWidgets types exist after viewport()
PROBE = """
import json, sys
import PySide6.QtWidgets as W
from desktop.app.qt_viewport import wrap_viewport
app = W.QApplication([])
area = W.QTextBrowser()
kept = wrap_viewport(area) if sys.argv[1] == "wrapped" else None
viewport = area.viewport()
print(json.dumps({"same": viewport is kept,
                  "built": sorted(k for k in vars(W) if k.startswith("Q"))}))
"""


def _built_after_viewport(mode: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", PROBE, mode], env=env, capture_output=True,
                         text=True, timeout=60, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def test_the_wrapped_viewport_is_the_scroll_areas_own(qtbot):
    for area in (QTextBrowser(), QTreeView()):
        qtbot.addWidget(area)
        kept = wrap_viewport(area)
        assert kept is not None and kept is area.viewport()
        assert type(kept).__name__ == "QWidget"


def test_viewport_builds_no_widget_types_once_wrapped():
    plain = _built_after_viewport("plain")
    wrapped = _built_after_viewport("wrapped")
    # unwrapped, the lookup builds the types of dialogs and the like
    assert "QMessageBox" in plain["built"] and "QFileDialog" in plain["built"]
    assert wrapped["same"]
    assert "QMessageBox" not in wrapped["built"] and "QFileDialog" not in wrapped["built"]
    assert len(wrapped["built"]) < len(plain["built"]) - 30
