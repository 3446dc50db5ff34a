"""desktop.app.finder: «البحث عن صياغة متفق عليها» (Ctrl+Shift+F) and
«مشابهات» from the reader's paragraph menu, each a dock made on first use;
nothing of either is loaded at start."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from desktop.app.finder import install_finder
from desktop.app.selection import install_selection


@pytest.fixture
def window(make_window, content_db_path):
    w = make_window(content_db_path)
    install_finder(w, install_selection(w, ":memory:"))
    return w


def test_more_like_this_from_the_reader_menu_oldest_first(window, qtbot):
    assert window.open_paragraph("B6-r4/1")
    menu = window.reader.paragraph_menu("B6-r4/1")
    action = next(a for a in menu.actions() if a.text().startswith("مشابهات"))
    action.trigger()
    panel = window.similar_panel
    assert panel.dock.isVisible()
    ids = [m.id for m in panel.matches]
    assert "B8-r4/1" in ids and "B6-r4/1" not in ids
    years = [m.year for m in panel.matches]
    assert years == sorted(years)
    assert panel.list.count() == len(ids)

    # a click opens that paragraph; the list stays on B6-r4/1
    item = panel.list.item(ids.index("B8-r4/1"))
    panel.list.itemClicked.emit(item)
    assert window.reader.current_paragraph_id() == "B8-r4/1"
    assert panel.paragraph_id == "B6-r4/1"
    # another paragraph opened elsewhere: the panel follows
    window.open_paragraph("A05/l13")
    assert panel.paragraph_id == "A05/l13"
    assert "cop12:r4/9" in [m.id for m in panel.matches]


def test_the_finder_is_not_loaded_at_start(content_db_path, tmp_path):
    code = (
        "import os, sys, json; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from pathlib import Path\n"
        "from desktop.app.application import create_application\n"
        "from desktop.app.settings import AppSettings\n"
        "from desktop.content.store import open_store\n"
        "from desktop.__main__ import build_main_window\n"
        "app = create_application(['x'])\n"
        f"w = build_main_window(open_store({str(content_db_path)!r}), "
        f"AppSettings(Path({str(tmp_path / 's.ini')!r})), remember=False, user_data=':memory:')\n"
        "print(json.dumps([m in sys.modules for m in ('desktop.app.finder_panel', "
        "'desktop.search.similar', 'desktop.search.wordiff')] + "
        "[w.find_agreed_action.shortcut().toString()]))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == [False, False, False, "Ctrl+Shift+F"]
