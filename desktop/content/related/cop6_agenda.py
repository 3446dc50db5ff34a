"""Parse the COP 6 annotated provisional agenda (CTOC/COP/2012/1, seed 001).

The source has no paragraph numbers and was extracted in visual order (see
visual_order). Structure comes from its layout: the agenda list (items
"-N", sub-items ")X("), then the annotations ("الشروح") by item heading
"... - N", sub-item heading "... )X(" and "الوثائق" lists, then the annex
(proposed organisation of work). Each paragraph gets a running label within
its item, and a quality: "repaired" when the reliable repairs leave no sign
of visual-order damage, "damaged" (with the reasons) otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.content.ids import ABJAD, abjad_rank
from desktop.content.model import Node
from desktop.content.related import visual_order as vo
from desktop.content.related.lexicon import Lexicon

DOCUMENT = "cop6-agenda"
SYMBOL = "CTOC/COP/2012/1"
PREFIX = "cop6:"

_LETTER = r"(?:هـ|[" + "".join(a for a in ABJAD if len(a) == 1) + "ه])"
_ITEM_LIST = re.compile(r"(?:^|\s)-([١-٩])(?=\s|$)")     # agenda list "... -١"
_ITEM_HEAD = re.compile(r"-\s+([١-٩])\s*$")            # annotation "... - ١"
_SUB_MARK = re.compile(r"\)(" + _LETTER + r")\(")       # mirrored "(أ)"
_SYMBOL = re.compile(r"[()]?CTOC/[A-Za-z0-9./\-–]+[()]?")
_WORD = re.compile(r"[\u0621-\u064a\u064b-\u065f\u0670]+")
_SHORT_WORDS = {"و", "من", "في", "أو", "إن", "أن", "لم", "عن", "ما", "لا", "أي",
                "إلى", "على", "مع", "قد", "هي", "هو", "ذلك", "به", "بها", "له",
                "لها", "كل", "بل", "ثم", "إذ", "لن", "منها", "فيها", "هذا", "تلك"}
_DIGITS = str.maketrans("١٢٣٤٥٦٧٨٩", "123456789")


@dataclass
class Paragraph:
    node: str            # node id (without prefix)
    item: int            # agenda item number (0 for the annex)
    kind: str            # "item", "subitem", "text", "document", "table"
    label: str
    lines: list[tuple[int, str]] = field(default_factory=list)  # (line no, raw)
    text: str = ""
    original: str = ""
    quality: str = ""
    reasons: list[str] = field(default_factory=list)
    code: str = ""       # id component


@dataclass
class AgendaNode(Node):
    """A node (the parsers' shared shape) with what this parser still needs:
    its heading's raw lines, and whether the agenda list gave its title."""

    raw_lines: list[str] = field(default_factory=list)
    title_from_list: bool = False


@dataclass
class Agenda:
    nodes: list[AgendaNode]
    paragraphs: list[Paragraph]


def _fragment_tokens(text: str, lexicon: Lexicon) -> list[str]:
    """Tokens that are not words: pieces of words, or two words fused."""
    out = []
    text = re.sub(r"\(\S{1,2}\)", " ", text)     # list markers (أ), (ب) ...
    for w in _WORD.findall(text):
        b = re.sub("[\u064b-\u065f\u0670]", "", w)
        if b in _SHORT_WORDS:
            continue
        if lexicon.debris(w):
            out.append(w)
    return out


def _line_text(raw: str) -> tuple[str, list[str]]:
    """Repaired text of one line and what damage remains in it."""
    reasons = vo.order_damage(raw)
    text = vo.repair_line(raw)
    if reasons == ["punctuation"]:
        # one span in reading order whose final mark drifted to the front
        text = text[1:].strip() + text[0]
        reasons = []
    return text, reasons


def finish(par: Paragraph, lexicon: Lexicon) -> None:
    """Join a paragraph's lines, repair them and judge its quality."""
    texts: list[str] = []
    reasons: list[str] = []
    for _, raw in par.lines:
        t, r = _line_text(raw)
        texts.append(t)
        reasons.extend(x for x in r if x not in reasons)
    par.text = " ".join(t for t in texts if t)
    par.original = "\n".join(raw.rstrip() for _, raw in par.lines)
    if _fragment_tokens(par.text, lexicon) and "unknown" not in reasons:
        reasons.append("unknown")
    par.reasons = reasons
    par.quality = "damaged" if reasons else "repaired"


def _strip_marker(raw: str, pattern: re.Pattern) -> str:
    return pattern.sub(" ", raw, count=1)


def parse(text: str, lexicon: Lexicon) -> Agenda:
    lines = text.split("\n")
    nodes = [AgendaNode("cop6", "section", "الدورة السادسة لمؤتمر الأطراف: جدول الأعمال المؤقت وشروحه",
                        source_line=1),
             AgendaNode("cop6/agenda", "section", "جدول الأعمال المؤقت", parent_id="cop6",
                        source_line=7)]
    paras: list[Paragraph] = []

    # --- the agenda list: up to "الشروح"
    notes_at = next(i for i, l in enumerate(lines) if l.strip() == "الشروح")
    annex_at = next(i for i, l in enumerate(lines) if l.strip() == "المرفق")
    item = 0
    current: Paragraph | None = None
    for i in range(0, notes_at):
        raw = lines[i]
        s = vo.strip_stretching(raw)
        m_item = _ITEM_LIST.search(s)
        m_sub = _SUB_MARK.search(s)
        if m_item:
            item = int(m_item[1].translate(_DIGITS))
            current = Paragraph("cop6/agenda", item, "item", str(item), code=f"agenda/{item}")
            current.lines.append((i + 1, _strip_marker(s, _ITEM_LIST)))
            paras.append(current)
        elif m_sub and item:
            letter = m_sub[1]
            current = Paragraph("cop6/agenda", item, "subitem", f"({letter})",
                                code=f"agenda/{item}.l{abjad_rank(letter)}")
            current.lines.append((i + 1, _strip_marker(s, _SUB_MARK)))
            paras.append(current)
        elif raw.strip() and current is not None:
            current.lines.append((i + 1, raw))

    # --- the annotations
    nodes.append(AgendaNode("cop6/notes", "section", "الشروح", parent_id="cop6",
                            source_line=notes_at + 1))
    item = 0
    running = 0
    container = "cop6/notes"
    item_node = None
    current = None
    heading_node: AgendaNode | None = None   # a heading that may continue on the next line
    in_docs = False

    def new_par(kind: str, line_no: int, raw: str, label_letter: str | None = None) -> Paragraph:
        nonlocal running, current
        running += 1
        label = str(running)
        current = Paragraph(container, item, kind, label, code=f"i{item}/{running}")
        current.lines.append((line_no, raw))
        paras.append(current)
        return current

    i = notes_at + 1
    while i < annex_at:
        raw = lines[i]
        s = vo.strip_stretching(raw)
        stripped = s.strip()
        n = i + 1
        i += 1
        if not stripped:
            continue
        m_item = _ITEM_HEAD.search(s)
        m_sub = _SUB_MARK.search(s)
        if m_item:
            item = int(m_item[1].translate(_DIGITS))
            running = 0
            title, _ = _line_text(_strip_marker(s, _ITEM_HEAD))
            item_node = AgendaNode(f"cop6/i{item}", "section", f"البند {item}",
                                   parent_id="cop6/notes", title=title, number=item,
                                   source_line=n)
            item_node.raw_lines.append(_strip_marker(s, _ITEM_HEAD))
            nodes.append(item_node)
            container, current, heading_node, in_docs = item_node.id, None, item_node, False
            continue
        if m_sub and s.rstrip().endswith("(") and (raw.startswith("    ") or in_docs):
            letter = m_sub[1]
            title, _ = _line_text(_strip_marker(s, _SUB_MARK))
            sub = AgendaNode(f"cop6/i{item}-l{abjad_rank(letter)}", "section",
                             f"البند {item} ({letter})", parent_id=f"cop6/i{item}", title=title,
                             source_line=n)
            sub.raw_lines.append(_strip_marker(s, _SUB_MARK))
            nodes.append(sub)
            container, current, heading_node, in_docs = sub.id, None, sub, False
            continue
        if stripped == "الوثائق":
            parent = container.split("/docs")[0]
            docs = AgendaNode(f"{parent}/docs", "section", "الوثائق", parent_id=parent,
                              source_line=n)
            nodes.append(docs)
            container, current, heading_node, in_docs = docs.id, None, None, True
            continue
        if heading_node is not None and current is None and raw.startswith("    "):
            more, _ = _line_text(raw)
            heading_node.title = f"{heading_node.title} {more}".strip()
            heading_node.raw_lines.append(raw)
            continue
        heading_node = None
        if in_docs:
            if current is None:
                new_par("document", n, raw)
            else:
                current.lines.append((n, raw))
            if _SYMBOL.search(s):
                current = None
            continue
        list_item = re.search(r"\)" + _LETTER + r"\((\s*$|\s{2,})", s)
        if current is None or list_item:
            new_par("text", n, raw)
        else:
            current.lines.append((n, raw))
        # the paragraph's final mark, drifted to either end of its last line,
        # maybe behind a quote or a (mirrored) bracket: ' ".دولة', ').CTOC/...(', ')CTOC/...3.('
        if re.match(r'^[)("]*[.:]', stripped) or re.search(r'[.:][)("]*$', stripped):
            current = None

    # --- the annex: one paragraph per day of the proposed organisation of work
    nodes.append(AgendaNode("cop6/annex", "annex", "المرفق", parent_id="cop6",
                            title="تنظيم الأعمال المقترح", source_line=annex_at + 1))
    item, container, running, current = 0, "cop6/annex", 0, None
    for i in range(annex_at + 2, len(lines)):
        raw = lines[i]
        if not raw.strip():
            continue
        if re.search(r"أكتوبر/\s*تشرين", raw):
            running += 1
            current = Paragraph(container, 0, "table", f"{running}", code=f"annex/t{running}")
            paras.append(current)
        if current is not None:
            current.lines.append((i + 1, raw))

    for p in paras:
        finish(p, lexicon)
        if p.kind == "table":
            p.quality = "damaged"
            if "table" not in p.reasons:
                p.reasons.insert(0, "table")
    _titles_from_list(nodes, paras, lexicon)
    return Agenda(nodes, paras)


def _titles_from_list(nodes: list[AgendaNode], paras: list[Paragraph], lexicon: Lexicon) -> None:
    """A heading damaged in the annotations takes the agenda list's wording.

    Every item and sub-item title is printed twice: in the agenda list and
    as the annotation heading. Where the heading is damaged and the list
    line came out readable, the tree shows the list line.
    """
    listed = {p.code.split("/", 1)[1]: p for p in paras if p.node == "cop6/agenda"}
    for node in nodes:
        m = re.fullmatch(r"cop6/i(\d+)(?:-l(\d+))?", node.id)
        if not m or not node.raw_lines:
            continue
        probe = Paragraph(node.id, int(m[1]), "heading", "", lines=[(node.source_line or 0, r) for r in node.raw_lines])
        finish(probe, lexicon)
        key = m[1] + (f".l{m[2]}" if m[2] else "")
        entry = listed.get(key)
        if probe.quality == "damaged" and entry is not None and entry.quality == "repaired":
            node.title = entry.text.rstrip("؛.:،; ")
            node.title_from_list = True


REASONS = dict(vo.REASONS, table="جدول فقد أعمدته عند الاستخراج")


def quality_note(p: Paragraph) -> str:
    """Arabic reason shown in the reader."""
    if p.quality == "repaired":
        return ("أُصلح آلياً: أقواس معكوسة، تطويل، أرقام وتواريخ مقلوبة "
                "(استُخرج المصدر بالترتيب المرئي)")
    return "نص المصدر تالف: " + "؛ ".join(REASONS[r] for r in p.reasons)
