"""Related documents: COP 12, COP 10, COP 6 and the migrant-smuggling report, beside the compendium.

The parsers of this package turn one source text each into a `Parsed`
(nodes, paragraphs, footnotes, problems) that a build stage writes into the
core tables. These shapes (desktop/content/model.py) are the compendium
parser's too; the COP 12 report, the COP 10 note and the supplement drawn
from the COP 12 report import them from here.
"""

from __future__ import annotations

import re

from desktop.content.model import (  # noqa: F401  (the package's parsers import them from here)
    Footnote, Node, Paragraph, Parsed, Problem, strip_markers)

_MD_LINK = re.compile(r"\[([^\]]+)\]\(#?\)")


def clean_markdown(text: str) -> str:
    """Undo the extraction's Markdown: escaped asterisks, ``[x](#)`` links, ``*x*``."""
    text = text.replace("\\*", "*")
    text = _MD_LINK.sub(r"\1", text)
    text = re.sub(r"\*([^*\s][^*]*?)\*", r"\1", text)
    return text.strip()
