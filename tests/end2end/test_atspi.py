"""The app through the real accessibility bus (AT-SPI), as Orca sees it:
opened at «الجزء ألف سابعاً-13», the reader is a document whose caret is at
that paragraph, its links are there with names and a "press" action that
follows them, and no visible interactive control is unnamed.

Needs at-spi2-core, python3-pyatspi (system python3), dbus and xvfb/xauth
(Qt's offscreen platform has no AT-SPI bridge, so the app runs under Xvfb).
Skips on a machine without them, but FAILS in CI (CI=true), where .ci/run
installs them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = Path(__file__).with_name("atspi_probe.py")
SYSTEM_PYTHON = "/usr/bin/python3"
LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
LOCATOR = "الجزء ألف سابعاً-13"


def _missing() -> list[str]:
    missing = [tool for tool in ("dbus-run-session", "xvfb-run", "xauth") if not shutil.which(tool)]
    if not Path(LAUNCHER).exists():
        missing.append("at-spi2-core")
    if not Path(SYSTEM_PYTHON).exists() or subprocess.run(
            [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True).returncode:
        missing.append("python3-pyatspi")
    return missing


@pytest.fixture(scope="module")
def seen(content_db_path, tmp_path_factory):
    missing = _missing()
    if missing:
        message = "AT-SPI test needs: " + ", ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(message + " (.ci/run installs them)")
        pytest.skip(message)
    home = tmp_path_factory.mktemp("atspi-home")
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("QT_", "DBUS_", "DISPLAY", "WAYLAND", "XDG_"))}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), XDG_RUNTIME_DIR=str(home / "run"))
    (home / "run").mkdir(mode=0o700)
    done = subprocess.run(
        ["dbus-run-session", "--", "xvfb-run", "-a", "-s", "-screen 0 1280x1024x24",
         SYSTEM_PYTHON, str(PROBE), sys.executable, str(ROOT), str(content_db_path), LOCATOR],
        env=env, capture_output=True, text=True, timeout=240)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, f"no answer from the probe (status {done.returncode}):\n{done.stderr[-3000:]}"
    result = json.loads(lines[-1])
    assert "error" not in result, result
    return result


def test_the_reader_is_a_document_with_the_caret_in_the_opened_paragraph(seen, content_db_path):
    from desktop.content.store import open_store

    para = open_store(content_db_path).paragraph("A07/13")
    doc = seen["document"]
    assert doc is not None, seen
    assert doc["name"] == "نص الخلاصة"
    assert doc["description"] == para.citation
    assert doc["caret"] > 0
    first_words = " ".join(para.text.split()[:6])
    assert doc["at_caret"].startswith("13-")
    assert first_words in " ".join(doc["at_caret"].split())
    assert first_words in " ".join(doc["line_at_caret"].split())


def test_the_links_are_exposed_named_and_followable(seen):
    links = seen["document"]["links"]
    assert links, "no links exposed"
    for link in links:
        assert any(ch.isalpha() for ch in link["name"]), link
        assert link["actions"], link
    assert any("القرار 3/7" in link["name"] for link in links)
    after = seen["after_press"]
    assert after["description"] == links[0]["name"].split(" (")[0] \
        or after["description"] in links[0]["name"]
    assert after["caret"] != seen["document"]["caret"]


def test_no_visible_interactive_control_is_unnamed(seen):
    assert seen["interactive_seen"] >= 15   # the walk did reach the controls
    assert seen["unnamed"] == []


def test_the_menu_bar_starts_with_file(seen):
    assert seen["menus"][:2] == ["ملف", "عرض"]
