"""The Windows installer script: compiles, installs, refuses while the app
runs, uninstalls, all under Wine on Linux.

The real installer is built on Windows by .github/workflows/windows.yml
around the frozen app; here it is compiled around a stand-in bundle whose
"app" is a tiny NSIS program that waits a while (a real 64-bit Windows
executable, so Wine can run it and lock it). Wine runs headless in a
throwaway prefix and HOME (its Desktop folder maps to HOME), with the menu
builder, Mono and Gecko disabled so nothing reaches the machine's desktop.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

import desktop

from tests.packaging.conftest import ROOT, require_tool, run_checked

pytestmark = pytest.mark.packaging

SCRIPT = ROOT / "packaging" / "windows" / "installer.nsi"
APP_NAME = "UNODC TA Compendium"
APP_EXE = "unodc-ta-compendium.exe"
UNINSTALL_KEY = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\unodc-ta-compendium"

#: A stand-in for the frozen app: a silent 64-bit program that waits, so a
#: test can hold it "running" while the installer is started.
STAND_IN_APP = """
Target amd64-unicode
OutFile "{out}"
SilentInstall silent
RequestExecutionLevel user
Section
  Sleep {ms}
SectionEnd
"""


def app_version() -> str:
    return desktop.__version__


def makensis(*args, cwd) -> None:
    run_checked([require_tool("makensis", "nsis"), "-V2", "-WX", *args], "makensis",
                timeout=300, cwd=cwd)


@pytest.fixture(scope="module")
def installer(tmp_path_factory) -> Path:
    """setup.exe compiled from installer.nsi around a stand-in bundle."""
    work = tmp_path_factory.mktemp("nsis")
    bundle = work / "unodc-ta-compendium"
    (bundle / "_internal" / "data").mkdir(parents=True)
    (work / "app.nsi").write_text(STAND_IN_APP.format(out=bundle / APP_EXE, ms=30_000), "utf-8")
    makensis(work / "app.nsi", cwd=work)
    (bundle / "_internal" / "data" / "compendium.sqlite").write_bytes(b"stand-in" * 4096)
    out = work / f"unodc-ta-compendium-{app_version()}-setup.exe"
    makensis(f"-DVERSION={app_version()}", f"-DBUNDLE={bundle}", f"-DOUTFILE={out}", SCRIPT,
             cwd=SCRIPT.parent)
    assert out.read_bytes()[:2] == b"MZ"
    return out


def test_nsis_script_compiles_64_bit(installer):
    data = installer.read_bytes()
    pe = int.from_bytes(data[0x3C:0x40], "little")
    assert data[pe:pe + 4] == b"PE\0\0"
    assert int.from_bytes(data[pe + 4:pe + 6], "little") == 0x8664  # AMD64 machine type


class Wine:
    """wine in a throwaway prefix and HOME."""

    def __init__(self, home: Path):
        require_tool("wine", "wine")
        self.home = home
        self.prefix = home / "pfx"
        home.mkdir(parents=True, exist_ok=True)
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("WINE", "DISPLAY"))}
        self.env.update(HOME=str(home), WINEPREFIX=str(self.prefix), WINEARCH="win64",
                        WINEDEBUG="-all", XDG_CONFIG_HOME=str(home / ".config"),
                        XDG_DATA_HOME=str(home / ".local" / "share"),
                        WINEDLLOVERRIDES="winemenubuilder.exe=d;mscoree=;mshtml=")

    def run(self, *args, check=True, timeout=300) -> subprocess.CompletedProcess:
        cmd = ["wine", *map(str, args)]
        if check:
            return run_checked(cmd, " ".join(cmd[:2]), timeout=timeout, env=self.env)
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                              env=self.env)

    def wait(self) -> None:
        """Until every process of the prefix has ended (the uninstaller
        returns before its copy in %TEMP% has finished)."""
        subprocess.run(["wineserver", "-w"], env=self.env, timeout=300, check=False)

    def windows_path(self, path: Path) -> str:
        return self.run("winepath", "-w", path).stdout.strip()

    def user_dir(self) -> Path:
        users = [p for p in (self.prefix / "drive_c" / "users").iterdir()
                 if p.is_dir() and p.name not in ("Public", "public")]
        assert len(users) == 1, users
        return users[0]

    def registry_key(self, key: str) -> str | None:
        """The key exported as text (reg export writes UTF-16), None if absent."""
        out = self.home / "key.reg"
        proc = self.run("reg", "export", key, "Z:" + str(out).replace("/", "\\"), "/y",
                        check=False)
        if proc.returncode != 0 or not out.exists():
            return None
        text = out.read_bytes().decode("utf-16")
        out.unlink()
        return text


@pytest.fixture(scope="module")
def wine(tmp_path_factory) -> Wine:
    w = Wine(tmp_path_factory.mktemp("wine-home"))
    w.run("wineboot", "-i", timeout=600)
    w.wait()
    yield w
    subprocess.run(["wineserver", "-k"], env=w.env, timeout=60, check=False)


def test_installs_refuses_while_running_and_uninstalls(installer, wine):
    wine.run(installer, "/S")
    wine.wait()
    user = wine.user_dir()
    app_dir = user / "AppData" / "Local" / "Programs" / APP_NAME
    assert (app_dir / APP_EXE).is_file()
    assert (app_dir / "_internal" / "data" / "compendium.sqlite").is_file()
    assert (app_dir / "uninstall.exe").is_file()
    start_menu = user / "AppData" / "Roaming" / "Microsoft" / "Windows" / "Start Menu" / "Programs"
    assert (start_menu / f"{APP_NAME}.lnk").is_file()
    assert (wine.home / f"{APP_NAME}.lnk").is_file()  # the Desktop folder is HOME under Wine

    key = wine.registry_key(UNINSTALL_KEY)
    assert key is not None, "no Apps & features entry"
    assert "المساعدة التقنية" in key and f'"DisplayVersion"="{app_version()}"' in key
    assert '"UninstallString"=' in key and "uninstall.exe" in key
    size = int(key.split('"EstimatedSize"=dword:', 1)[1][:8], 16)
    assert size >= 32  # KB: the stand-in bundle's 32 KB database at least

    # While the app runs, neither the installer nor the uninstaller touches it.
    app = subprocess.Popen(["wine", str(app_dir / APP_EXE)], env=wine.env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(5)
        assert wine.run(installer, "/S", check=False).returncode == 2
        # _?= runs the uninstaller in place, so its exit status is the one seen
        # (otherwise it copies itself to %TEMP% and returns at once). The
        # folder goes unquoted, split at spaces: Wine would quote an argument
        # with spaces and NSIS then ignores _?=.
        in_place = ("_?=" + wine.windows_path(app_dir)).split(" ")
        assert wine.run(app_dir / "uninstall.exe", "/S", *in_place, check=False).returncode == 2
        assert (app_dir / APP_EXE).is_file() and (app_dir / "_internal").is_dir()
    finally:
        app.kill()
        subprocess.run(["wineserver", "-k"], env=wine.env, timeout=60, check=False)
        app.wait(timeout=60)

    wine.run(app_dir / "uninstall.exe", "/S")
    wine.wait()
    assert not app_dir.exists(), sorted(p.name for p in app_dir.rglob("*"))
    assert not (start_menu / f"{APP_NAME}.lnk").exists()
    assert not (wine.home / f"{APP_NAME}.lnk").exists()
    assert wine.registry_key(UNINSTALL_KEY) is None


def test_silent_install_without_desktop_shortcut(installer, wine):
    folder = wine.home / "elsewhere"
    wine.run(installer, "/S", "/NODESKTOP", "/D=Z:" + str(folder).replace("/", "\\"))
    wine.wait()
    try:
        assert (folder / APP_EXE).is_file()
        assert not (wine.home / f"{APP_NAME}.lnk").exists()
    finally:
        wine.run(folder / "uninstall.exe", "/S")
        wine.wait()
    assert not folder.exists()
