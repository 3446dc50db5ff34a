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
