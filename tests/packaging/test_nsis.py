"""The Windows installer script compiles (makensis runs on Linux too).

The real installer is built on Windows by .github/workflows/windows.yml;
here the script is compiled around a stand-in bundle, which catches syntax
errors, missing includes and a wrong icon path without PyInstaller.
"""

from __future__ import annotations

import shutil
import tomllib

import pytest

from tests.packaging.conftest import ROOT, run_checked

SCRIPT = ROOT / "packaging" / "windows" / "installer.nsi"


def test_nsis_script_compiles(tmp_path):
    if shutil.which("makensis") is None:
        pytest.skip("makensis is not installed (Debian package nsis)")
    bundle = tmp_path / "unodc-ta-compendium"
    (bundle / "_internal" / "data").mkdir(parents=True)
    (bundle / "unodc-ta-compendium.exe").write_bytes(b"MZ stand-in")
    (bundle / "_internal" / "data" / "compendium.sqlite").write_bytes(b"stand-in")
    version = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    out = tmp_path / f"unodc-ta-compendium-{version}-setup.exe"
    run_checked(["makensis", "-V2", "-WX", f"-DVERSION={version}", f"-DBUNDLE={bundle}",
                 f"-DOUTFILE={out}", SCRIPT], "makensis", timeout=300, cwd=SCRIPT.parent)
    assert out.read_bytes()[:2] == b"MZ"
