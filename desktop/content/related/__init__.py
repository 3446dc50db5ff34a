"""Related documents: COP 12, COP 10, COP 6 and the migrant-smuggling report, beside the compendium.

The parsers of this package turn one source text each into a `Parsed`
(nodes, paragraphs, footnotes, problems) that a build stage writes into the
core tables. Its shapes (desktop/content/model.py) are the compendium
parser's too; `Parsed` gathers them for the COP 12 report, the COP 10 note
and the supplement drawn from the COP 12 report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.content.model import (  # noqa: F401  (the package's parsers import them from here)
    Footnote, Node, Paragraph, Problem, strip_markers)


@dataclass
class Parsed:
    nodes: list[Node] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def node(self, node_id: str) -> Node:
        for node in self.nodes:
            if node.id == node_id:
                return node
        raise KeyError(node_id)

    def paragraph(self, para_id: str) -> Paragraph:
        for para in self.paragraphs:
            if para.id == para_id:
                return para
        raise KeyError(para_id)


_MD_LINK = re.compile(r"\[([^\]]+)\]\(#?\)")


def clean_markdown(text: str) -> str:
    """Undo the extraction's Markdown: escaped asterisks, ``[x](#)`` links, ``*x*``."""
    text = text.replace("\\*", "*")
    text = _MD_LINK.sub(r"\1", text)
    text = re.sub(r"\*([^*\s][^*]*?)\*", r"\1", text)
    return text.strip()
