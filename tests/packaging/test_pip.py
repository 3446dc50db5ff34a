"""`pip install .` (not editable) from a clean clone gives an app that starts
from any folder, offline.

The clone is the repository's files as git would check them out (tracked and
new, not ignored: no built database, no .venv). The new virtual environment
borrows this environment's installed dependencies through a .pth line, so
only the project itself is built and installed (no download, no PySide6
reinstall); pip builds the wheel exactly as for a user. The installed
`compendium` then runs its self-test from an unrelated folder, building its
database into a scratch cache on first start.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

import desktop
from tests.packaging.conftest import ROOT, app_env, require_tool, run_checked

pytestmark = pytest.mark.packaging


def clean_clone(target: Path) -> Path:
    git = require_tool("git", "git")
    listed = run_checked([git, "-C", ROOT, "ls-files", "-z", "--cached", "--others",
                          "--exclude-standard"], "git ls-files", timeout=120).stdout
    for rel in filter(None, listed.split("\0")):
        source = ROOT / rel
        if source.is_file():  # a tracked file deleted in the work tree is not copied
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / rel)
    return target


@pytest.fixture(scope="module")
def pip_installed(tmp_path_factory) -> Path:
    """The venv's bin folder after `pip install CLONE` (no -e)."""
    work = tmp_path_factory.mktemp("pip")
    clone = clean_clone(work / "clone")
    assert not (clone / "data" / "compendium.sqlite").exists()
    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    site = Path(sysconfig.get_path("purelib", vars={"base": str(env_dir),
                                                       "platbase": str(env_dir)}))
    # Dependencies from this environment; the project itself from the clone.
    (site / "borrowed-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    wheels = work / "wheels"
    run_checked([bin_dir / "python", "-m", "pip", "wheel", "--no-deps",
                 "-w", wheels, clone], "pip wheel", timeout=600, cwd=work)
    (wheel,) = wheels.glob("*.whl")
    run_checked([bin_dir / "python", "-m", "pip", "install", "--no-deps", "--no-index", wheel],
                "pip install", timeout=600, cwd=work)
    return bin_dir


def test_wheel_carries_the_data_the_app_needs(pip_installed, tmp_path):
    (wheel,) = (pip_installed.parent.parent / "wheels").glob("*.whl")
    assert f"-{desktop.__version__}-" in wheel.name
    names = zipfile.ZipFile(wheel).namelist()
    data = "desktop/_data/"
    assert any(n.startswith(data + "data/sources/") and n.endswith(".txt") for n in names)
    assert any(n.startswith(data + "data/corrections/") and n.endswith(".toml") for n in names)
    # The search lexicon and glossary: the first-start build copies them into the index.
    assert data + "data/search/lexicon.toml" in names and data + "data/search/glossary.toml" in names
    for font in ("Amiri-Regular.ttf", "NotoSansArabic-Regular.ttf", "Amiri-OFL.txt"):
        assert data + "resources/fonts/" + font in names
    assert data + "resources/icons/app.svg" in names
    # the handbook (F1): its contents page and its pictures
    assert data + "resources/handbook/index.md" in names
    assert data + "resources/handbook/images/reading.png" in names
    assert not [n for n in names if n.startswith("tests/") or n.endswith(".sqlite")]


def test_installed_command_self_tests_from_any_folder(pip_installed, tmp_path):
    home = tmp_path / "home"
    env = app_env(home)
    env["XDG_CACHE_HOME"] = str(home / "cache")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    exe = pip_installed / "compendium"
    # The installed package, not the clone or this checkout.
    where = run_checked([pip_installed / "python", "-c", "import desktop, desktop.paths as p;"
                         "print(desktop.__file__); print(p.default_db())"],
                        "import desktop", timeout=120, env=env, cwd=elsewhere).stdout.split("\n")
    assert str(pip_installed.parent) in where[0] and str(ROOT) not in where[0]
    assert where[1].startswith(str(home / "cache"))

    first = run_checked([exe, "--self-test"], "compendium --self-test (first start)",
                        timeout=600, env=env, cwd=elsewhere)
    assert "self-test: ok" in first.stdout
    assert "first start" in first.stderr  # the user is told why it takes a moment
    built = list((home / "cache").rglob("compendium-*.sqlite"))
    assert [p.name for p in built] == [f"compendium-{desktop.__version__}.sqlite"]

    again = run_checked([exe, "--self-test"], "compendium --self-test", timeout=300,
                        env=env, cwd=elsewhere)
    assert "self-test: ok" in again.stdout and "first start" not in again.stderr

    # The command-line tools find the same database.
    found = run_checked([pip_installed / "python", "-m", "desktop.search", "--limit", "1",
                         "حماية الشهود"], "desktop.search", timeout=300, env=env, cwd=elsewhere)
    assert "result(s)" in found.stdout
