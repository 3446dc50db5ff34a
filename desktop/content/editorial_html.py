"""What the app itself says about its text, for the reader (Qt-free).

Three things a delegate must be able to see without reading the build:

* a *gap* (a meeting or session no available source holds) is shown as a
  page of what is known about it, each fact with its source, and a plain
  statement that the text is not in any source -- never invented text;
* a *supplement* unit (session 12, meetings 14 and 15, drawn from the COP 12
  report) says under its heading that it is not part of the 2021 edition;
* a word *corrected* by the build (``corrections`` for the compendium,
  ``text_corrections`` with offsets for the COP 12 report) is marked where it
  stands, with the source's word and the reason as its tooltip.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TypeGuard

from desktop.content.html_escape import escape
from desktop.content.records import Node, Paragraph
from desktop.content.store import ContentStore

GAP_STATEMENT = ("لا يرد نص هذا {what} في أي من المصادر المتاحة لهذا التطبيق؛ "
                 "ولا يعرض التطبيق نصاً من عنده. ما يلي هو كل ما هو معروف عنه، مع مصدر كل معلومة.")
GAP_NOTHING_KNOWN = "لا تذكر المصادر المتاحة شيئاً آخر عنه."
SUPPLEMENT_NOTICE = ("مأخوذ من تقرير الدورة الثانية عشرة لمؤتمر الأطراف، "
                     "وليس من طبعة 2021 من الخلاصة")
SUPPLEMENT_DOCUMENT = "cop12-report"
CORRECTED_STYLE = "text-decoration: underline; text-decoration-style: dotted; color:#1d5e2a"

#: The reviewed reasons are written in English; their category in Arabic.
REASON_WORDS = {
    "Latin I read as the digit 1": "حرف I اللاتيني قُرئ رقماً 1",
    "garbled word in the source": "كلمة مشوّهة في المصدر",
    "hamza dropped in the source": "همزة ساقطة في المصدر",
    "misspelling": "خطأ إملائي في المصدر",
    "misspelling in the source": "خطأ إملائي في المصدر",
    "misspelt name": "اسم مكتوب خطأً في المصدر",
    "stray shadda": "شدّة زائدة في المصدر",
    "typo in the source": "خطأ مطبعي في المصدر",
    "wrong number in the source": "رقم خاطئ في المصدر",
    "wrong particle in a preamble paragraph": "أداة خاطئة في فقرة من الديباجة",
    "wrong particle opening a preamble paragraph": "أداة خاطئة في مستهل فقرة من الديباجة",
    "wrong word": "كلمة خاطئة في المصدر",
    "wrong word in the source": "كلمة خاطئة في المصدر",
    "wrong word in an observer list": "كلمة خاطئة في قائمة المراقبين",
}


# ---- gaps -------------------------------------------------------------------

def is_gap(node: Node | None) -> TypeGuard[Node]:
    return node is not None and node.kind == "gap"


def gap_facts(store: ContentStore, node_id: str) -> list[dict]:
    """The known facts of a gap: [{"text", "paragraph_id"}], as the build stored them."""
    known = store.gap_known(node_id)
    if not known:
        return []
    try:
        facts = json.loads(known)
    except ValueError:
        return []
    return [f for f in facts if isinstance(f, dict) and f.get("text")]


def render_gap(store: ContentStore, node_id: str) -> str:
    """The reader's page for a gap node (the whole HTML document)."""
    from desktop.content.citations import join_symbols
    from desktop.content.html_blocks import heading_block, meta_block, page, para_href
    node = store.node(node_id)
    if not is_gap(node):
        raise KeyError(node_id)
    blocks = [meta_block(outer.heading) for outer in store.ancestors(node_id)[:-1]
              if outer.heading]
    blocks.append(heading_block(2, node.heading or node.id, "margin-bottom:2px"))
    if node.dates:
        blocks.append(meta_block(node.dates))
    if node.symbol:
        blocks.append(meta_block(node.symbol))
    what = "الاجتماع" if node.part == "A" else "الدورة وقراراتها"
    blocks.append(
        f'<p dir="rtl" align="right" style="color:#a40000; background-color:#fbeeee;'
        f' margin-top:8px; margin-bottom:8px"><b>{escape(GAP_STATEMENT.format(what=what))}</b></p>')
    facts = gap_facts(store, node_id)
    if not facts:
        blocks.append(f'<p dir="rtl" align="right">{escape(GAP_NOTHING_KNOWN)}</p>')
    else:
        blocks.append('<h3 dir="rtl" align="right">ما هو معروف</h3>')
        sources = {p.id: p for p in store.paragraphs(
            {f["paragraph_id"] for f in facts if f.get("paragraph_id")})}
        for fact in facts:
            text = escape(join_symbols(fact["text"]))
            source = sources.get(fact.get("paragraph_id") or "")
            cite = ""
            if source is not None:
                document = store.document(source.document)
                tip = escape(document.title if document and document.title else "", quote=True)
                cite = (f' &#x2190; المصدر: <a href="{escape(para_href(source.id))}"'
                        f' title="{tip}">'
                        f"{escape(join_symbols(source.citation or source.id))}</a>")
            blocks.append(f'<p dir="rtl" align="right" style="margin-right:16px; margin-top:4px">'
                          f"&#x2022; {text}{cite}</p>")
    return page("\n".join(blocks))


# ---- supplement -----------------------------------------------------------

def is_supplement(store: ContentStore, unit: Node) -> bool:
    """A unit of Part A or B whose text comes from the COP 12 report."""
    return (unit.document == SUPPLEMENT_DOCUMENT and unit.part in ("A", "B")
            and unit.kind != "gap")


def is_supplement_note(text: str) -> bool:
    """The build's title for supplement nodes ("ملحق مستمد من تقرير ...")."""
    return text.startswith("ملحق مستمد من تقرير")


def supplement_block() -> str:
    return (f'<p dir="rtl" align="right" style="color:#8a4b00; background-color:#fff4e0;'
            f' margin-top:2px; margin-bottom:6px"><b>{escape(SUPPLEMENT_NOTICE)}</b></p>')


# ---- corrected words --------------------------------------------------------

@dataclass(frozen=True)
class CorrectionMark:
    start: int          # in the corrected paragraph text
    end: int
    original: str       # the word(s) as the source prints them
    corrected: str
    reason: str

    def tooltip(self) -> str:
        return (f"صُحّح في هذا التطبيق: كان في المصدر «{self.original}» — "
                f"السبب: {reason_in_arabic(self.reason)}")


def reason_in_arabic(reason: str | None) -> str:
    reason = (reason or "").strip()
    head = reason.split(":", 1)[0].strip()
    return REASON_WORDS.get(head, reason or "تصويب مراجَع")


def _narrow(original: str, corrected: str) -> tuple[int, int, str]:
    """Drop the words both phrases share at either end: (start, end, original
    words) of what changed, offsets within ``corrected``."""
    o_words, c_words = original.split(" "), corrected.split(" ")
    head = 0
    while head < min(len(o_words), len(c_words)) - 1 and o_words[head] == c_words[head]:
        head += 1
    tail = 0
    while (tail < min(len(o_words), len(c_words)) - head - 1
           and o_words[-1 - tail] == c_words[-1 - tail]):
        tail += 1
    start = len(" ".join(c_words[:head])) + (1 if head else 0)
    end = start + len(" ".join(c_words[head:len(c_words) - tail]))
    old = " ".join(o_words[head:len(o_words) - tail])
    # punctuation both share at the edges ("بء)" / "باء)") is not the change
    while end - start > 1 and old[1:] and not old[-1].isalnum() and old[-1] == corrected[end - 1]:
        old, end = old[:-1], end - 1
    while end - start > 1 and old[1:] and not old[0].isalnum() and old[0] == corrected[start]:
        old, start = old[1:], start + 1
    return start, end, old


def correction_marks(store: ContentStore, paragraphs: list[Paragraph]
                     ) -> dict[str, list[CorrectionMark]]:
    """paragraph id -> the corrected words standing in its text."""
    by_id = {p.id: p for p in paragraphs}
    out: dict[str, list[CorrectionMark]] = {}
    if not by_id:
        return out
    ids = list(by_id)
    with_offsets: set[str] = set()
    for row in store.correction_rows("text_corrections", ids):
        text = by_id[row["paragraph_id"]].text or ""
        start, corrected = row["offset"], row["corrected"] or ""
        with_offsets.add(row["paragraph_id"])
        if start is None or text[start:start + len(corrected)] != corrected:
            continue
        out.setdefault(row["paragraph_id"], []).append(CorrectionMark(
            start, start + len(corrected), row["original"] or "", corrected, row["reason"] or ""))
    in_notes = _footnote_lines(store, ids)
    for row in store.correction_rows("corrections", ids):
        pid = row["paragraph_id"]
        if pid in with_offsets or not row["applied"] or not row["corrected"]:
            continue
        if (pid, row["source_line"]) in in_notes:
            continue                    # a fix in the paragraph's footnote: footnote_marks
        text = by_id[pid].text or ""
        where = text.find(row["corrected"])
        if where < 0:
            continue
        s, e, original = _narrow(row["original"] or "", row["corrected"])
        out.setdefault(pid, []).append(CorrectionMark(
            where + s, where + e, original, row["corrected"][s:e], row["reason"] or ""))
    for marks in out.values():
        marks.sort(key=lambda m: m.start)
    return out


def _footnote_lines(store: ContentStore, ids: list[str]) -> set[tuple[str, int]]:
    """(paragraph id, source line) of the footnotes of these paragraphs."""
    return {(r["paragraph_id"], r["source_line"])
            for r in store.footnote_rows(ids)}


def footnote_marks(store: ContentStore, paragraph_ids: list[str]) -> dict[int, list[CorrectionMark]]:
    """footnote number -> the corrected words standing in its text.

    The build links a fix on a footnote's source line to the footnote's
    paragraph (table ``corrections``); the line tells the footnote apart.
    """
    out: dict[int, list[CorrectionMark]] = {}
    ids = list(paragraph_ids)
    if not ids:
        return out
    notes = {(r["paragraph_id"], r["source_line"]): r for r in store.footnote_rows(ids)}
    for row in store.correction_rows("corrections", ids):
        note = notes.get((row["paragraph_id"], row["source_line"]))
        if note is None or not row["applied"] or not row["corrected"]:
            continue
        text = note["text"] or ""
        s, e, original = _narrow(row["original"] or "", row["corrected"])
        where = text.find(row["corrected"])
        while where >= 0:
            out.setdefault(note["number"], []).append(CorrectionMark(
                where + s, where + e, original, row["corrected"][s:e], row["reason"] or ""))
            where = text.find(row["corrected"], where + len(row["corrected"]))
    for marks in out.values():
        marks.sort(key=lambda m: m.start)
    return out


def correction_notice(marks: list[CorrectionMark]) -> str:
    """The per-paragraph notice for corrected words (as quality_html gives COP 12)."""
    from desktop.content.citations import NOTICE_COLOUR, corrections_note
    note = corrections_note([(m.original, m.corrected) for m in marks])
    return (f'<span style="color:{NOTICE_COLOUR["repaired"]}; font-size:small">'
            f"[{escape(note)}]</span><br/>")


def mark_open(mark: CorrectionMark) -> str:
    return f'<span style="{CORRECTED_STYLE}" title="{escape(mark.tooltip(), quote=True)}">'
