"""What an exported item is made of, gathered from the content database.

Every writer (PDF, Word, HTML, clipboard, print) works from the same
ExportItem list, so the citation a delegate pastes is the one printed.
Qt-free; reads the database through plain SQL on a sqlite3 or sqlite_utils
connection (both have ``execute``).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

#: U+2060 WORD JOINER: put after "/" so Qt never breaks a document symbol
#: (CTOC/COP/WG.2/2013/5) across lines; removed again from anything copied.
WORD_JOINER = "\u2060"

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
class ExportItem:
    paragraph_id: str
    label: str
    kind: str
    text: str
    #: The compendium citation, e.g. "الجزء ألف، سابعاً-13".
    citation: str
    #: The document symbol of the report, e.g. "CTOC/COP/WG.2/2013/5".
    symbol: str
    #: Paragraph number in the original report, "" when unknown.
    report_paragraph: str
    report_paragraph_certain: bool
    #: The unit's heading (meeting, decision or resolution).
    unit_heading: str
    footnotes: tuple[Footnote, ...] = field(default_factory=tuple)
    #: The document a paragraph comes from when it is not the compendium and
    #: its citation does not name it (COP 10 note, COP 12 report and its
    #: supplement under Parts A/B); "" for the compendium.
    source: str = ""
    #: the user's notes on the paragraph, printed when ExportOptions.include_notes
    notes: tuple[UserNote, ...] = field(default_factory=tuple)

    @property
    def display_label(self) -> str:
        """The label as printed in the compendium ("13-", "(ط) '2'", "ف.د 1")."""
        if self.label.isdigit():
            return f"{self.label}-"
        return self.label

    @property
    def official_reference(self) -> str:
        """"الفقرة 34" (marked "(غير مؤكد)" if uncertain), or "" when unknown."""
        if not self.report_paragraph:
            return ""
        ref = f"الفقرة {self.report_paragraph}"
        return ref if self.report_paragraph_certain else f"{ref} (غير مؤكد)"

    def citation_parts(self) -> list[tuple[str, str]]:
        """The citation line as (kind, text) pieces: "citation", "sep",
        "symbol" (Latin, left-to-right), "official". Writers keep each piece
        its own run/span so the symbol stays left-to-right."""
        parts: list[tuple[str, str]] = [("citation", self.citation)]
        if self.symbol and self.symbol not in self.citation:
            parts += [("sep", "، الوثيقة "), ("symbol", self.symbol)]
        if self.official_reference:
            parts += [("sep", "، "), ("official", self.official_reference)]
        if self.source:
            parts += [("sep", "، "), ("source", self.source)]
        return parts

    def citation_line(self) -> str:
        return "".join(text for _, text in self.citation_parts())

    def text_segments(self) -> list[tuple[str, str]]:
        """The text split at footnote markers: ("text", s) and ("marker", "1")."""
        out: list[tuple[str, str]] = []
        pos = 0
        for fn in sorted(self.footnotes, key=lambda f: f.offset):
            at = max(pos, min(fn.offset, len(self.text)))
            if at > pos:
                out.append(("text", self.text[pos:at]))
            out.append(("marker", str(fn.number)))
            pos = at
        if pos < len(self.text) or not out:
            out.append(("text", self.text[pos:]))
        return out


@dataclass
class ExportOptions:
    title: str = DEFAULT_TITLE
    include_citations: bool = True
    include_footnotes: bool = True
    one_per_page: bool = False
    #: the user's notes under each paragraph (only when asked for)
    include_notes: bool = False
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


def join_symbols(text: str) -> str:
    """Insert a WORD JOINER after each "/" that is followed by a non-space."""
    return re.sub(r"/(?=\S)", "/" + WORD_JOINER, text)


def strip_joiners(text: str) -> str:
    return text.replace(WORD_JOINER, "")


def strip_emphasis(text: str) -> str:
    """Footnotes carry markdown emphasis (``*Treaty Series*``): plain text."""
    return re.sub(r"\*([^*\n]+)\*", r"\1", text)


def _rows(db, sql: str, params=()) -> list[tuple]:
    return list(db.execute(sql, params).fetchall())


#: How a citation names the related documents whose own citations do not.
SOURCE_NAMES = {
    "cop10-note": "مذكرة الأمانة إلى الدورة العاشرة لمؤتمر الأطراف",
    "cop12-report": "تقرير مؤتمر الأطراف عن أعمال دورته الثانية عشرة (2024)",
}
COMPENDIUM_DOCUMENT = "compendium"


def _source_name(db, document: str | None, symbol: str, citation: str) -> str:
    if not document or document == COMPENDIUM_DOCUMENT or (symbol and symbol in citation):
        return ""
    if document in SOURCE_NAMES:
        return SOURCE_NAMES[document]
    rows = _rows(db, "SELECT title FROM documents WHERE id = ?", (document,))
    return (rows[0][0] or "") if rows else ""


def gather_items(db, paragraph_ids: list[str]) -> list[ExportItem]:
    """ExportItems for the ids, in the given order; UnknownParagraph if any id
    is not in the database (all the unknown ones are named)."""
    ids = list(dict.fromkeys(paragraph_ids))
    if not ids:
        return []
    rows: dict[str, tuple] = {}
    notes: dict[str, list[Footnote]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for r in _rows(db, (
                "SELECT p.id, p.label, p.kind, p.text, p.citation, p.symbol, "
                "p.report_paragraph, p.report_paragraph_certain, "
                "n.heading, n.title, p.document FROM paragraphs p "
                f"LEFT JOIN nodes n ON n.id = p.unit_id WHERE p.id IN ({marks})"), chunk):
            rows[r[0]] = r
        for pid, number, text, offset in _rows(db, (
                "SELECT paragraph_id, number, text, marker_offset FROM footnotes "
                f"WHERE paragraph_id IN ({marks}) ORDER BY number"), chunk):
            notes.setdefault(pid, []).append(
                Footnote(int(number), strip_emphasis(text or ""), int(offset or 0)))
    missing = [pid for pid in ids if pid not in rows]
    if missing:
        raise UnknownParagraph(missing)
    items = []
    for pid in ids:
        (_, label, kind, text, citation, symbol, report, certain,
         heading, title, document) = rows[pid]
        unit = heading or ""
        if title:
            unit = f"{unit}: {title}" if unit else title
        items.append(ExportItem(
            paragraph_id=pid, label=label or "", kind=kind or "", text=text or "",
            citation=citation or pid, symbol=symbol or "",
            report_paragraph=str(report) if report not in (None, "") else "",
            report_paragraph_certain=bool(certain), unit_heading=unit,
            footnotes=tuple(notes.get(pid, ())),
            source=_source_name(db, document, symbol or "", citation or pid)))
    return items


def existing_ids(db, paragraph_ids: list[str]) -> set[str]:
    """Which of the ids are paragraphs in the database."""
    found: set[str] = set()
    ids = list(paragraph_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(r[0] for r in _rows(
            db, f"SELECT id FROM paragraphs WHERE id IN ({marks})", chunk))
    return found


def paragraphs_under(db, node_id: str) -> list[str]:
    """Every paragraph inside a node (a meeting, a decision, an annex, a part),
    in reading order: "add the whole unit" to a selection."""
    rows = _rows(db, (
        "WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL "
        "SELECT n.id FROM nodes n JOIN sub ON n.parent_id = sub.id) "
        "SELECT p.id FROM paragraphs p WHERE p.node_id IN (SELECT id FROM sub) "
        "OR p.unit_id = ? ORDER BY p.sort"), (node_id, node_id))
    return list(dict.fromkeys(r[0] for r in rows))
