"""A supplement to the compendium drawn from the report of COP 12 (2024).

The 2021 edition stops at meeting 11 of the Working Group (2018) and session
8 of the Conference (2016). Resolution 12/2 (technical assistance) endorses
the recommendations of meetings 14 and 15, printed in its two annexes. This
module places that material in the compendium's own tree, the way the
compendium shows meeting 6 and resolution 4/6:

    B12                 Part B, session 12
    B12-r2              resolution 12/2: opening words, ف.د 1-6, operative 1-2,
                        annex I (11 items), annex II (24 items)
    A14, A15            meetings 14 and 15: one note each pointing to the
                        annex of resolution 12/2 that holds their recommendations

Every paragraph keeps document "cop12-report": it is the COP 12 report's
text, not the 2021 edition's, and the nodes say so in their title.

Meetings 12 and 13 and sessions 9-11 are in no source: they become nodes of
kind "gap" that state only what the sources say about them (dates and symbol
of meeting 12 from the COP 10 note, paragraph 18; the session 9-11
resolutions the sources mention), never invented text.
"""

from __future__ import annotations

import copy
import re

from desktop.content.ids import ORDINAL_WORDS
from desktop.content.model import Footnote, Node, Paragraph, Parsed, Problem

SOURCE_PREFIX = "cop12:r2"
UNIT = "B12-r2"
SESSION_NODE = "B12"

SUPPLEMENT_NOTE = ("ملحق مستمد من تقرير مؤتمر الأطراف عن أعمال دورته الثانية عشرة (2024)، "
                   "وليس جزءاً من طبعة الخلاصة الوافية لعام 2021")

_HELD = re.compile(r"في اجتماعه (\S+ عشر) المعقود (يومي .+? \d{4})")
_SYMBOL = re.compile(r"(CTOC/COP/WG\.2/\d{4}/\d+)")
#: COP 10 note, paragraph 18: "... اجتماعه الثاني عشر يومي 9 و10 تموز/يوليه 2020 ... (CTOC/COP/WG.2/2020/3)"
_COP10_MEETING_12 = re.compile(r"اجتماعه الثاني عشر (يومي .+? \d{4}).*\((CTOC/COP/WG\.2/\d{4}/\d+)\)")
_ORDINAL_WORD = {"الرابع عشر": 14, "الخامس عشر": 15}
_MEETING_WORDS = {12: "الثاني عشر", 13: "الثالث عشر", 14: "الرابع عشر", 15: "الخامس عشر"}
_SESSION_WORDS = {9: "التاسعة", 10: "العاشرة", 11: "الحادية عشرة", 12: "الثانية عشرة"}
_ANNEX_WORDS = {1: "المرفق الأول", 2: "المرفق الثاني"}


def _ordinal(number: int) -> str:
    return ORDINAL_WORDS[number]


def _rename(value: str) -> str:
    return UNIT + value[len(SOURCE_PREFIX):] if value.startswith(SOURCE_PREFIX) else value


class Supplement:
    """What `build` returns: the new rows and the pairs to link."""

    def __init__(self) -> None:
        self.parsed = Parsed()
        #: (note paragraph in Part A, operative paragraph of resolution 12/2, annex node)
        self.endorsements: list[tuple[str, str, str]] = []
        #: supplement paragraph id -> the COP 12 report paragraph it reproduces
        self.same_text: dict[str, str] = {}
        #: gap node id -> list of (what is known, source paragraph id)
        self.gap_facts: dict[str, list[tuple[str, str | None]]] = {}


def build(cop12: Parsed, cop10: Parsed) -> Supplement:
    sup = Supplement()
    out = sup.parsed
    resolution = cop12.node(SOURCE_PREFIX)
    dates = cop12.node("cop12").dates

    out.nodes.append(Node(
        id=SESSION_NODE, kind="session", part="B", parent_id="B", number=12,
        heading=f"{_ordinal(12)}- الدورة {_SESSION_WORDS[12]}", dates=dates,
        title=SUPPLEMENT_NOTE, source_line=resolution.source_line))
    out.nodes.append(Node(
        id=UNIT, kind="resolution", part="B", parent_id=SESSION_NODE,
        heading=resolution.heading, title=resolution.title, session=12,
        decision_number=2, source_line=resolution.source_line))
    for node in cop12.nodes:
        if node.id.startswith(SOURCE_PREFIX + "/"):
            clone = copy.copy(node)
            clone.id, clone.part = _rename(node.id), "B"
            clone.parent_id = _rename(node.parent_id) if node.parent_id is not None else None
            out.nodes.append(clone)

    for para in cop12.paragraphs:
        if para.unit_id != SOURCE_PREFIX:
            continue
        copied = copy.copy(para)
        copied.markers = list(para.markers)
        copied.label_path = list(para.label_path)
        copied.id, copied.node_id, copied.unit_id = _rename(para.id), _rename(para.node_id), UNIT
        copied.part = "B"
        copied.citation = "الجزء باء، " + para.citation
        out.paragraphs.append(copied)
        sup.same_text[copied.id] = para.id
    for fn in cop12.footnotes:
        if fn.paragraph_id and fn.paragraph_id.startswith(SOURCE_PREFIX + "/"):
            out.footnotes.append(Footnote(fn.number, fn.text, fn.source_line,
                                          _rename(fn.paragraph_id), fn.marker_offset))

    _meetings(cop12, sup)
    _gaps(cop10, sup)
    return sup


def _meetings(cop12: Parsed, sup: Supplement) -> None:
    """Meetings 14 and 15: a note each, as the compendium does for meeting 6."""
    out = sup.parsed
    footnotes = {fn.paragraph_id: fn for fn in cop12.footnotes}
    for ordinal in (1, 2):
        annex = cop12.node(f"{SOURCE_PREFIX}/annex{ordinal}")
        line = annex.source_line
        assert line is not None, "the COP 12 parser gives every node its line"
        m = _HELD.search(annex.title or "")
        if not m or m.group(1) not in _ORDINAL_WORD:
            out.problems.append(Problem("error", line,
                                        f"cannot read the meeting and dates of {annex.id}"))
            continue
        number, dates = _ORDINAL_WORD[m.group(1)], m.group(2)
        intro = footnotes.get(f"{SOURCE_PREFIX}/annex{ordinal}/t1")
        found = _SYMBOL.search(intro.text) if intro else None
        symbol = found.group(1) if found else None
        node_id = f"A{number:02d}"
        out.nodes.append(Node(
            id=node_id, kind="meeting", part="A", parent_id="A", number=number,
            heading=f"{_ordinal(number)}- الاجتماع {_MEETING_WORDS[number]}", dates=dates,
            symbol=symbol, title=SUPPLEMENT_NOTE, source_line=annex.source_line))
        items = [p for p in cop12.paragraphs
                 if p.id.startswith(f"{annex.id}/l")]
        text = (f"ترد التوصيات التي اعتمدت في الاجتماع {_MEETING_WORDS[number]} لفريق الخبراء "
                f"الحكوميين العامل المعني بالمساعدة التقنية في {_ANNEX_WORDS[ordinal]} "
                f"للقرار 2/12 الصادر عن المؤتمر (انظر الجزء باء).")
        note = Paragraph(
            id=f"{node_id}/n1", node_id=node_id, unit_id=node_id, kind="note", label="",
            label_path=[], text=text, citation=f"الجزء ألف، {_ordinal(number)}", depth=0,
            source_line=line, source_line_end=line, part="A",
            symbol=symbol)
        out.paragraphs.append(note)
        sup.endorsements.append((note.id, f"{UNIT}/{ordinal}", _rename(annex.id)))
        if len(items) != (11 if ordinal == 1 else 24):
            out.problems.append(Problem("error", line, f"{annex.id}: {len(items)} items"))


def _gaps(cop10: Parsed, sup: Supplement) -> None:
    """Meetings 12-13 and sessions 9-11: what the sources say, nothing more."""
    out = sup.parsed
    para18 = cop10.paragraph("cop10:18")
    m = _COP10_MEETING_12.search(para18.text)
    dates, symbol = (m.group(1), m.group(2)) if m else (None, None)
    out.nodes.append(Node(
        id="A12", kind="gap", part="A", parent_id="A", number=12,
        heading=f"{_ordinal(12)}- الاجتماع {_MEETING_WORDS[12]}", dates=dates, symbol=symbol,
        title="لا يرد نص توصيات هذا الاجتماع في أي من المصادر المتاحة",
        source_line=para18.source_line, document="cop10-note"))
    sup.gap_facts["A12"] = [(
        f"كان من المقرر أن يعقد الفريق اجتماعه الثاني عشر {dates} (CTOC/COP/WG.2/2020/3)، "
        "بحسب مذكرة الأمانة إلى الدورة العاشرة، الفقرة 18", para18.id)] if m else []
    out.nodes.append(Node(
        id="A13", kind="gap", part="A", parent_id="A", number=13,
        heading=f"{_ordinal(13)}- الاجتماع {_MEETING_WORDS[13]}",
        title="لا يرد هذا الاجتماع في أي من المصادر المتاحة"))
    sup.gap_facts["A13"] = []
    # The COP 10 note's front matter: "الدورة العاشرة / فيينا، 12-16 تشرين الأول/أكتوبر 2020"
    session10 = re.search(r"\d+-\d+ .+? \d{4}", cop10.node("cop10").title or "")
    for session in (9, 10, 11):
        out.nodes.append(Node(
            id=f"B{session}", kind="gap", part="B", parent_id="B", number=session,
            heading=f"{_ordinal(session)}- الدورة {_SESSION_WORDS[session]}",
            dates=session10.group(0) if session == 10 and session10 else None,
            title="لا ترد قرارات هذه الدورة في أي من المصادر المتاحة"))
        sup.gap_facts[f"B{session}"] = []
