"""The .deb: right metadata and menu entry, runs from an extracted copy,
installs into and uninstalls cleanly from a scratch dpkg root."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

from tests.packaging.conftest import NAME, ROOT, app_env, run_checked

pytestmark = pytest.mark.packaging


def control(deb: Path) -> dict[str, str]:
    text = run_checked(["dpkg-deb", "-f", deb], "dpkg-deb -f", timeout=60).stdout
    fields, key = {}, None
    for line in text.splitlines():
        if line.startswith(" ") and key:
            fields[key] += "\n" + line
        elif ":" in line:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    return fields


@pytest.fixture(scope="module")
def extracted(deb_path, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("deb-x")
    run_checked(["dpkg-deb", "-x", deb_path, root], "dpkg-deb -x", timeout=300)
    return root


def test_extracted_app_passes_its_self_test(extracted, tmp_path):
    exe = extracted / "opt" / NAME / NAME
    proc = run_checked([exe, "--self-test"], "extracted --self-test", timeout=180,
                       env=app_env(tmp_path / "home"), cwd=tmp_path)
    assert "self-test: ok" in proc.stdout


def test_control_fields(deb_path):
    fields = control(deb_path)
    version = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    assert fields["Package"] == NAME
    assert fields["Version"] == version
    depends = [d.strip().split(" ")[0] for d in fields["Depends"].split(",")]
    assert "libxcb-cursor0" in depends  # Qt >= 6.5's xcb platform plugin needs it
    assert "libc6" in depends
    assert int(fields["Installed-Size"]) > 10_000


def test_launcher_and_menu_entry(extracted):
    launcher = extracted / "usr" / "bin" / NAME
    assert launcher.is_symlink()
    assert str(launcher.readlink()) == f"/opt/{NAME}/{NAME}"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    desktop_file = extracted / "usr" / "share" / "applications" / f"{NAME}.desktop"
    entry.read(desktop_file, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"].split()[0] == NAME
    assert section["Name"] and section["Name[ar]"]
    assert any("\u0600" <= ch <= "\u06ff" for ch in section["Name[ar]"])
    icons = extracted / "usr" / "share" / "icons" / "hicolor"
    assert (icons / "scalable" / "apps" / f"{section['Icon']}.svg").is_file()
    for size in (16, 32, 48, 128, 256):
        assert (icons / f"{size}x{size}" / "apps" / f"{section['Icon']}.png").is_file()
    copyright_file = extracted / "usr" / "share" / "doc" / NAME / "copyright"
    assert "LGPL" in copyright_file.read_text("utf-8")  # Qt's licence travels with it
    if shutil.which("desktop-file-validate"):
        run_checked(["desktop-file-validate", desktop_file], "desktop-file-validate", timeout=60)


def test_installs_and_uninstalls_cleanly(deb_path, tmp_path):
    """dpkg into a scratch root (no maintainer scripts, so no chroot needed)."""
    if shutil.which("dpkg") is None:
        pytest.skip("dpkg is not installed")
    root = tmp_path / "root"
    admin = root / "var" / "lib" / "dpkg"
    for sub in ("info", "updates", "triggers"):
        (admin / sub).mkdir(parents=True)
    (admin / "status").touch()
    dpkg = ["dpkg", f"--root={root}", "--force-not-root", "--force-depends",
            "--force-script-chrootless"]
    run_checked(dpkg + ["-i", deb_path], "dpkg -i", timeout=300)
    listed = run_checked(["dpkg-query", f"--admindir={admin}", "-L", NAME],
                         "dpkg-query -L", timeout=60).stdout.split()
    assert f"/opt/{NAME}/{NAME}" in listed
    assert f"/usr/share/applications/{NAME}.desktop" in listed
    assert (root / "opt" / NAME / NAME).is_file()
    run_checked(dpkg + ["--purge", NAME], "dpkg --purge", timeout=300)
    left = [p.relative_to(root).as_posix() for p in root.rglob("*")
            if not p.relative_to(root).as_posix().startswith("var")]
    assert left == [], left[:20]
    status = subprocess.run(["dpkg-query", f"--admindir={admin}", "-W", NAME],
                            capture_output=True, text=True)
    assert status.returncode != 0 or not status.stdout.strip()
