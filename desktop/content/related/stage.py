"""Build stage for the COP 12 report, the COP 10 note and the supplement.

Writes, for documents "cop12-report" and "cop10-note": the documents rows
(symbol, date, quality mark), their nodes, paragraphs and footnotes; the
supplement drawn from resolution 12/2 under Parts A and B of the compendium
tree (paragraphs still document "cop12-report"); the gap nodes for meetings
12-13 and sessions 9-11; and the links across the five documents
(cross_links). Tables of its own:

text_corrections  id, paragraph_id, original (as the source printed it),
                  corrected, reason, offset (character offset of `corrected`
                  in the paragraph's text), source_line: one row per corrected
                  word, so the reader can mark it and show the original
                  (each corrected paragraph also gets a "repaired" row in
                  paragraph_quality: the reader's notice names the corrected
                  words and shows the source's text on demand)
gaps              node_id (pk), known (JSON list of {"text", "paragraph_id"}):
                  what the sources say about a meeting or session they lack
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterator, Sequence
import json
import re
from collections import Counter
from difflib import SequenceMatcher

from desktop.content import corrections, dump_rows, schema
from desktop.content.build import BuildContext, BuildError, Finding
from desktop.content.model import Parsed
from desktop.content.related import cop10_note, cop12_report, cross_links, supplement

if TYPE_CHECKING:
    import sqlite_utils

STAGE = "related"
COP12_SOURCE = "cop12-report.txt"
COP10_SOURCE = "cop10-note.txt"
COP12_CORRECTIONS = "cop12-report.toml"
DOCUMENTS = (cop12_report.DOCUMENT, cop10_note.DOCUMENT)

#: sort keys: the compendium uses small numbers; these leave it room.
NODE_SORT = {"A": 1000, "B": 1100, "supplement": 1200,
             cop10_note.DOCUMENT: 30000, cop12_report.DOCUMENT: 50000}
PARA_SORT = {"supplement": 100000, cop10_note.DOCUMENT: 300000, cop12_report.DOCUMENT: 500000}

COP12_QUALITY_NOTE = (
    "نص مستخرج من ملف PDF. صُوّبت كلمات خاطئة في المصدر (مثل «تنتظر» بدل «تنظر» "
    "و«الاحتيايل» بدل «الاحتيال» و«الإنترنت» بدل «الإنتربول») وفق ملف تصويبات مراجَع، "
    "ويبقى الأصل ظاهراً عند كل كلمة مصوّبة. رمز الوثيقة غير مطبوع في النص المستخرج "
    "(جدول الأعمال: CTOC/COP/2024/1).")
COP10_QUALITY_NOTE = (
    "نص مستخرج من ملف PDF، سليم. رمز المذكرة غير مطبوع في النص المستخرج "
    "(جدول الأعمال المؤقت: CTOC/COP/2020/1).")


def _parse(parse: Callable[[str], Parsed], source: str, text: str) -> Parsed:
    try:
        return parse(text)
    except (ValueError, KeyError) as exc:
        raise BuildError(f"{source}: cannot parse: {exc}") from None


def build(db: sqlite_utils.Database, ctx: BuildContext) -> None:
    cop10_text = ctx.read_source(COP10_SOURCE)
    cop12_raw = ctx.read_source(COP12_SOURCE)
    fixes = corrections.text_fixes(ctx.corrections / COP12_CORRECTIONS)
    cop12_text, applied = corrections.apply_text_fixes(COP12_SOURCE, cop12_raw, fixes)
    cop10 = _parse(cop10_note.parse, COP10_SOURCE, cop10_text)
    cop12 = _parse(cop12_report.parse, COP12_SOURCE, cop12_text)
    cop12_original = _parse(cop12_report.parse, COP12_SOURCE, cop12_raw)
    sup = supplement.build(cop12, cop10)

    db.table("documents").insert_all([
        {"id": cop12_report.DOCUMENT, "title": cop12_report.TITLE, "symbol": None,
         "date": "2024-11-11", "quality": "repaired", "quality_note": COP12_QUALITY_NOTE,
         "source_file": COP12_SOURCE, "sort": 50},
        {"id": cop10_note.DOCUMENT, "title": cop10_note.TITLE, "symbol": None,
         "date": "2020-07-01", "quality": "clean", "quality_note": COP10_QUALITY_NOTE,
         "source_file": COP10_SOURCE, "sort": 30},
    ])
    _write(db, cop10, cop10_note.DOCUMENT, NODE_SORT[cop10_note.DOCUMENT],
           PARA_SORT[cop10_note.DOCUMENT], symbol=None)
    _write(db, cop12, cop12_report.DOCUMENT, NODE_SORT[cop12_report.DOCUMENT],
           PARA_SORT[cop12_report.DOCUMENT], symbol=None)
    _write_supplement(db, sup)

    # corrections: the fix as reviewed, and each corrected word in its paragraph
    by_line: dict[int, str | None] = {}
    for para in cop12.paragraphs:
        for line in range(para.source_line, para.source_line_end + 1):
            by_line.setdefault(line, para.id)
    for fn in cop12.footnotes:              # marked in the footnote by the reader
        by_line[fn.source_line] = fn.paragraph_id
    corrections.record(db, applied, ctx.report, by_line.get)
    rows = word_corrections(cop12_original, cop12, [fix for fix, _ in applied])
    reverse = {v: k for k, v in sup.same_text.items()}
    rows += [dict(row, paragraph_id=reverse[row["paragraph_id"]]) for row in rows
             if row["paragraph_id"] in reverse]
    schema.create_quality_tables(db)        # if the damaged-documents stage has not
    db.table("text_corrections").insert_all(rows)
    originals = {p.id: p.text for p in cop12_original.paragraphs}
    originals.update({copy: originals[src] for copy, src in sup.same_text.items()})
    _mark_corrected(db, rows, originals)

    links = cross_links.build(db, cop10, cop12, sup)
    _write_gaps(db, sup, links)

    problems = cop10.problems + cop12.problems + sup.parsed.problems
    if problems:
        db.table("parse_problems").insert_all([
            {"document": "related", "severity": p.severity, "source_line": p.line,
             "message": p.message} for p in problems], alter=True)
    ctx.report.append(
        f"related: cop12-report {len(cop12.paragraphs)} paragraphs, "
        f"{len(cop12.footnotes)} footnotes, {len(applied)} corrections "
        f"({len(rows)} corrected words); cop10-note {len(cop10.paragraphs)} paragraphs; "
        f"supplement {len(sup.parsed.paragraphs)} paragraphs")


def _mark_corrected(db: sqlite_utils.Database, rows: list[dict], originals: dict[str, str]) -> None:
    """A quality mark on each corrected paragraph, through the reader's existing
    notice (table paragraph_quality of the damaged-documents stage): the
    corrected words and, on demand, the paragraph as the source printed it."""
    words: dict[str, list[str]] = {}
    for row in rows:
        words.setdefault(row["paragraph_id"], []).append(
            f"«{row['original']}» ← «{row['corrected']}»")
    db.table("paragraph_quality").insert_all([{
        "paragraph_id": pid, "document": cop12_report.DOCUMENT, "quality": "repaired",
        "note": "صُوّبت كلمات خاطئة في المصدر وفق ملف التصويبات المراجَع: " + "، ".join(fixes),
        "original_text": originals.get(pid), "uncertain": "[]",
    } for pid, fixes in words.items()])


def _write(db: sqlite_utils.Database, parsed: Parsed, document: str, node_sort: int, para_sort: int,
           symbol: str | None) -> None:
    db.table("nodes").insert_all([{
        "id": n.id, "document": document, "parent_id": n.parent_id, "kind": n.kind,
        "part": n.part, "heading": n.heading, "title": n.title, "dates": n.dates,
        "symbol": n.symbol or symbol, "number": n.number, "session": n.session,
        "decision_number": n.decision_number, "sort": node_sort + i,
        "source_line": n.source_line} for i, n in enumerate(parsed.nodes)])
    db.table("paragraphs").insert_all([{
        "id": p.id, "document": document, "node_id": p.node_id, "unit_id": p.unit_id,
        "part": p.part, "kind": p.kind, "label": p.label,
        "label_path": json.dumps(p.label_path, ensure_ascii=False), "text": p.text,
        "citation": p.citation, "symbol": p.symbol or symbol, "report_paragraph": None,
        "report_paragraph_certain": 0, "depth": p.depth, "sort": para_sort + i,
        "source_line": p.source_line, "source_line_end": p.source_line_end,
    } for i, p in enumerate(parsed.paragraphs)])
    db.table("footnotes").insert_all([{
        "id": f"fn-{document}-{fn.number}", "document": document, "number": fn.number,
        "paragraph_id": fn.paragraph_id, "marker_offset": fn.marker_offset,
        "text": fn.text, "source_line": fn.source_line} for fn in parsed.footnotes])


def _write_supplement(db: sqlite_utils.Database, sup: supplement.Supplement) -> None:
    """Supplement nodes sit in the compendium's tree; their text is the COP 12 report's."""
    rows = []
    for i, n in enumerate(sup.parsed.nodes):
        if n.parent_id in ("A", "B"):
            assert n.number is not None, f"{n.id}: a meeting or session without its number"
            sort = NODE_SORT[n.parent_id] + n.number
        else:
            sort = NODE_SORT["supplement"] + i
        rows.append({
            "id": n.id, "document": n.document or cop12_report.DOCUMENT, "parent_id": n.parent_id,
            "kind": n.kind, "part": n.part, "heading": n.heading, "title": n.title,
            "dates": n.dates, "symbol": n.symbol, "number": n.number, "session": n.session,
            "decision_number": n.decision_number, "sort": sort, "source_line": n.source_line})
    db.table("nodes").insert_all(rows)
    db.table("paragraphs").insert_all([{
        "id": p.id, "document": cop12_report.DOCUMENT, "node_id": p.node_id,
        "unit_id": p.unit_id, "part": p.part, "kind": p.kind, "label": p.label,
        "label_path": json.dumps(p.label_path, ensure_ascii=False), "text": p.text,
        "citation": p.citation, "symbol": p.symbol, "report_paragraph": None,
        "report_paragraph_certain": 0, "depth": p.depth,
        "sort": PARA_SORT["supplement"] + i, "source_line": p.source_line,
        "source_line_end": p.source_line_end,
    } for i, p in enumerate(sup.parsed.paragraphs)])
    db.table("footnotes").insert_all([{
        "id": f"fn-{cop12_report.DOCUMENT}-{fn.number}-{supplement.UNIT}",
        "document": cop12_report.DOCUMENT, "number": fn.number,
        "paragraph_id": fn.paragraph_id, "marker_offset": fn.marker_offset,
        "text": fn.text, "source_line": fn.source_line} for fn in sup.parsed.footnotes])


DOCUMENT_NAMES = {"cop10": "مذكرة الأمانة إلى الدورة العاشرة", "cop12": "تقرير الدورة الثانية عشرة",
                  "cop6": "جدول أعمال الدورة السادسة", "som": "تقرير الفريق العامل المعني بتهريب المهاجرين"}
_DATED = re.compile(r"^،?\s*المؤرخ\s+(\d+ \S+ \S+ \d{4})")


def _write_gaps(db: sqlite_utils.Database, sup: supplement.Supplement,
                links: cross_links.Result) -> None:
    """What is known about each gap: the supplement's facts plus every mention
    in the sources of a resolution or decision of that session, with its date
    where the text gives one ("قراره 1/9 المؤرخ 19 تشرين الأول/أكتوبر 2018")."""
    facts = {k: list(v) for k, v in sup.gap_facts.items()}
    seen = set()
    texts = {}
    for ref in links.external:
        if ref.body != "cop" or ref.session not in (9, 10, 11):
            continue
        if ref.paragraph_id in sup.same_text:
            continue                        # the supplement's copy of a report paragraph
        node = f"B{ref.session}"
        key = (node, ref.kind, ref.number, ref.paragraph_id)
        if key in seen:
            continue
        seen.add(key)
        if ref.paragraph_id not in texts:
            texts[ref.paragraph_id] = db.execute(
                "SELECT text FROM paragraphs WHERE id = ?", [ref.paragraph_id]).fetchone()[0]
        text = texts[ref.paragraph_id]
        at = text.find(ref.text)
        dated = _DATED.match(text[at + len(ref.text):]) if at >= 0 else None
        name = "القرار" if ref.kind == "resolution" else "المقرر"
        where = DOCUMENT_NAMES.get(ref.paragraph_id.split(":")[0], "")
        fact = f"{name} {ref.number}/{ref.session}"
        if dated:
            fact += f" المؤرخ {dated.group(1)}"
        facts[node].append((f"{fact}، مذكور في: {where}، {ref.citation}", ref.paragraph_id))
    db.table("gaps").insert_all([{
        "node_id": node,
        "known": json.dumps([{"text": text, "paragraph_id": pid} for text, pid in items],
                            ensure_ascii=False)} for node, items in facts.items()])


_TOKEN = re.compile(r"\S+")
_EDGE = "()،؛.:\"'«»"


def word_changes(original: str, corrected: str) -> Iterator[tuple[int, str, str]]:
    """(offset in corrected, original words, corrected words) for each changed run of words."""
    a = [(m.group(), m.start()) for m in _TOKEN.finditer(original)]
    b = [(m.group(), m.start()) for m in _TOKEN.finditer(corrected)]
    matcher = SequenceMatcher(None, [w for w, _ in a], [w for w, _ in b], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        orig = original[a[i1][1]:a[i2 - 1][1] + len(a[i2 - 1][0])] if i2 > i1 else ""
        corr = corrected[b[j1][1]:b[j2 - 1][1] + len(b[j2 - 1][0])] if j2 > j1 else ""
        offset = b[j1][1] if j2 > j1 else (b[j1][1] if j1 < len(b) else len(corrected))
        while orig and corr and orig[0] == corr[0] and orig[0] in _EDGE:
            orig, corr, offset = orig[1:], corr[1:], offset + 1
        while orig and corr and orig[-1] == corr[-1] and orig[-1] in _EDGE:
            orig, corr = orig[:-1], corr[:-1]
        yield offset, orig, corr


def word_corrections(original: Parsed, corrected: Parsed,
                     fixes: Sequence[corrections.TextFix]) -> list[dict]:
    """Rows for text_corrections: compare each paragraph before and after the fixes."""
    before = {p.id: p for p in original.paragraphs}
    rows = []
    for para in corrected.paragraphs:
        old = before.get(para.id)
        if old is None or old.text == para.text:
            continue
        in_range = [f for f in fixes if para.source_line <= f.line <= para.source_line_end]
        for offset, orig, corr in word_changes(old.text, para.text):
            fix = next((f for f in in_range if f.replace in corr or corr in f.replace), None)
            fix = fix or next((f for f in in_range if orig in f.find or f.find in orig), None)
            fix = fix or (in_range[0] if in_range else None)
            rows.append({"paragraph_id": para.id, "original": orig, "corrected": corr,
                         "reason": fix.reason if fix else "", "offset": offset,
                         "source_line": fix.line if fix else para.source_line})
    return rows


def dump(db: sqlite_utils.Database) -> Iterator[dict]:
    fixes: dict[str, list] = {}
    for row in db.query("SELECT * FROM text_corrections ORDER BY paragraph_id, offset"):
        fixes.setdefault(row["paragraph_id"], []).append(
            {"original": row["original"], "corrected": row["corrected"],
             "offset": row["offset"], "reason": row["reason"]})
    yield from dump_rows.paragraph_objects(db, DOCUMENTS, extra=lambda row: {
        "report_paragraph": row["report_paragraph"], "source_line": row["source_line"],
        "corrections": fixes.get(row["id"], [])})
    gaps = {row["node_id"]: json.loads(row["known"]) for row in db.query("SELECT * FROM gaps")}
    yield from dump_rows.node_objects(db, DOCUMENTS, extra=lambda row: (
        {"known": gaps[row["id"]]} if row["id"] in gaps else {}))
    for row in db.query("SELECT * FROM corrections WHERE file = ? ORDER BY source_line",
                        [COP12_SOURCE]):
        yield {"type": "correction", "file": row["file"], "line": row["source_line"],
               "paragraph": row["paragraph_id"], "original": row["original"],
               "corrected": row["corrected"], "reason": row["reason"]}
    yield from cross_links.dump(db)


#: What the sources hold, counted by hand (see tests/unit/content/related).
EXPECTED = {
    "cop10-note numbered paragraphs": 18,
    "cop12-report report paragraphs": 82,
    "cop12-report footnotes": 22,
    "B12-r2/annex1 items": 11,
    "B12-r2/annex2 items": 24,
}


def counts(db: sqlite_utils.Database) -> dict[str, int]:
    one = lambda sql, *args: db.execute(sql, list(args)).fetchone()[0]  # noqa: E731
    return {
        "cop10-note numbered paragraphs": one(
            "SELECT count(*) FROM paragraphs WHERE document='cop10-note' AND kind='numbered'"),
        "cop12-report report paragraphs": one(
            "SELECT count(*) FROM paragraphs WHERE id GLOB 'cop12:[0-9]*' AND kind='numbered'"),
        "cop12-report footnotes": one(
            "SELECT count(*) FROM footnotes WHERE document='cop12-report' AND id NOT LIKE '%-B12-r2'"),
        "B12-r2/annex1 items": one(
            "SELECT count(*) FROM paragraphs WHERE node_id LIKE 'B12-r2/annex1%' AND kind='item'"),
        "B12-r2/annex2 items": one(
            "SELECT count(*) FROM paragraphs WHERE node_id LIKE 'B12-r2/annex2%' AND kind='item'"),
    }


def check(db: sqlite_utils.Database) -> Iterator[Finding]:
    for name, value in counts(db).items():
        if value == EXPECTED[name]:
            yield Finding(STAGE, "info", f"{name}: {value}")
        else:
            yield Finding(STAGE, "error", f"{name}: {value}, expected {EXPECTED[name]}")
    per_unit: Counter[str] = Counter()
    for row in db.query(
            "SELECT unit_id, count(*) AS n FROM paragraphs WHERE document IN (?, ?) "
            "GROUP BY unit_id", list(DOCUMENTS)):
        per_unit[row["unit_id"]] = row["n"]
    for unit in ("cop12:r1", "cop12:r2", "cop12:r3", "cop12:r4", "cop12:d1", "cop12:d2", "B12-r2"):
        yield Finding(STAGE, "info", f"{unit}: {per_unit[unit]} paragraphs")
    orphan = db.execute(
        "SELECT count(*) FROM footnotes WHERE document IN (?, ?) AND paragraph_id IS NULL",
        list(DOCUMENTS)).fetchone()[0]
    if orphan:
        yield Finding(STAGE, "error", f"{orphan} footnote(s) not attached to any paragraph")
    n_fix = db.execute("SELECT count(*) FROM corrections WHERE file = ?",
                       [COP12_SOURCE]).fetchone()[0]
    n_words = db.execute("SELECT count(*) FROM text_corrections").fetchone()[0]
    yield Finding(STAGE, "info", f"{COP12_SOURCE}: {n_fix} corrections applied, "
                                 f"{n_words} corrected words marked in paragraphs")
    for row in db.query("SELECT * FROM corrections WHERE file = ? AND paragraph_id IS NULL",
                        [COP12_SOURCE]):
        yield Finding(STAGE, "info", f"correction in a heading (no paragraph): "
                                     f"{COP12_SOURCE}:{row['source_line']} {row['original']!r}"
                                     f" -> {row['corrected']!r}")
    if "parse_problems" in db.table_names():
        for row in db.query("SELECT * FROM parse_problems WHERE document = 'related'"):
            yield Finding(STAGE, row["severity"], f"line {row['source_line']}: {row['message']}")
    yield from cross_links.check(db)
