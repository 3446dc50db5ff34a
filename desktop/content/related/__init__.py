"""Related documents: COP 12, COP 10, COP 6 and the migrant-smuggling report, beside the compendium.

The parsers of this package turn one source text each into a `Parsed`
(nodes, paragraphs, footnotes, problems) that a build stage writes into the
core tables. The shapes below are shared by the COP 12 report, the COP 10
note and the supplement drawn from the COP 12 report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class Node:
    id: str
    kind: str               # "section", "resolution", "decision", "annex", "session", "meeting", "gap"
    heading: str
    parent_id: str | None = None
    title: str | None = None
    dates: str | None = None
    symbol: str | None = None
    number: int | None = None
    session: int | None = None
    decision_number: int | None = None
    part: str | None = None
    source_line: int | None = None
    #: the document the node's facts come from, where not the parser's own
    document: str | None = None


@dataclass
class Paragraph:
    id: str
    node_id: str            # innermost container node
    unit_id: str            # the chapter, resolution or decision it belongs to
    kind: str               # "numbered", "item", "subitem", "preamble", "chapeau", "note", "text"
    label: str
    label_path: list[str]
    text: str
    citation: str
    depth: int
    source_line: int
    source_line_end: int
    part: str | None = None
    symbol: str | None = None
    #: (footnote number, character offset in `text`) for each marker removed
    markers: list[tuple[int, int]] = field(default_factory=list)

    def append(self, more: str, line: int, sep: str = " ") -> None:
        """Add a continuation line (a paragraph broken by a page or footnotes)."""
        body, markers = strip_markers(more)
        base = len(self.text) + len(sep) if self.text else 0
        self.text = f"{self.text}{sep}{body}" if self.text else body
        self.markers.extend((n, base + off) for n, off in markers)
        self.source_line_end = line


@dataclass
class Footnote:
    number: int             # 0 for the unnumbered "*" footnote
    text: str
    source_line: int
    paragraph_id: str | None = None
    marker_offset: int | None = None


@dataclass
class Problem:
    severity: str           # "warning" (explained) or "error" (unexplained)
    line: int
    message: str


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


SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_MARKER = re.compile(r"⁽([⁰¹²³⁴⁵⁶⁷⁸⁹]+)⁾")
_MD_LINK = re.compile(r"\[([^\]]+)\]\(#?\)")


def strip_markers(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Remove footnote markers ``⁽¹²⁾``; return the text and (number, offset) pairs."""
    out, markers, pos = [], [], 0
    length = 0
    for m in _MARKER.finditer(text):
        chunk = text[pos:m.start()]
        out.append(chunk)
        length += len(chunk)
        markers.append((int(m.group(1).translate(SUPERSCRIPT)), length))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), markers


def clean_markdown(text: str) -> str:
    """Undo the extraction's Markdown: escaped asterisks, ``[x](#)`` links, ``*x*``."""
    text = text.replace("\\*", "*")
    text = _MD_LINK.sub(r"\1", text)
    text = re.sub(r"\*([^*\s][^*]*?)\*", r"\1", text)
    return text.strip()
