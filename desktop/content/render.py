"""Turn a unit's rows into the reader's HTML (Qt-free).

A unit (meeting, decision, resolution, or a related document's top node) is
rendered whole so the reader can scroll around the selected paragraph.
The source text is escaped first (HTML, then Markdown punctuation) and only
then run through ``markdown``, so nothing in the data can inject markup;
``**bold**`` in the source is the one piece of Markdown kept.

Qt's rich-text engine honours only ``dir="rtl"``/``dir="ltr"`` on blocks
(``dir="auto"``, ``<bdi>`` and CSS ``direction`` are ignored), so every block carries ``dir="rtl"``; document symbols get a
WORD JOINER after each ``/`` (citations.join_symbols) so Qt does not break them across lines.

Anchors: ``p-<id>`` before each paragraph, ``fn-<n>`` on each footnote.
Hrefs: ``para:<id>`` for a link to a paragraph, ``#fn-<n>`` for a footnote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from desktop.content.citations import display_label, join_symbols
from desktop.content.html_blocks import (  # noqa: F401  (the reader's names)
    PARA_SCHEME, anchor_name, escape_source, heading_block, markdown_inline, meta_block,
    page, para_href,
)
from desktop.content.html_escape import escape
from desktop.content.records import Footnote, Link, Node, Paragraph
from desktop.content.store import ContentStore
from desktop.content.related import quality_html
from desktop.content import editorial_html

_TOKEN = re.compile(r"zq(\d+)qz")

HIGHLIGHT_COLOUR = "#fff0b3"
INDENT_PX = 32


@dataclass
class RenderedUnit:
    unit_id: str
    html: str
    #: paragraph ids in reading order, as anchored in the HTML
    paragraph_ids: list[str] = field(default_factory=list)


@dataclass
class _Span:
    start: int
    end: int
    open_html: str
    close_html: str
    #: corrected words inside a link's words: (start, end, open_html)
    inner: list = field(default_factory=list)


def _spans(para: Paragraph, notes: list[Footnote], links: list[Link],
           citations: dict[str, str], corrections: Sequence[editorial_html.CorrectionMark] = ()
           ) -> tuple[list[_Span], list[Link]]:
    """Markup to lay over the paragraph's text; links without a place in it."""
    spans: list[_Span] = []
    unplaced: list[Link] = []
    text = para.text or ""
    taken: list[tuple[int, int]] = []
    for link in links:
        words = link.text or ""
        where = text.find(words) if words else -1
        while where >= 0 and any(s < where + len(words) and where < e for s, e in taken):
            where = text.find(words, where + 1)
        if where < 0:
            unplaced.append(link)
            continue
        end = where + len(words)
        taken.append((where, end))
        title = escape(citations.get(link.to_id, link.to_id))
        spans.append(_Span(where, end,
                           f'<a href="{escape(para_href(link.to_id))}" title="{title}">',
                           "</a>"))
    for note in notes:
        offset = note.marker_offset
        if offset is None or not 0 <= offset <= len(text):
            offset = len(text)
        # never inside a link
        for s, e in taken:
            if s < offset < e:
                offset = e
        title = escape(note.shown)
        # a note whose place in the text is unknown (the "*" of the agenda
        # line) is set off by a space, not glued to the last word
        gap = "&nbsp;" if note.marker_offset is None else ""
        spans.append(_Span(offset, offset,
                           f'{gap}<sup><a href="#fn-{note.number}" title="{title}">'
                           f"{note.sign}</a></sup>", ""))
    # a corrected word is marked where it stands, unless a link or a
    # footnote marker falls inside it (those must never be lost)
    points = [s.start for s in spans if s.start == s.end]
    for mark in corrections:
        if mark.end <= mark.start or any(mark.start < p < mark.end for p in points):
            continue
        host = [s for s in spans if s.start <= mark.start and mark.end <= s.end
                and s.end > s.start]
        if host:   # a corrected word inside a link's words: marked within the link
            host[0].inner.append((mark.start, mark.end, editorial_html.mark_open(mark)))
            continue
        if any(s < mark.end and mark.start < e for s, e in taken):
            continue
        taken.append((mark.start, mark.end))
        spans.append(_Span(mark.start, mark.end, editorial_html.mark_open(mark), "</span>"))
    spans.sort(key=lambda s: (s.start, s.end))
    return spans, unplaced


def paragraph_body(para: Paragraph, notes: list[Footnote], links: list[Link],
                   citations: dict[str, str],
                   corrections: Sequence[editorial_html.CorrectionMark] = ()) -> tuple[str, list[Link]]:
    """The paragraph's text as HTML, with footnote markers, link anchors and
    corrected words (editorial_html.CorrectionMark) marked."""
    text = para.text or ""
    spans, unplaced = _spans(para, notes, links, citations, corrections)
    pieces: list[str] = []
    markup: list[str] = []
    pos = 0

    def token(snippet: str) -> str:
        markup.append(snippet)
        return f"zq{len(markup) - 1}qz"

    for span in spans:
        if span.start < pos:
            continue
        pieces.append(escape_source(join_symbols(text[pos:span.start])))
        pieces.append(token(span.open_html))
        if span.end > span.start:
            inner_pos = span.start
            for start, end, open_html in sorted(span.inner):
                if start < inner_pos:
                    continue
                pieces.append(escape_source(join_symbols(text[inner_pos:start])))
                pieces.append(token(open_html))
                pieces.append(escape_source(join_symbols(text[start:end])))
                pieces.append(token("</span>"))
                inner_pos = end
            pieces.append(escape_source(join_symbols(text[inner_pos:span.end])))
            pieces.append(token(span.close_html))
        pos = span.end
    pieces.append(escape_source(join_symbols(text[pos:])))
    body = markdown_inline("".join(pieces))
    body = _TOKEN.sub(lambda m: markup[int(m.group(1))], body)
    return body, unplaced


def unit_header(store: ContentStore, unit: Node) -> list[str]:
    blocks: list[str] = []
    chain = store.ancestors(unit.id)
    for outer in chain[:-1]:
        if outer.heading:
            blocks.append(meta_block(outer.heading))
    blocks.append(heading_block(2, unit.heading or unit.id, "margin-bottom:2px"))
    supplement = editorial_html.is_supplement(store, unit)
    # a supplement meeting's title is the build's own "drawn from" note:
    # the notice below says it once, in the reader's words
    if unit.title and not (supplement and editorial_html.is_supplement_note(unit.title)):
        blocks.append(heading_block(3, unit.title, "margin-top:2px"))
    if supplement:
        blocks.append(editorial_html.supplement_block())
    if unit.dates:
        blocks.append(meta_block(unit.dates))
    if unit.symbol:
        blocks.append(meta_block(unit.symbol))
    return blocks


def render_unit(store: ContentStore, unit_id: str, selected_id: str | None = None
                ) -> RenderedUnit:
    """The HTML of a whole unit, with ``selected_id`` highlighted."""
    unit = store.node(unit_id)
    if unit is None:
        raise KeyError(unit_id)
    paragraphs = store.unit_paragraphs(unit_id)
    ids = [p.id for p in paragraphs]
    notes_by_para: dict[str, list[Footnote]] = {}
    all_notes = store.footnotes(ids)
    for note in all_notes:
        notes_by_para.setdefault(note.paragraph_id, []).append(note)
    links_by_para: dict[str, list[Link]] = {}
    links = store.links_from(ids)
    for link in links:
        links_by_para.setdefault(link.from_id, []).append(link)
    citations = {p.id: p.citation or p.id
                 for p in store.paragraphs({link.to_id for link in links})}

    blocks = unit_header(store, unit)
    # a link made by the unit as a whole (a meeting endorsed by a COP
    # resolution) stands under the unit's heading, not under one paragraph
    for link in [l for l in links if l.from_node == unit.id and not l.text]:
        if link.to_id in citations:
            blocks.append(_unit_link_block(link, citations[link.to_id]))
        links_by_para[link.from_id].remove(link)
    quality = store.quality_rows(ids)
    corrected = editorial_html.correction_marks(store, paragraphs)
    current_node = unit.id
    for para in paragraphs:
        if para.node_id != current_node:
            blocks += _section_headings(store, unit.id, current_node, para.node_id)
            current_node = para.node_id
        marks = corrected.get(para.id, [])
        body, unplaced = paragraph_body(para, notes_by_para.get(para.id, []),
                                        links_by_para.get(para.id, []), citations, marks)
        body, after = quality_html.decorate(quality.get(para.id), para.text, body,
                                            para.id == selected_id, para.depth)
        if marks and (quality.get(para.id) or {}).get("quality", "clean") == "clean":
            body = editorial_html.correction_notice(marks) + body
        if para.damaged:
            body = DAMAGED_NOTICE + body
        blocks.append(_paragraph_block(para, body, para.id == selected_id))
        blocks += after
        for link in unplaced:
            if link.to_id in citations:
                blocks.append(_see_also_block(para, link, citations[link.to_id]))
    if all_notes:
        blocks.append('<hr/>')
        note_marks = editorial_html.footnote_marks(store, ids)
        for note in all_notes:
            text = _footnote_body(note.shown, note_marks.get(note.number, []))
            blocks.append(
                f'<p dir="rtl" align="right" style="font-size:small; margin:2px 0">'
                f'<a name="fn-{note.number}"></a><sup>{note.sign}</sup> {text}</p>')
    return RenderedUnit(unit_id=unit.id, html=page("\n".join(blocks)), paragraph_ids=ids)


def _footnote_body(text: str, marks: Iterable[editorial_html.CorrectionMark]) -> str:
    """A footnote's text as HTML, its corrected words marked like a paragraph's."""
    out, pos = [], 0
    for mark in marks:
        if mark.start < pos:
            continue
        out.append(markdown_inline(escape_source(join_symbols(text[pos:mark.start]))))
        out.append(editorial_html.mark_open(mark)
                   + escape(text[mark.start:mark.end]) + "</span>")
        pos = mark.end
    out.append(markdown_inline(escape_source(join_symbols(text[pos:]))))
    return "".join(out)


def _section_headings(store: ContentStore, unit_id: str, old_node: str,
                      new_node: str) -> list[str]:
    """Headings of the containers entered between two paragraphs (annex, section)."""
    old_chain = {n.id for n in store.ancestors(old_node)}
    blocks: list[str] = []
    for node in store.ancestors(new_node):
        if node.id in old_chain or node.id == unit_id:
            continue
        if node.heading:
            blocks.append(heading_block(3 if node.kind == "annex" else 4, node.heading))
        if node.title and node.title not in (node.heading or ""):
            blocks.append(heading_block(4, node.title))
    return blocks


#: Before a paragraph whose stored text could not be decoded (a damaged copy
#: of the database): the rest reads, this one says what happened.
DAMAGED_NOTICE = '<span style="color:#a00000">[جزء من هذا النص تالف في قاعدة البيانات]</span> '


def _paragraph_block(para: Paragraph, body: str, selected: bool) -> str:
    label = display_label(para)
    indent = INDENT_PX * max(para.depth, 0)
    # Qt lays a negative text-indent out wider than the page in RTL blocks
    # (measured: a horizontal scroll bar), so the label simply starts the
    # block at the right edge of its level instead of hanging.
    style = [f"margin-right:{indent}px", "margin-top:4px", "margin-bottom:4px"]
    if selected:
        style.append(f"background-color:{HIGHLIGHT_COLOUR}")
    muted = para.kind == "preamble"
    label_html = ""
    if label:
        colour = "#777777" if muted else "#1f3b73"
        label_html = (f'<b style="color:{colour}">{escape(label)}</b>'
                      f"&nbsp;&nbsp;")
    title = escape(para.citation or para.id)
    return (f'<p dir="rtl" align="justify" style="{"; ".join(style)}" title="{title}">'
            f'<a name="{escape(anchor_name(para.id))}"></a>{label_html}{body}</p>')


#: How a link without words in the text is introduced, by kind.
SEE_ALSO = {
    "endorsed_by": "أُقِرَّت في",
    "endorsement": "يُقِرّ",
    "same-text": "النص نفسه في",
    "same_text": "النص نفسه في",
}


def _link_anchor(link: Link, citation: str) -> str:
    return (f'<a href="{escape(para_href(link.to_id))}">'
            f'{escape(join_symbols(citation))}</a>')


def _unit_link_block(link: Link, citation: str) -> str:
    words = SEE_ALSO.get(link.kind, "انظر")
    return (f'<p dir="rtl" align="right" style="margin:2px 0; color:#555555">'
            f"{words}: {_link_anchor(link, citation)}</p>")


def _see_also_block(para: Paragraph, link: Link, citation: str) -> str:
    indent = INDENT_PX * max(para.depth, 0) + INDENT_PX
    words = SEE_ALSO.get(link.kind, "انظر")
    return (f'<p dir="rtl" align="right" style="margin-right:{indent}px; margin-top:0;'
            f' font-size:small; color:#555555">&#x2190; {words}: '
            f"{_link_anchor(link, citation)}</p>")
