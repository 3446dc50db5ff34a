"""What an exported item is made of, read through the content store.

Every writer (PDF, Word, HTML, clipboard, print) works from the same
ExportItem list, so the citation a delegate pastes is the one printed: it
is THE citation (desktop.content.citations), and the text carries the same
quality marks the reader shows (machine reconstruction, automatic repair,
damaged source, uncertain and corrected words). Qt-free.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from desktop.content import citations
from desktop.content.citations import Citation
from desktop.content.records import Paragraph
from desktop.content.store import ContentStore

if TYPE_CHECKING:
    from desktop.content.editorial_html import CorrectionMark

ARABIC_MONTHS = [
    "كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل",
    "أيار/مايو", "حزيران/يونيه", "تموز/يوليه", "آب/أغسطس",
    "أيلول/سبتمبر", "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر",
    "كانون الأول/ديسمبر",
]

DEFAULT_TITLE = "المختارات من الخلاصة الوافية للتوصيات والقرارات والمقررات"


class UnknownParagraph(LookupError):
    """Paragraph ids that are not in the content database."""

    def __init__(self, ids: list[str]):
        super().__init__(", ".join(ids))
        self.ids = ids


@dataclass(frozen=True)
class Footnote:
    number: int
    text: str
    #: Character offset in the paragraph text where the marker stood.
    offset: int
    #: the source gives no place in the text (the agenda line's "*"): the
    #: marker is set off from the last word
    detached: bool = False

    @property
    def sign(self) -> str:
        return citations.footnote_sign(self.number)


@dataclass(frozen=True)
class UserNote:
    """One of the user's own notes on the paragraph (desktop.userdata)."""

    text: str
    #: when it was written, "2026-12-01T10:00:00Z"
    created: str

    def heading(self) -> str:
        """"ملاحظتي (1 كانون الأول/ديسمبر 2026)": what a printed note starts with."""
        try:
            day = _dt.datetime.fromisoformat(self.created.replace("Z", "+00:00")).date()
        except ValueError:
            return "ملاحظتي"
        return f"ملاحظتي ({arabic_date(day)})"


@dataclass(frozen=True)
class Mark:
    """Words of the text marked as not the source's own: "uncertain" (a
    machine reconstruction's guess) or "corrected" (``note``: the source's word)."""

    kind: str
    start: int
    end: int
    note: str = ""


@dataclass(frozen=True)
class LeadIn:
    """A paragraph above an item that its words depend on: the chapeau of a
    decision, the sentence of (ط) above (ط) '2'."""

    paragraph_id: str
    label: str
    text: str

    def line(self) -> str:
        """«(ط) يطلب إلى…» -- set apart from the item's own words."""
        label = f"{self.label} " if self.label else ""
        return f"«{label}{self.text}»"


@dataclass(frozen=True)
class ExportItem:
    paragraph_id: str
    #: the label as printed before an item standing alone ("13-", "(ط) '2'")
    display_label: str
    kind: str
    text: str
    #: THE citation of the paragraph (desktop.content.citations.cite)
    cite: Citation
    #: The unit's heading (meeting, decision or resolution).
    unit_heading: str
    footnotes: tuple[Footnote, ...] = field(default_factory=tuple)
    #: the user's notes on the paragraph, printed when ExportOptions.include_notes
    notes: tuple[UserNote, ...] = field(default_factory=tuple)
    #: "reconstructed", "damaged", "repaired" or "" (the source's own text)
    quality: str = ""
    #: what the reader says about that quality, word for word
    quality_note: str = ""
    marks: tuple[Mark, ...] = field(default_factory=tuple)
    #: the lead-in paragraphs, outermost first (empty when the item stands
    #: on its own, or its lead-in is printed just before it anyway)
    lead_in: tuple[LeadIn, ...] = field(default_factory=tuple)

    @property
    def notice_colour(self) -> str:
        """The colour of the notice before the text (citations.NOTICE_COLOUR;
        a repaired text's when the quality has no colour of its own)."""
        return citations.NOTICE_COLOUR.get(self.quality or "repaired",
                                           citations.NOTICE_COLOUR["repaired"])

    @property
    def citation(self) -> str:
        """The short citation («الجزء ألف، سابعاً-13»)."""
        return self.cite.short

    @property
    def official_reference(self) -> str:
        """"الفقرة 34" (marked "(غير مؤكد)" if uncertain), or "" when unknown."""
        return self.cite.official

    def citation_parts(self) -> list[tuple[str, str]]:
        """The full citation as (kind, text) pieces; writers keep the
        "symbol" pieces in their own left-to-right run/span."""
        return self.cite.parts()

    def citation_line(self) -> str:
        return self.cite.full

    def text_segments(self) -> list[tuple[str, str]]:
        """The text in pieces: ("text", s), ("marker", "1") at footnote
        markers, ("uncertain", s) and ("corrected", s) for marked words."""
        cuts: list[tuple[int, int, str, str]] = []
        for fn in self.footnotes:
            at = max(0, min(fn.offset, len(self.text)))
            if fn.detached:
                cuts.append((at, at, "gap", "\u00a0"))
            cuts.append((at, at, "marker", fn.sign))
        taken: list[tuple[int, int]] = []
        for mark in sorted(self.marks, key=lambda m: m.start):
            if not 0 <= mark.start < mark.end <= len(self.text):
                continue
            if any(s < mark.end and mark.start < e for s, e in taken):
                continue
            if any(mark.start < at < mark.end for at, _, k, _ in cuts if k == "marker"):
                continue
            taken.append((mark.start, mark.end))
            cuts.append((mark.start, mark.end, mark.kind, self.text[mark.start:mark.end]))
        cuts.sort(key=lambda c: (c[0], c[1]))
        out: list[tuple[str, str]] = []
        pos = 0
        for start, end, kind, value in cuts:
            if start > pos:
                out.append(("text", self.text[pos:start]))
            out.append((kind, value))
            pos = max(pos, end)
        if pos < len(self.text) or not out:
            out.append(("text", self.text[pos:]))
        return out


def legend(items: list[ExportItem]) -> list[tuple[str, str]]:
    """(kind, words) for every quality mark the items carry, in a fixed
    order: what the first page explains (empty when nothing is marked)."""
    present: set[str] = set()
    for item in items:
        if item.quality:
            present.add(item.quality)
        present.update(mark.kind for mark in item.marks)
    return [(kind, citations.LEGEND[kind]) for kind in citations.LEGEND if kind in present]


@dataclass
class ExportOptions:
    title: str = DEFAULT_TITLE
    include_citations: bool = True
    include_footnotes: bool = True
    one_per_page: bool = False
    #: the user's notes under each paragraph (only when asked for)
    include_notes: bool = False
    #: print a sub-item's lead-in (chapeau, the item above it) before it
    include_lead_in: bool = True
    #: The date printed in the footer; today when None.
    date: _dt.date | None = None

    def date_text(self) -> str:
        return arabic_date(self.date or _dt.date.today())


def with_notes(items: list[ExportItem], notes_by_paragraph: dict) -> list[ExportItem]:
    """The items with the user's notes attached (``notes_by_paragraph``:
    paragraph id -> objects with ``text`` and ``created``, oldest first)."""
    import dataclasses

    return [dataclasses.replace(it, notes=tuple(
        UserNote(n.text, n.created) for n in notes_by_paragraph.get(it.paragraph_id, ())))
        for it in items]


def arabic_date(day: _dt.date) -> str:
    """"23 تشرين الثاني/نوفمبر 2026", the way UN Arabic documents date things."""
    return f"{day.day} {ARABIC_MONTHS[day.month - 1]} {day.year}"


def strip_emphasis(text: str) -> str:
    """Footnotes carry markdown emphasis (``*Treaty Series*``): plain text."""
    return re.sub(r"\*([^*\n]+)\*", r"\1", text)


def _marks(quality_row: dict | None, corrections: Iterable[CorrectionMark]) -> tuple[Mark, ...]:
    marks: list[Mark] = []
    if quality_row and quality_row.get("uncertain"):
        try:
            spans = json.loads(quality_row["uncertain"])
        except ValueError:
            spans = []
        marks += [Mark("uncertain", int(a), int(b)) for a, b in spans]
    marks += [Mark("corrected", m.start, m.end, m.original) for m in corrections]
    return tuple(sorted(marks, key=lambda m: m.start))


def lead_in_paragraphs(store: ContentStore, para: Paragraph,
                       unit_cache: dict[str, list[Paragraph]]) -> list[Paragraph]:
    """The paragraphs a sub-item's words hang on, outermost first: for
    (ط) '2' the item (ط), and for a lettered item the chapeau before it."""
    path = list(para.label_path or ())
    if not path or para.kind in ("chapeau", "preamble", "note", "text"):
        return []
    if para.unit_id not in unit_cache:
        unit_cache[para.unit_id] = store.unit_paragraphs(para.unit_id)
    before = [p for p in unit_cache[para.unit_id] if p.sort < para.sort]
    found: list[Paragraph | None] = []
    for depth in range(len(path) - 1, 0, -1):
        want = tuple(path[:depth])
        found += [next((q for q in reversed(before) if tuple(q.label_path) == want), None)]
    if path[0].startswith("("):        # a lettered item: the chapeau that opens its list
        found.append(next((q for q in reversed(before)
                           if q.kind == "chapeau" and q.node_id == para.node_id), None))
    return [q for q in reversed(found) if q is not None]


def gather_items(store: ContentStore, paragraph_ids: list[str]) -> list[ExportItem]:
    """ExportItems for the ids, in the given order; UnknownParagraph if any id
    is not in the database (all the unknown ones are named)."""
    from desktop.content import editorial_html

    ids = list(dict.fromkeys(paragraph_ids))
    if not ids:
        return []
    paragraphs = {p.id: p for p in store.paragraphs(ids)}
    missing = [pid for pid in ids if pid not in paragraphs]
    if missing:
        raise UnknownParagraph(missing)
    notes: dict[str, list[Footnote]] = {}
    for note in store.footnotes(ids):
        notes.setdefault(note.paragraph_id, []).append(
            Footnote(int(note.number), strip_emphasis(note.shown or ""),
                     len(paragraphs[note.paragraph_id].text or "")
                     if note.marker_offset is None else int(note.marker_offset),
                     detached=note.marker_offset is None))
    quality = store.quality_rows(ids)
    corrected = editorial_html.correction_marks(store, list(paragraphs.values()))
    documents = {d.id: d for d in store.documents()}
    units: dict[str, list[Paragraph]] = {}
    printed: set[str] = set()      # a lead-in already printed above needs no repeat
    items = []
    for pid in ids:
        para = paragraphs[pid]
        unit_node = store.node(para.unit_id)
        unit = (unit_node.heading or "") if unit_node else ""
        if unit_node and unit_node.title:
            unit = f"{unit}: {unit_node.title}" if unit else unit_node.title
        row = quality.get(pid)
        level = row["quality"] if row and row["quality"] != "clean" else ""
        marks = _marks(row, corrected.get(pid, []))
        stored_note = row["note"] if row and level else None
        quality_note = (stored_note or citations.QUALITY_LABELS.get(level, "")) if level else ""
        if not level and corrected.get(pid):
            quality_note = citations.corrections_note(
                [(m.original, m.corrected) for m in corrected[pid]])
        items.append(ExportItem(
            paragraph_id=pid, display_label=citations.display_label(para, alone=True),
            kind=para.kind or "", text=para.text or "",
            cite=citations.cite(para, documents.get(para.document), level),
            unit_heading=unit, footnotes=tuple(notes.get(pid, ())),
            quality=level, quality_note=quality_note, marks=marks,
            lead_in=tuple(LeadIn(q.id, citations.display_label(q), q.text or "")
                          for q in lead_in_paragraphs(store, para, units)
                          if q.id not in printed)))
        printed.add(pid)
    return items


def gather_known(store: ContentStore, ids: list[str]) -> tuple[list[ExportItem], list[str]]:
    """ExportItems for the ids that exist, and the ids that no longer do
    (a selection saved against an older database)."""
    try:
        return gather_items(store, ids), []
    except UnknownParagraph as exc:
        missing = set(exc.ids)
        return gather_items(store, [i for i in ids if i not in missing]), list(exc.ids)
