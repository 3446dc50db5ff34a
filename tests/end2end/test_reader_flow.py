"""The reader as a delegate uses it: the command line, then one sitting that
browses both parts and the index, follows links and comes back."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage

from desktop.app.main_window import MainWindow
from desktop.app.settings import AppSettings
from desktop.content.render import para_href
from desktop.content.store import open_store
from tests.helpers.reader_qt import links_followed

ROOT = Path(__file__).resolve().parents[2]


def _run(*args, timeout=120):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def test_self_test_passes_on_the_built_database(content_db_path):
    done = _run("--db", str(content_db_path), "--self-test")
    assert done.returncode == 0, done.stderr
    assert "self-test: ok" in done.stdout


def test_self_test_reports_an_empty_database(tmp_path):
    from tests.helpers.fixture_db import make_db
    path = make_db(tmp_path / "empty.sqlite")
    done = _run("--db", str(path), "--self-test")
    assert done.returncode == 1
    assert "self-test: FAILED: the database has no paragraphs" in done.stderr


def test_screenshot_at_a_locator(content_db_path, tmp_path):
    png = tmp_path / "shot.png"
    done = _run("--db", str(content_db_path), "--open", "الجزء ألف سابعاً-13",
                "--screenshot", str(png))
    assert done.returncode == 0, done.stderr
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1280, 800)


def test_command_line_errors_are_messages_not_tracebacks(content_db_path, tmp_path):
    missing = _run("--db", str(tmp_path / "none.sqlite"), "--self-test")
    assert missing.returncode == 3
    assert "database not found" in missing.stderr and "Traceback" not in missing.stderr
    unknown = _run("--db", str(content_db_path), "--open", "الجزء ألف عاشراً-99",
                   "--screenshot", str(tmp_path / "x.png"))
    assert unknown.returncode == 6
    assert "unknown locator" in unknown.stderr and "Traceback" not in unknown.stderr


def test_a_reading_session(qtbot, content_db_path, tmp_path):
    from desktop.app.application import create_application
    create_application()
    store = open_store(content_db_path)
    settings = AppSettings(tmp_path / "settings.ini")
    window = MainWindow(store, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    reader = window.reader

    # browse Part B in the tree: a resolution's annex item
    index = window.tree_model.index_for_paragraph("B6-r4/annex/l2.q2")
    window.tree_view.setCurrentIndex(index)
    assert reader.current_unit_id() == "B6-r4"
    assert "المرفق" in reader.toPlainText()

    # the index: witness protection, its meeting-7 entry
    window.navigation.setCurrentWidget(window.index_panel)
    window.index_panel.filter_box.setText("الشهود")
    theme = window.index_panel.proxy.index(0, 0)
    window.index_panel.view.expand(theme)
    for row in range(window.index_panel.proxy.rowCount(theme)):
        entry_index = window.index_panel.proxy.index(row, 0, theme)
        entry = window.index_panel.model.entry(window.index_panel.proxy.mapToSource(entry_index))
        if entry.symbol == "CTOC/COP/WG.2/2013/5":
            break
    window.index_panel.view.clicked.emit(entry_index)
    assert reader.current_paragraph_id() == entry.targets[0]
    assert reader.current_unit_id() == "A07"

    # what links here: the COP resolution that endorsed meeting 7; follow it
    links_followed(qtbot, window)
    endorsing = [i for k, i, _ in window.links_panel.entries()
                 if k == "paragraph" and i.startswith("B7-r3")]
    assert endorsing
    window.links_panel.paragraphRequested.emit(endorsing[0])
    assert reader.current_unit_id() == "B7-r3"

    # every link in that unit leads somewhere that exists; follow the first
    links = store.links_from(p.id for p in store.unit_paragraphs("B7-r3"))
    assert links and all(store.paragraph(l.to_id) for l in links)
    reader.anchorClicked.emit(QUrl(para_href(links[0].to_id)))
    assert reader.current_paragraph_id() == links[0].to_id

    # and back the whole way
    visited = []
    while window.back_action.isEnabled():
        window.back_action.trigger()
        visited.append(reader.current_paragraph_id())
    assert visited[-1] == "B6-r4/annex/l2.q2"
    window.forward_action.trigger()
    assert reader.current_paragraph_id() == entry.targets[0]

    # zoom, close, reopen where we were
    window.zoom_in_action.trigger()
    zoom = reader.zoom()
    window.close()
    again = MainWindow(store, AppSettings(tmp_path / "settings.ini"))
    qtbot.addWidget(again)
    assert again.open_start()
    assert again.reader.current_paragraph_id() == entry.targets[0]
    assert again.reader.zoom() == zoom
    again.close()
