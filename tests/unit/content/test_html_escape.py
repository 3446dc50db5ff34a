"""desktop.content.html_escape.escape is html.escape, without loading html.entities."""

from __future__ import annotations

import html
import json
import subprocess
import sys

from desktop.content.html_escape import escape

SAMPLES = ("", "plain", "a & b", "<b>«الفقرة 13»</b>", "x < y > z", 'say "yes"', "it's",
           "&amp; stays escaped once more", "&&<<>>\"\"''", "سابعاً-13 & CTOC/COP/WG.2/2013/5")


def test_escape_gives_what_html_escape_gives():
    for text in SAMPLES:
        assert escape(text) == html.escape(text)
        assert escape(text, quote=False) == html.escape(text, quote=False)
        assert escape(text, False) == html.escape(text, False)


def test_the_reader_pages_do_not_load_html_entities():
    probe = ("import json, sys\n"
             "import desktop.content.render, desktop.content.editorial_html, desktop.search.snippets\n"
             "import desktop.content.related.quality_html\n"
             "print(json.dumps(sorted(m for m in sys.modules if m.startswith('html'))))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         timeout=60, check=True).stdout
    assert json.loads(out.strip().splitlines()[-1]) == []


def test_every_surface_escapes_with_the_one_escape():
    """One answer to "how is text escaped for Qt's rich text": no module of
    the app imports the html package (search results, notes, the finder
    and the reader all use desktop.content.html_escape)."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[3] / "desktop"
    offenders = []
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level
                     else [])
            if any(name == "html" or name.startswith("html.") for name in names):
                offenders.append(str(path.relative_to(root.parent)))
    assert offenders == []
