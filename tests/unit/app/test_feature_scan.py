"""desktop.app's lighter answer to PySide6's look for ``from __feature__``
in each module imported after it (desktop/app/__init__.py)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import desktop.app
from desktop.app import _uses_pyside

ROOT = Path(__file__).resolve().parents[3]


def test_no_module_of_the_app_selects_a_pyside_feature():
    """Why the app's modules need not be read: none switches a feature."""
    found = [str(path.relative_to(ROOT)) for path in (ROOT / "desktop").rglob("*.py")
             if re.search(r"^\s*from __feature__ import", path.read_text(encoding="utf-8"), re.M)]
    assert found == []


def test_the_apps_modules_are_answered_unread_others_read():
    assert _uses_pyside(desktop.app) is True
    assert _uses_pyside(sys.modules["desktop.content.store"]) is True
    assert _uses_pyside(json) is False                      # read: no PySide6 in it
    assert _uses_pyside(sys) is False                       # built in: no source
