"""Run by the SYSTEM python3 (it has pyatspi) inside a private D-Bus session
and an X server: start the AT-SPI bus, start the app, look at it the way
Orca does, print one JSON object, stop the app.

    dbus-run-session -- xvfb-run -a /usr/bin/python3 atspi_probe.py APP_PYTHON REPO DB LOCATOR

Not a test module: tests/end2end/test_atspi.py runs it and checks the JSON.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pyatspi

INTERACTIVE = {
    "push button", "toggle button", "check box", "radio button", "combo box", "text",
    "entry", "password text", "list", "tree", "tree table", "table", "page tab", "link",
    "spin button", "slider", "document frame", "column header",
}


def find_app(name_hint: str, timeout: float = 60.0):
    end = time.time() + timeout
    while time.time() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.childCount and name_hint in (app.name or ""):
                return app
        time.sleep(0.5)
    return None


def find_role(acc, role: str):
    if acc.getRoleName() == role:
        return acc
    for i in range(acc.childCount):
        child = acc.getChildAtIndex(i)
        if child is not None:
            found = find_role(child, role)
            if found is not None:
                return found
    return None


def label_of(acc) -> str:
    for relation in acc.getRelationSet():
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            for i in range(relation.getNTargets()):
                name = relation.getTarget(i).name
                if name:
                    return name
    return ""


def spoken_name(acc) -> str:
    """Orca names a combo box by its label (its own name is its value)."""
    if acc.getRoleName() == "combo box":
        return label_of(acc)
    return acc.name or label_of(acc)


def unnamed(app) -> tuple[list[str], int]:
    """Visible interactive controls whose spoken name has no letter, and how
    many interactive controls were looked at."""
    out: list[str] = []
    seen = 0

    def walk(acc, depth=0):
        nonlocal seen
        state = acc.getState()
        if not state.contains(pyatspi.STATE_SHOWING) or depth > 40:
            return
        role = acc.getRoleName()
        if role in INTERACTIVE:
            seen += 1
            if not any(ch.isalpha() for ch in spoken_name(acc)):
                out.append(f"{role} {acc.name!r}")
        if role in ("list", "tree", "tree table", "table", "document frame"):
            return  # items are named by their own text; links are checked apart
        for i in range(acc.childCount):
            child = acc.getChildAtIndex(i)
            if child is not None:
                walk(child, depth + 1)

    walk(app)
    return out, seen


def probe(app) -> dict:
    frame = app.getChildAtIndex(0)
    doc = find_role(frame, "document frame")
    result: dict = {"app": app.name, "frame": frame.name}
    result["menus"] = [frame_menu.name for frame_menu in _menu_items(frame)]
    if doc is None:
        result["document"] = None
        return result
    text = doc.queryText()
    caret = text.caretOffset
    links = []
    for i in range(doc.childCount):
        child = doc.getChildAtIndex(i)
        if child is not None and child.getRoleName() == "link":
            action = child.queryAction()
            links.append({"name": child.name,
                          "actions": [action.getName(k) for k in range(action.nActions)]})
    result["document"] = {
        "name": doc.name, "description": doc.description, "caret": caret,
        "characters": text.characterCount,
        "at_caret": text.getText(caret, min(text.characterCount, caret + 200)),
        "line_at_caret": text.getTextAtOffset(caret, pyatspi.TEXT_BOUNDARY_LINE_START)[0],
        "links": links,
    }
    result["unnamed"], result["interactive_seen"] = unnamed(app)
    # follow the first link to a paragraph through its action: the caret moves there
    for i in range(doc.childCount):
        child = doc.getChildAtIndex(i)
        if child is not None and child.getRoleName() == "link" and "الحاشية" not in child.name:
            child.queryAction().doAction(0)
            time.sleep(1.5)
            caret = text.caretOffset
            result["after_press"] = {
                "description": doc.description, "caret": caret,
                "at_caret": text.getText(caret, min(text.characterCount, caret + 200)),
            }
            break
    return result


def _menu_items(frame):
    bar = find_role(frame, "menu bar")
    if bar is None:
        return []
    return [bar.getChildAtIndex(i) for i in range(bar.childCount)]


def main() -> int:
    app_python, repo, db, locator = sys.argv[1:5]
    env = dict(os.environ, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_QPA_PLATFORM="xcb",
               QT_ACCESSIBILITY="1")
    env.pop("NO_AT_BRIDGE", None)
    launcher = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    app_proc = subprocess.Popen([app_python, "-m", "desktop", "--db", db, "--open", locator],
                                cwd=repo, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
    try:
        app = find_app("compendium")
        if app is None:
            app_proc.terminate()
            out, err = app_proc.communicate(timeout=20)
            print(json.dumps({"error": "the app never appeared on the AT-SPI bus",
                              "stderr": err[-3000:]}, ensure_ascii=False))
            return 1
        time.sleep(2.0)   # the deferred scroll and caret placement
        print(json.dumps(probe(app), ensure_ascii=False))
        return 0
    finally:
        if app_proc.poll() is None:
            app_proc.terminate()
            try:
                app_proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                app_proc.kill()
        launcher.terminate()


if __name__ == "__main__":
    sys.exit(main())
