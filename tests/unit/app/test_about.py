"""The About dialog: the version is the package's one version, the edition and the
source documents' symbols come from the open database, reachable from Help."""

from __future__ import annotations

import importlib.metadata
import tomllib
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

import desktop
from desktop.app.about import AboutDialog, about_facts
from desktop.content.store import open_store

ROOT = Path(__file__).resolve().parents[3]


def test_version_has_one_source():
    """pyproject.toml takes its version from desktop.__version__ (what the
    About dialog, --version, the .deb and the installers show)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "desktop.__version__"}
    assert importlib.metadata.version("unodc-ta-compendium") == desktop.__version__


def test_facts_come_from_the_database(content_db_path):
    facts = about_facts(open_store(content_db_path))
    assert facts.version == desktop.__version__
    assert facts.edition_year == "2021"
    assert "الخلاصة الوافية" in facts.edition_title
    by_label = {s.label: s.symbol for s in facts.sources}
    assert by_label["سابعاً- الاجتماع السابع"] == "CTOC/COP/WG.2/2013/5"
    assert by_label["ثامناً- الدورة الثامنة"] == "CTOC/COP/2016/15"
    # one report per meeting (11) and per session (8) of the compendium, at least
    assert len(facts.sources) >= 19
    assert all(s.symbol.startswith("CTOC/") for s in facts.sources)
    assert len(facts.build_date) == 10 and facts.build_date[4] == "-"


def test_dialog_shows_version_edition_and_symbols(app, qtbot, content_db_path):
    dialog = AboutDialog(open_store(content_db_path))
    qtbot.addWidget(dialog)
    assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert desktop.__version__ in dialog.version_label.text()
    assert "2021" in dialog.edition_label.text()
    assert dialog.sources_view.topLevelItemCount() == len(dialog.facts.sources)
    symbols = [dialog.sources_view.topLevelItem(i).text(1)
               for i in range(dialog.sources_view.topLevelItemCount())]
    assert "CTOC/COP/WG.2/2013/5" in symbols


def test_application_carries_the_icon_and_desktop_file_name(app):
    assert not app.windowIcon().isNull()
    assert not app.windowIcon().pixmap(32, 32).isNull()
    # matches packaging/linux/unodc-ta-compendium.desktop, so the menu entry's icon is used
    assert app.desktopFileName() == "unodc-ta-compendium"
    assert (ROOT / "packaging" / "linux" / f"{app.desktopFileName()}.desktop").is_file()
