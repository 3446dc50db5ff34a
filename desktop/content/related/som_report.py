"""Parse the migrant-smuggling Working Group report (CTOC/COP/WG.7/2020/4, seed 004).

Its headings are clean; 93 % of its other lines are garbled by a wrong
glyph mapping (see som_decoder). The structure is recovered from what the
garbling leaves intact: chapter headings "... - أول/ثانيا/...", section
headings "... -ألف/باء/...", paragraph markers "-N" taken strictly in
sequence 1, 2, 3 ... (so the agenda items "-1".."-5" quoted inside
paragraph 26 are not mistaken for paragraphs), and recommendation headings
"التوصةا N" (garbled "التوصية"). Bodies are machine reconstructions.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field

from desktop.content import corrections
from desktop.content.build import BuildError, Finding
from desktop.content.related.lexicon import WORD, Lexicon
from desktop.content.related.som_decoder import SEED_ALIGNMENTS, Decoder, learned_mapping

DOCUMENT = "som-wg-2020"
SYMBOL = "CTOC/COP/WG.7/2020/4"
SOURCE = "som-wg-2020.txt"
#: reviewed fixes to the headings (the body is reconstructed, never hand-edited)
CORRECTIONS = "som-wg-2020.toml"
STAGE = "related-damaged"

CHAPTERS = {"أول": 1, "أولا": 1, "ثانيا": 2, "ثالثا": 3, "رابعا": 4, "خامسا": 5}
SECTIONS = ["ألف", "باء", "جيم", "دال", "هاء", "واو", "زاي", "حاء", "طاء", "ياء"]
_CHAPTER = re.compile(r"-\s*(" + "|".join(CHAPTERS) + r")\s*$")
_SECTION = re.compile(r"-(" + "|".join(SECTIONS) + r")\s*$")
_RECOMMENDATION = re.compile(r"^\s*(\d+)التوصةا\s*$")
_FURNITURE = re.compile(r"^\s*(CTOC/COP/WG\.7/2020/4|\d+/10 V\.20-05359|V\.20-05359 \d+/10)\s*$")
#: a clean (not garbled) line: nearly all its words are known words
CLEAN_RATIO = 0.8
#: a body paragraph whose reconstruction is certain for less than this share
#: of its words is shown as unreadable source text
READABLE_RATIO = 0.5


@dataclass
class Node:
    id: str
    parent: str | None
    kind: str
    heading: str
    title: str = ""
    number: int | None = None
    line: int = 0


@dataclass
class Paragraph:
    id: str
    node: str
    kind: str            # "numbered" (report paragraph) or "item" (recommendation)
    label: str
    number: int
    lines: list[tuple[int, str]] = field(default_factory=list)
    text: str = ""
    uncertain: list[tuple[int, int]] = field(default_factory=list)
    certain_share: float = 0.0
    quality: str = ""


@dataclass
class Report:
    nodes: list[Node]
    paragraphs: list[Paragraph]


def _clean_heading(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def is_clean_line(line: str, lexicon: Lexicon) -> bool:
    words = WORD.findall(line)
    if not words:
        return False
    return sum(lexicon.known(w) for w in words) >= CLEAN_RATIO * len(words)


def parse(text: str, lexicon: Lexicon) -> Report:
    """Structure only (paragraph lines as printed); see reconstruct()."""
    lines = text.split("\n")
    nodes = [Node("som:doc", None, "section",
                  "تقرير عن اجتماع الفريق العامل المعني بتهريب المهاجرين المعقود في فيينا", line=1)]
    paras: list[Paragraph] = []
    chapter = section = None
    current: Paragraph | None = None
    expected = 1
    pending_heading: Node | None = None
    for i, raw in enumerate(lines):
        n = i + 1
        s = raw.replace("\u0640", "")
        if not s.strip() or _FURNITURE.match(s):
            continue
        m = _CHAPTER.search(s)
        if m and is_clean_line(s, lexicon) or (m and len(s.strip()) < 60):
            number = CHAPTERS[m[1]]
            chapter = Node(f"som:ch{number}", "som:doc", "section", f"الفصل {number}",
                           title=_clean_heading(s[:m.start()]), number=number, line=n)
            nodes.append(chapter)
            section, current, pending_heading = None, None, None
            continue
        m = _SECTION.search(s)
        if m and chapter is not None:
            rank = SECTIONS.index(m[1]) + 1
            section = Node(f"{chapter.id}-s{rank}", chapter.id, "section", m[1],
                           title=_clean_heading(s[:m.start()]), number=rank, line=n)
            nodes.append(section)
            current, pending_heading = None, section
            continue
        m = _RECOMMENDATION.match(s)
        if m:
            number = int(m[1])
            parent = section or chapter
            current = Paragraph(f"som:r{number}", parent.id, "item", f"التوصية {number}", number)
            paras.append(current)
            pending_heading = None
            continue
        m = re.search(r"(?:^|\s)-\s?(\d+)(?=\s|$)", s)
        if m and int(m[1]) == expected:
            parent = section or chapter
            current = Paragraph(f"som:{expected}", parent.id, "numbered", str(expected), expected)
            paras.append(current)
            expected += 1
            pending_heading = None
            current.lines.append((n, s))
            continue
        if pending_heading is not None and is_clean_line(s, lexicon):
            pending_heading.title = f"{pending_heading.title} {_clean_heading(s)}".strip()
            continue
        if current is not None:
            current.lines.append((n, s))
    if chapter is None:
        raise BuildError(f"{SOURCE}: no chapter heading found")
    return Report(nodes, paras)


def report_lexicon(text: str, lexicon: Lexicon) -> Lexicon:
    """The clean sources' words plus this report's own clean lines and the
    words of the hand-read phrases (vocabulary known to occur in it)."""
    counts = Counter(lexicon.counts)
    extra = Lexicon.from_texts([line for line in text.split("\n") if is_clean_line(line, lexicon)]
                               + [clean for _, clean in SEED_ALIGNMENTS])
    counts.update(extra.counts)
    return Lexicon(counts)


def reconstruct(report: Report, lexicon: Lexicon, decoder: Decoder | None = None) -> None:
    """Fill each paragraph's text, uncertain spans and quality."""
    decoder = decoder or Decoder(lexicon, learned_mapping())
    for p in report.paragraphs:
        parts: list[str] = []
        uncertain: list[tuple[int, int]] = []
        certain_words = total_words = 0
        pos = 0
        for _, raw in p.lines:
            line = raw
            if p.kind == "numbered" and raw is p.lines[0][1]:
                line = re.sub(r"(?:^|\s)-\s?" + str(p.number) + r"(?=\s|$)", " ", raw, count=1)
            if is_clean_line(line, lexicon):
                words = [(w, True) for w in line.split()]
            else:
                words = [(t.text, t.certain) for t in decoder.decode(line)]
            for w, ok in words:
                if parts:
                    pos += 1
                parts.append(w)
                if not ok:
                    uncertain.append((pos, pos + len(w)))
                pos += len(w)
                total_words += 1
                certain_words += ok
        p.text = " ".join(parts)
        p.uncertain = uncertain
        p.certain_share = certain_words / total_words if total_words else 0.0
        p.quality = "reconstructed" if p.certain_share >= READABLE_RATIO else "damaged"


def quality_note(p: Paragraph) -> str:
    share = round(100 * p.certain_share)
    if p.quality == "reconstructed":
        return (f"إعادة بناء آلية: نص المصدر مشوّه (ترميز خاطئ للحروف في ملف PDF)، "
                f"وقُرئت {share}٪ من كلماته بثقة؛ الكلمات غير المؤكدة معلّمة، "
                f"والنص المشوّه الأصلي محفوظ")
    return (f"نص المصدر غير مقروء: ترميز خاطئ للحروف في ملف PDF، ولم تُقرأ بثقة "
            f"إلا {share}٪ من كلماته آلياً؛ النص المشوّه الأصلي محفوظ")


def build_rows(db, ctx, lexicon: Lexicon, sort_base: int) -> None:
    text = ctx.read_source(SOURCE)
    fixes = corrections.text_fixes(ctx.corrections / CORRECTIONS)
    text, applied = corrections.apply_text_fixes(SOURCE, text, fixes)
    report = parse(text, lexicon)
    reconstruct(report, report_lexicon(text, lexicon))
    readable = sum(p.quality == "reconstructed" for p in report.paragraphs)
    db["documents"].insert({
        "id": DOCUMENT,
        "title": "تقرير عن اجتماع الفريق العامل المعني بتهريب المهاجرين المعقود في فيينا يومي 8 و9 أيلول/سبتمبر 2020",
        "symbol": SYMBOL, "date": "2020-09-08", "quality": "reconstructed",
        "quality_note": (f"العناوين سليمة؛ أما المتن فمشوّه في المصدر وأُعيد بناؤه آلياً "
                         f"({readable} من {len(report.paragraphs)} فقرة وتوصية مقروءة)"),
        "source_file": SOURCE, "sort": 40,
    })
    heading = {}
    rows = []
    for i, n in enumerate(report.nodes):
        heading[n.id] = n.heading
        rows.append({
            "id": n.id, "document": DOCUMENT, "parent_id": n.parent, "kind": n.kind,
            "part": None, "heading": n.heading, "title": n.title or None,
            "dates": "8-9 أيلول/سبتمبر 2020" if n.parent is None else None,
            "symbol": SYMBOL if n.parent is None else None, "number": n.number,
            "session": None, "decision_number": None, "sort": sort_base + i,
            "source_line": n.line,
        })
    db["nodes"].insert_all(rows)
    para_rows, quality_rows = [], []
    for i, p in enumerate(report.paragraphs):
        chapter = p.node.split("-s")[0]
        citation = (f"{SYMBOL}، الفقرة {p.label}" if p.kind == "numbered"
                    else f"{SYMBOL}، {p.label}")
        para_rows.append({
            "id": p.id, "document": DOCUMENT, "node_id": p.node, "unit_id": chapter,
            "part": None, "kind": p.kind, "label": p.label,
            "label_path": json.dumps([p.label], ensure_ascii=False), "text": p.text,
            "citation": citation, "symbol": SYMBOL,
            "report_paragraph": str(p.number) if p.kind == "numbered" else None,
            "report_paragraph_certain": 1 if p.kind == "numbered" else 0,
            "depth": 0 if p.kind == "numbered" else 1, "sort": sort_base + i,
            "source_line": p.lines[0][0] if p.lines else None,
            "source_line_end": p.lines[-1][0] if p.lines else None,
        })
        quality_rows.append({
            "paragraph_id": p.id, "document": DOCUMENT, "quality": p.quality,
            "note": quality_note(p),
            "original_text": "\n".join(raw.rstrip() for _, raw in p.lines),
            "uncertain": json.dumps(p.uncertain),
        })
    db["paragraphs"].insert_all(para_rows)
    db["paragraph_quality"].insert_all(quality_rows)
    corrections.record(db, applied, ctx.report)     # headings only: no paragraph


def check(db):
    numbers = [int(r["label"]) for r in db.query(
        "SELECT label FROM paragraphs WHERE document = ? AND kind = 'numbered' ORDER BY sort",
        [DOCUMENT])]
    recs = [r["label"] for r in db.query(
        "SELECT label FROM paragraphs WHERE document = ? AND kind = 'item' ORDER BY sort",
        [DOCUMENT])]
    out = [Finding(STAGE, "info", f"{DOCUMENT}: paragraphs 1-{len(numbers)}, "
                                  f"{len(recs)} recommendations")]
    if numbers != list(range(1, len(numbers) + 1)):
        out.append(Finding(STAGE, "error", f"{DOCUMENT}: paragraph numbers out of sequence"))
    if recs != [f"التوصية {k}" for k in range(1, len(recs) + 1)]:
        out.append(Finding(STAGE, "error", f"{DOCUMENT}: recommendations out of sequence"))
    return out
