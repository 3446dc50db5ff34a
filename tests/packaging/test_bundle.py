"""The PyInstaller bundle: starts offline on its embedded database and holds
nothing it does not need (unused Qt modules, tests, source texts)."""

from __future__ import annotations

import hashlib
import os
import re

import pytest

from tests.packaging.conftest import NAME, ROOT, app_env, run_checked

pytestmark = pytest.mark.packaging

#: Qt modules the app must not carry: Python bindings and libraries.
UNWANTED_QT = ("Qml", "Quick", "WebEngine", "3D", "Multimedia", "Charts", "DataVisualization",
               "Pdf", "Designer", "UiTools", "Test", "Network", "OpenGL", "Sql", "Xml",
               "Bluetooth", "Positioning", "Location", "Sensors", "SerialPort", "WebSockets",
               "WebChannel", "Help", "Concurrent", "ShaderTools", "RemoteObjects", "Scxml")
#: Modules of the test and build tooling that must stay out of the archive.
UNWANTED_MODULES = ("tests", "pytest", "_pytest", "pytestqt", "hypothesis", "PyInstaller",
                    "tkinter")


def bundle_files(bundle):
    """Every file and symlink in the bundle, as POSIX paths relative to it."""
    return [p.relative_to(bundle).as_posix() for p in bundle.rglob("*")
            if p.is_file() or p.is_symlink()]


def test_frozen_app_passes_its_self_test(bundle_dir, tmp_path):
    proc = run_checked([bundle_dir / NAME, "--self-test"], "frozen --self-test",
                       timeout=180, env=app_env(tmp_path / "home"), cwd=tmp_path)
    assert "self-test: ok" in proc.stdout


def test_bundle_embeds_the_built_database(bundle_dir, content_db_path):
    embedded = bundle_dir / "_internal" / "data" / "compendium.sqlite"
    assert embedded.is_file()
    digest = lambda p: hashlib.sha256(p.read_bytes()).hexdigest()  # noqa: E731
    # A prebuilt bundle (make test-packaging) embeds the clone's database.
    expected = ROOT / "data" / "compendium.sqlite" if os.environ.get("PACKAGING_BUNDLE") \
        else content_db_path
    assert digest(embedded) == digest(expected)
    assert sorted(p.name for p in embedded.parent.iterdir()) == ["compendium.sqlite"]


def test_bundle_carries_fonts_with_licences_and_icons(bundle_dir):
    resources = bundle_dir / "_internal" / "resources"
    fonts = {p.name for p in (resources / "fonts").iterdir()}
    assert any(name.endswith(".ttf") for name in fonts)
    for font in (n for n in fonts if n.endswith(".ttf")):
        family = font.split("-")[0]
        assert any(n.startswith(family) and n.endswith(".txt") for n in fonts), \
            f"{font} ships without its licence"
    assert (resources / "icons" / "app.svg").is_file()
    assert (resources / "icons" / "app-64.png").is_file()
    # the handbook (F1), every page and picture of the clone's
    clone = ROOT / "resources" / "handbook"
    for path in [*clone.glob("*.md"), *clone.glob("images/*.png")]:
        assert (resources / "handbook" / path.relative_to(clone)).is_file(), path.name


def test_bundle_keeps_what_qt_needs_here(bundle_dir):
    qt = bundle_dir / "_internal" / "PySide6" / "Qt"
    assert (qt / "translations" / "qtbase_ar.qm").is_file()  # Arabic dialog buttons
    assert not list((qt / "translations").glob("qtbase_de*"))  # other languages left out
    for plugin in ("platforms/libqxcb.so", "platforms/libqwayland.so",
                   "platforms/libqoffscreen.so", "iconengines/libqsvgicon.so",
                   "imageformats/libqsvg.so", "printsupport/libcupsprintersupport.so"):
        assert (qt / "plugins" / plugin).is_file(), plugin


def test_bundle_has_no_unused_qt_module(bundle_dir):
    pattern = re.compile(r"(?:Qt6?|PySide6/Qt)(%s)" % "|".join(UNWANTED_QT))
    offenders = [f for f in bundle_files(bundle_dir) if pattern.search(f)]
    offenders += [f for f in bundle_files(bundle_dir) if "/qml/" in f]
    assert not offenders, offenders[:20]
    # Sanity check that the filter above would see Qt at all.
    assert any("libQt6Widgets" in f or "Qt6Widgets" in f for f in bundle_files(bundle_dir))


def bundled_modules(bundle):
    """The Python modules of the bundle: the bootstrap in the executable's
    archive and, build.spec having no PYZ archive (noarchive: faster start),
    the .pyc files under _internal/."""
    from PyInstaller.archive.readers import pkg_archive_contents

    internal = bundle / "_internal"
    compiled = [p.relative_to(internal).with_suffix("").parts for p in internal.rglob("*.pyc")]
    return pkg_archive_contents(str(bundle / NAME)) + [
        ".".join(parts[:-1] if parts[-1] == "__init__" else parts) for parts in compiled]


def test_bundle_has_no_tests_sources_or_build_tools(bundle_dir):
    files = bundle_files(bundle_dir)
    assert not [f for f in files if "/data/sources" in f or f.endswith("compendium.txt")]
    assert not [f for f in files if "/tests/" in f or f.startswith("tests/")]
    modules = bundled_modules(bundle_dir)
    assert "desktop.app.main_window" in modules  # the bundle holds the app
    unwanted = [m for m in modules if m.split(".")[0] in UNWANTED_MODULES]
    assert not unwanted, unwanted[:20]


def test_bundle_size_stays_lean(bundle_dir):
    """Full PySide6 weighs ~206 MB; the filtered bundle must stay well below."""
    size = sum(p.stat().st_size for p in bundle_dir.rglob("*")
               if p.is_file() and not p.is_symlink())  # PyInstaller links some Qt libraries
    assert size < 160 * 2**20, f"bundle is {size / 2**20:.0f} MB"
