"""The frozen bundle and the .deb, each built once per test session.

Both build into temporary folders, never into the repository. Tests that
use them are marked ``packaging``; they skip (saying why) when a tool they
need is missing: install the ``dist`` extra (pip install '.[dist]') and the
Debian packages .ci/run installs. In CI (CI=true) a missing tool FAILS the
test instead: a packaging test that silently skips proves nothing.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NAME = "unodc-ta-compendium"


def require(available: bool, why: str) -> None:
    """Skip when a needed tool is missing, but fail in CI (CI=true)."""
    if available:
        return
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"CI: {why}")
    pytest.skip(why)


def require_tool(command: str, package: str) -> str:
    """The path of `command`; skip (fail in CI) naming the Debian package."""
    path = shutil.which(command)
    require(path is not None, f"{command} is not installed (Debian package {package})")
    return path


def run_checked(cmd, what: str, timeout: float, **kwargs) -> subprocess.CompletedProcess:
    """Run ``cmd``; on failure fail the test with the tail of its output."""
    proc = subprocess.run([str(c) for c in cmd], capture_output=True, text=True,
                          timeout=timeout, **kwargs)
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).splitlines()[-40:])
        pytest.fail(f"{what} failed (exit {proc.returncode}):\n{tail}")
    return proc


def app_env(home: Path) -> dict[str, str]:
    """A clean environment for the frozen app: offscreen, no Python paths, scratch home."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "QT_", "VIRTUAL_ENV"))}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home),
               XDG_CONFIG_HOME=str(home / ".config"), XDG_RUNTIME_DIR=str(home))
    home.mkdir(parents=True, exist_ok=True)
    os.chmod(home, 0o700)
    return env


@pytest.fixture(scope="session")
def bundle_dir(tmp_path_factory, content_db_path) -> Path:
    """dist/unodc-ta-compendium/ built by PyInstaller from build.spec
    (or the one PACKAGING_BUNDLE names)."""
    if not sys.platform.startswith("linux"):
        pytest.skip("these tests check the Linux bundle; Windows and macOS are built "
                    "by .github/workflows")
    prebuilt = os.environ.get("PACKAGING_BUNDLE")
    if prebuilt:  # `make test-packaging` reuses what `make dist` built
        return Path(prebuilt).resolve()
    require(importlib.util.find_spec("PyInstaller") is not None,
            "PyInstaller is not installed (pip install '.[dist]')")
    work = tmp_path_factory.mktemp("pyinstaller")
    run_checked([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                 "--distpath", work / "dist", "--workpath", work / "build",
                 ROOT / "build.spec", "--", "--db", content_db_path],
                "pyinstaller build.spec", timeout=1500, cwd=work)
    bundle = work / "dist" / NAME
    assert (bundle / NAME).is_file(), f"no executable in {bundle}"
    return bundle


@pytest.fixture(scope="session")
def deb_path(tmp_path_factory, bundle_dir) -> Path:
    """The .deb that packaging/linux/build-deb.sh makes from the bundle
    (or the one PACKAGING_DEB names)."""
    prebuilt = os.environ.get("PACKAGING_DEB")
    if prebuilt:
        return Path(prebuilt).resolve()
    require_tool("dpkg-deb", "dpkg")
    out = tmp_path_factory.mktemp("deb")
    proc = run_checked(["bash", ROOT / "packaging" / "linux" / "build-deb.sh", bundle_dir, out],
                       "build-deb.sh", timeout=1500)
    debs = list(out.glob("*.deb"))
    assert len(debs) == 1, f"expected one .deb in {out}: {proc.stdout}"
    return debs[0]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """In CI (CI=true) a packaging test that skips fails instead: a skipped
    installer test proves nothing, and CI installs every tool they need."""
    outcome = yield
    report = outcome.get_result()
    if (report.skipped and item.get_closest_marker("packaging") is not None
            and os.environ.get("CI", "").lower() in ("1", "true", "yes")):
        report.outcome = "failed"
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.longrepr = f"CI: packaging test skipped: {reason}"
