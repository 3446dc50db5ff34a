"""Related documents: COP 12, COP 10, COP 6 and the migrant-smuggling report, beside the compendium.

The parsers of this package turn one source text each into the shapes of
desktop/content/model.py (a `Parsed`: nodes, paragraphs, footnotes,
problems), the compendium parser's too, which a build stage writes into the
core tables. The COP 6 agenda and the smuggling report, read from damaged
PDFs, keep their paragraphs' working state in shapes of their own but build
their nodes as model.Node.
"""

from __future__ import annotations

import re

_MD_LINK = re.compile(r"\[([^\]]+)\]\(#?\)")


def clean_markdown(text: str) -> str:
    """Undo the extraction's Markdown: escaped asterisks, ``[x](#)`` links, ``*x*``."""
    text = text.replace("\\*", "*")
    text = _MD_LINK.sub(r"\1", text)
    text = re.sub(r"\*([^*\s][^*]*?)\*", r"\1", text)
    return text.strip()
