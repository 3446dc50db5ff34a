"""THE citation of a paragraph, and the text rules every surface shares (Qt-free).

A delegate pastes what the app gives into a briefing: the reader's status bar
and hover, the links panel, search results, the selection, the clipboard,
print, PDF, Word, HTML, the export command line and the dump must all cite a
paragraph the same way. ``cite`` is the one function that makes that citation;
everything else here is a rule it and the writers share (word joiners, labels,
the official report reference, direction marks, Arabic number agreement).

Two forms:

* ``short``: what names the paragraph -- for the compendium its part, unit and
  label («الجزء ألف، سابعاً-13»); for every other document its name and year,
  its symbol where the source prints one, then the place in it
  («تقرير مؤتمر الأطراف عن أعمال دورته الثانية عشرة (2024)، الفقرة 81»);
* ``full``: the short form, then the official document and report paragraph
  where known («…، الوثيقة CTOC/COP/WG.2/2013/5، الفقرة 34») and, for a
  machine reconstruction, a notice saying so.

The database's ``paragraphs.citation`` column holds what the parsers wrote: the
place *within* the paragraph's document (``local``); only this module turns it
into a citation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

#: U+2060 WORD JOINER: Qt breaks a document symbol after "/" (CTOC/COP/ ⏎
#: WG.2/2013/5), and <nobr> or white-space:nowrap do not stop it; a joiner
#: after each "/" does. Removed again from anything copied out.
WORD_JOINER = "\u2060"
#: RIGHT-TO-LEFT MARK: a QLabel or a plain-text line that starts with a Latin
#: symbol is otherwise laid out left-to-right (Qt takes the first strong
#: character); Unicode isolates do not stop that, an RLM prefix does.
RLM = "\u200f"
LRM = "\u200e"

COMPENDIUM = "compendium"

#: How a citation names each document other than the compendium: its short
#: title and year (the full titles in ``documents`` run to two lines).
DOCUMENT_NAMES = {
    "cop12-report": "تقرير مؤتمر الأطراف عن أعمال دورته الثانية عشرة (2024)",
    "cop10-note": "مذكرة الأمانة عن اجتماعات الأجهزة الفرعية لمؤتمر الأطراف (2020)",
    "cop6-agenda": "جدول الأعمال المؤقت وشروحه للدورة السادسة لمؤتمر الأطراف (2012)",
    "som-wg-2020": "تقرير اجتماع الفريق العامل المعني بتهريب المهاجرين (2020)",
}

#: The words the reader, print and every export use for a paragraph whose
#: text is not the source's own (paragraph_quality.quality).
QUALITY_LABELS = {
    "reconstructed": "إعادة بناء آلية",
    "damaged": "نص المصدر تالف",
    "repaired": "نص مُصلَح آلياً",
}
#: What the full citation of a machine reconstruction adds.
RECONSTRUCTION_NOTICE = "نص أعاد الحاسوب بناءه من مصدر مشوّه، وليس النص الرسمي"
UNCERTAIN_NOTE = "كلمة غير مؤكدة في إعادة البناء"
CORRECTED_NOTE = "كلمة صُحّحت في هذا التطبيق، وكلمة المصدر مذكورة قبل النص"
#: What a printed or exported page says about each mark, in the reader's words.
LEGEND = {
    "reconstructed": f"{QUALITY_LABELS['reconstructed']}: {RECONSTRUCTION_NOTICE}",
    "damaged": f"{QUALITY_LABELS['damaged']}: نُقل النص كما استُخرج من مصدر تالف",
    "repaired": f"{QUALITY_LABELS['repaired']}: أصلح التطبيق نص المصدر، وما أُصلح مذكور قبل النص",
    "uncertain": UNCERTAIN_NOTE,
    "corrected": CORRECTED_NOTE,
}
LEGEND_TITLE = "علامات الجودة في هذا النص"
#: How marked words look on paper and in HTML/Word (the reader's colours).
MARK_STYLE = {
    "uncertain": "color:#a40000; text-decoration:underline",
    "corrected": "color:#1d5e2a; text-decoration:underline",
}
NOTICE_COLOUR = {"reconstructed": "#8a4b00", "damaged": "#a40000", "repaired": "#305f30"}
#: In plain text (the clipboard) a marked word is followed by its sign.
PLAIN_SIGN = {"uncertain": "(؟)", "corrected": "(*)"}

#: a supplement unit's place under Parts A/B is the app's, not the source's:
#: its resolution is cited as the report numbers it
_PART_PREFIX = re.compile(r"^الجزء (?:ألف|باء)،\s*(?=القرار|المقرر)")
#: Latin document symbols such as CTOC/COP/WG.2/2013/5 or A/RES/55/25.
SYMBOL_RE = re.compile(r"\b[A-Z][A-Za-z0-9.]*(?:/[A-Za-z0-9.\-]+)+")


# ---- text rules -------------------------------------------------------------

def join_symbols(text: str) -> str:
    """Insert a WORD JOINER after each "/" of a Latin document symbol
    (CTOC/COP/WG.2/2013/5). Arabic decision numbers (4/6) are left alone:
    the reader's find and search-term highlighting match them as typed."""
    return SYMBOL_RE.sub(lambda m: m.group(0).replace("/", "/" + WORD_JOINER), text)


def strip_joiners(text: str) -> str:
    """Undo join_symbols (for anything copied out)."""
    return text.replace(WORD_JOINER, "")


def rtl_line(text: str) -> str:
    """A line that must read right-to-left even if it starts with a symbol."""
    return text if text.startswith(RLM) else RLM + text


def display_label(para: Any, *, alone: bool = False) -> str:
    """The label as printed before the paragraph's text.

    In its unit (the reader) a paragraph shows its own level only ("13-",
    "(أ)", "'2'"); printed ``alone`` (a selection, an export) it shows the
    whole path ("(ط) '2'") so it can be told from its siblings. Chapeaux,
    notes and plain text carry no label.
    """
    kind = getattr(para, "kind", "") or ""
    label = getattr(para, "label", "") or ""
    path = tuple(getattr(para, "label_path", ()) or ())
    if kind in ("chapeau", "text", "note") or not label:
        return ""
    if alone or not path:
        last = label
    else:
        last = path[-1]
    if last.isdigit() and (kind == "numbered" or alone):
        return f"{last}-"
    return last


def official_reference(para: Any) -> str:
    """"الفقرة 34" of the official report (marked "(غير مؤكد)" when the
    compendium's numbering had to be inferred); "" when unknown."""
    number = getattr(para, "report_paragraph", None)
    if number in (None, ""):
        return ""
    ref = f"الفقرة {number}"
    return ref if getattr(para, "report_paragraph_certain", False) else f"{ref} (غير مؤكد)"


def count_phrase(n: int, one: str, two: str, few: str, many: str, zero: str = "") -> str:
    """Arabic number agreement: 1 فقرة، فقرتان، 3 فقرات، 11 فقرة."""
    if n == 0 and zero:
        return zero
    if n == 1:
        return one
    if n == 2:
        return two
    if 3 <= n % 100 <= 10:
        return f"{n} {few}"
    return f"{n} {many}"


def paragraphs_phrase(n: int) -> str:
    return count_phrase(n, "فقرة واحدة", "فقرتان", "فقرات", "فقرة", zero="لا فقرات")


def corrections_note(pairs: Iterable[tuple[str, str]]) -> str:
    """The notice for words the app corrected: («original» ← «corrected», …)."""
    listed = "، ".join(f"«{old}» ← «{new}»" for old, new in pairs)
    return f"صُحّحت في هذا التطبيق كلمات خاطئة في المصدر: {listed}"


#: «المرجع نفسه» (ibid.): a footnote that repeats the reference before it.
IBID = "المرجع نفسه"


def footnote_sign(number: int) -> str:
    """The sign a footnote is printed with: its number; "*" for the
    unnumbered note a UN document puts on its agenda line (stored as 0)."""
    return "*" if number == 0 else str(number)


def is_ibid(text: str) -> bool:
    return (text or "").lstrip().startswith(IBID)


def ibid_note(number: int, citation: str, text: str) -> str:
    """What an «المرجع نفسه» footnote repeats, shown after it:
    «أي: الحاشية 4 (الجزء باء، المقرر 4/1): قرار الجمعية العامة 25/55، المرفق الأول.»"""
    return f"أي: الحاشية {footnote_sign(number)} ({citation}): {text}"


# ---- documents --------------------------------------------------------------

def document_name(document: Any) -> str:
    """How a citation names a document: "" for the compendium, else its short
    title and year."""
    if document is None:
        return ""
    ident = getattr(document, "id", None) or ""
    if ident == COMPENDIUM:
        return ""
    if ident in DOCUMENT_NAMES:
        return DOCUMENT_NAMES[ident]
    title = (getattr(document, "title", None) or ident).strip()
    year = (getattr(document, "date", None) or "")[:4]
    return f"{title} ({year})" if year.isdigit() and year not in title else title


# ---- the citation -----------------------------------------------------------

@dataclass(frozen=True)
class Citation:
    """A paragraph's citation. ``parts()`` gives it as (kind, text) pieces so
    a writer can keep the Latin symbol in its own left-to-right run."""

    paragraph_id: str
    #: the document's name, "" for the compendium
    document: str
    #: the document's symbol when the source prints one (related documents)
    document_symbol: str
    #: the place within the document («الجزء ألف، سابعاً-13», «الفقرة 81»)
    local: str
    #: the official document a compendium paragraph comes from
    symbol: str
    #: «الفقرة 34» of that document, "" when unknown
    official: str
    #: "reconstructed", "damaged", "repaired", or "" for source text
    quality: str = ""

    def short_parts(self) -> list[tuple[str, str]]:
        parts: list[tuple[str, str]] = []
        if self.document:
            parts.append(("document", self.document))
        if self.document_symbol:
            if parts:
                parts.append(("sep", "، "))
            parts.append(("symbol", self.document_symbol))
        if self.local:
            if parts:
                parts.append(("sep", "، "))
            parts.append(("citation", self.local))
        return parts or [("citation", self.paragraph_id)]

    def official_parts(self) -> list[tuple[str, str]]:
        parts: list[tuple[str, str]] = []
        if self.symbol and self.symbol not in self.short:
            parts += [("sep", "الوثيقة "), ("symbol", self.symbol)]
        if self.official:
            if parts:
                parts.append(("sep", "، "))
            parts.append(("official", self.official))
        return parts

    def parts(self) -> list[tuple[str, str]]:
        """The full citation as pieces: document, sep, symbol, citation, official, notice."""
        parts = self.short_parts()
        official = self.official_parts()
        if official:
            parts += [("sep", "، "), *official]
        if self.quality == "reconstructed":
            parts += [("sep", " — "), ("notice", RECONSTRUCTION_NOTICE)]
        return parts

    @property
    def short(self) -> str:
        return "".join(text for _, text in self.short_parts())

    @property
    def official_line(self) -> str:
        """Where the paragraph stands in the official document
        («الوثيقة CTOC/COP/WG.2/2013/5، الفقرة 34»), for the status bar."""
        return "".join(text for _, text in self.official_parts())

    @property
    def status_line(self) -> str:
        """What the status bar shows beside the short form: the official
        document and paragraph, else what the text is when it is not the
        source's own («إعادة بناء آلية»)."""
        return self.official_line or QUALITY_LABELS.get(self.quality, "")

    @property
    def full(self) -> str:
        return "".join(text for _, text in self.parts())


def local_citation(para: Any, document: Any) -> str:
    """The paragraph's place within its document, from what the parser
    stored, without what the citation says elsewhere (the document's symbol;
    the compendium part a supplement paragraph is shown under)."""
    local = (getattr(para, "local_citation", None) or getattr(para, "citation", None)
             or "").strip()
    if getattr(para, "document", COMPENDIUM) == COMPENDIUM:
        return local
    symbol = getattr(document, "symbol", None) or ""
    if symbol and local.startswith(symbol):
        local = local[len(symbol):].lstrip("، ").strip()
    return _PART_PREFIX.sub("", local)


def cite(para: Any, document: Any = None, quality: str = "") -> Citation:
    """THE citation of a paragraph.

    ``para``: anything with the paragraph fields (a store Paragraph, a dump
    row as a namespace); ``document``: its documents row (title, symbol,
    date), needed for anything outside the compendium; ``quality``: the
    paragraph's paragraph_quality.quality where it has one.
    """
    in_compendium = (getattr(para, "document", COMPENDIUM) or COMPENDIUM) == COMPENDIUM
    doc_symbol = "" if in_compendium else (getattr(document, "symbol", None) or "")
    symbol = (getattr(para, "symbol", None) or "") if in_compendium else ""
    official = official_reference(para) if in_compendium else ""
    return Citation(
        paragraph_id=getattr(para, "id", ""),
        document="" if in_compendium else document_name(document),
        document_symbol=doc_symbol,
        local=local_citation(para, document),
        symbol=symbol, official=official,
        quality=quality if quality and quality != "clean" else "")
