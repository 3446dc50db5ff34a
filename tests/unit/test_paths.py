"""desktop/paths.py: where the app's files are, in a clone, a frozen bundle
and a wheel install."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from desktop import paths

CLONE = Path(__file__).resolve().parents[2]


def test_a_clone_reads_its_own_folders():
    assert not paths.frozen() and not paths.installed()
    assert paths.root() == CLONE
    assert paths.data("sources") == paths.sources_dir() == CLONE / "data" / "sources"
    assert paths.corrections_dir() == CLONE / "data" / "corrections"
    assert paths.resource("fonts") == CLONE / "resources" / "fonts"
    assert paths.default_db() == CLONE / "data" / "compendium.sqlite"
    assert paths.sources_dir().is_dir() and paths.corrections_dir().is_dir()


def test_a_frozen_bundle_reads_under_meipass(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.frozen() and not paths.installed()
    assert paths.root() == tmp_path
    assert paths.default_db() == tmp_path / "data" / "compendium.sqlite"
    assert paths.resource("icons", "app.png") == tmp_path / "resources" / "icons" / "app.png"


def test_a_wheel_reads_package_data_and_builds_into_the_cache(monkeypatch, tmp_path):
    package = tmp_path / "desktop"
    (package / paths.PACKAGE_DATA).mkdir(parents=True)
    monkeypatch.setattr(paths, "_PACKAGE", package)
    monkeypatch.setattr(paths, "package_files", lambda name: package)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    from desktop import __version__

    assert paths.installed()
    assert paths.root() == package / paths.PACKAGE_DATA
    assert paths.sources_dir() == package / paths.PACKAGE_DATA / "data" / "sources"
    assert paths.default_db() == (tmp_path / "cache" / paths.APP_ID
                                  / f"compendium-{__version__}.sqlite")


def test_a_clone_does_not_import_importlib_resources():
    """Only a wheel needs importlib.resources (paths.package_files)."""
    code = ("import sys\n"
            "from desktop import paths\n"
            "paths.resource('icons'); paths.default_db()\n"
            "print('importlib.resources' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == "False"
