"""Reading PDFs back with poppler (pdfinfo, pdftotext, pdffonts)."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path


def page_count(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                         check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def text(path: Path) -> str:
    """The PDF's text, NFKC-normalised (Arabic presentation forms folded),
    without the bidi controls pdftotext inserts, whitespace collapsed."""
    raw = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    folded = unicodedata.normalize("NFKC", raw)
    folded = "".join(c for c in folded if unicodedata.category(c) != "Cf")
    return re.sub(r"[ \t]+", " ", folded)


def fonts(path: Path) -> list[tuple[str, bool]]:
    """(font name, embedded) for every font in the PDF."""
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                         check=True).stdout.splitlines()[2:]
    rows = []
    for line in out:
        cols = line.split()
        # name type... encoding emb sub uni object ID: emb is 5th from the end
        rows.append((cols[0], cols[-5] == "yes"))
    return rows


def has_page_footer(extracted: str, page: int, pages: int) -> bool:
    return re.search(rf"صفحة\s*{page}\s*من\s*{pages}(?!\d)", extracted) is not None


def tokens(extracted: str) -> list[str]:
    """Words and numbers of the extracted text, without diacritics: pdftotext
    reorders the pieces of mixed Arabic/Latin/number runs, so tests compare
    neighbourhoods of tokens rather than exact strings."""
    bare = "".join(c for c in extracted if unicodedata.category(c) != "Mn")
    return re.findall(r"[\u0621-\u064A]+|[A-Za-z0-9.]+", bare)


def near(extracted: str, a: str, b: str, distance: int = 2) -> bool:
    """Whether tokens a and b occur within ``distance`` tokens of each other."""
    toks = tokens(extracted)
    at_a = [i for i, t in enumerate(toks) if t == a]
    at_b = [i for i, t in enumerate(toks) if t == b]
    return any(abs(i - j) <= distance for i in at_a for j in at_b)
