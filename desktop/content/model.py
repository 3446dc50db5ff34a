"""What a source parser produces: nodes, paragraphs, footnotes and problems (`Parsed`).

The compendium parser and the related-document parsers fill the same core
tables, so they share these shapes. Their sources mark footnotes
differently (``<sup>(12)</sup>`` in the compendium, ``⁽¹²⁾`` in the related
documents); `strip_markers` takes the pattern and reads either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
#: ``⁽¹²⁾``, the related documents' footnote marker
SUPERSCRIPT_MARKER = re.compile(r"⁽([⁰¹²³⁴⁵⁶⁷⁸⁹]+)⁾")
#: ``<sup>(12)</sup>``, the compendium's footnote marker
SUP_MARKER = re.compile(r"<sup>\((\d+)\)</sup>")


def strip_markers(text: str, pattern: re.Pattern[str] = SUPERSCRIPT_MARKER
                  ) -> tuple[str, list[tuple[int, int]]]:
    """Remove footnote markers matching `pattern`; return the text and (number, offset) pairs.

    The pattern's first group is the number, in ASCII or superscript digits.
    """
    out, markers, pos = [], [], 0
    length = 0
    for m in pattern.finditer(text):
        chunk = text[pos:m.start()]
        out.append(chunk)
        length += len(chunk)
        markers.append((int(m.group(1).translate(SUPERSCRIPT)), length))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), markers


@dataclass
class Node:
    id: str
    kind: str               # "part", "section", "resolution", "decision", "annex", "session", "meeting", "gap"
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
    #: how the unit is named in a citation ("سابعاً", "المقرر 4/3")
    cite_name: str = ""


@dataclass
class Paragraph:
    id: str
    node_id: str            # innermost container node
    unit_id: str            # the meeting, chapter, resolution or decision it belongs to
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

    def append(self, more: str, line: int, sep: str = " ",
               pattern: re.Pattern[str] = SUPERSCRIPT_MARKER) -> None:
        """Add a continuation line (a paragraph broken by a page or footnotes)."""
        body, markers = strip_markers(more, pattern)
        base = len(self.text) + len(sep) if self.text else 0
        self.text = f"{self.text}{sep}{body}" if self.text else body
        self.markers.extend((n, base + off) for n, off in markers)
        self.source_line_end = line


@dataclass
class Footnote:
    number: int             # 0 for an unnumbered "*" footnote
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
    """What one parser read from one source text."""

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
