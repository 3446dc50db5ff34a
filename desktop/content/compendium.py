"""Build stage for the compendium's Parts A and B (seed 003).

Reads data/sources/compendium.txt, applies data/corrections/compendium.toml,
parses it (compendium_parser) and writes documents, nodes, paragraphs and
footnotes. `dump` and `check` cover the same rows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator
from collections import Counter

from desktop.content import compendium_parser as parser
from desktop.content import corrections, dump_rows
from desktop.content.build import BuildContext, BuildError, Finding

if TYPE_CHECKING:
    import sqlite_utils

SOURCE = "compendium.txt"
CORRECTIONS = "compendium.toml"
DOCUMENT = "compendium"
STAGE = "compendium"

TITLE = "المساعدة التقنية: الخلاصة الوافية والفهرس المواضيعي للتوصيات والقرارات والمقررات"

#: Paragraph sort keys leave room for documents added by later stages.
SORT_BASE = 0


def build(db: sqlite_utils.Database, ctx: BuildContext) -> None:
    text = ctx.read_source(SOURCE)
    fixes = corrections.text_fixes(ctx.corrections / CORRECTIONS)
    text, applied = corrections.apply_text_fixes(SOURCE, text, fixes)
    try:
        result = parser.parse(text)
    except ValueError as exc:
        raise BuildError(f"{SOURCE}: {exc}") from None

    db.table("documents").insert({
        "id": DOCUMENT, "title": TITLE, "symbol": None, "date": "2021",
        "quality": "clean",
        "quality_note": "نص مستخرج من ملف PDF، مع تصويبات موثقة",
        "source_file": SOURCE, "sort": 0,
    })
    sort = SORT_BASE
    node_rows = []
    for node in result.nodes:
        sort += 1
        node_rows.append({
            "id": node.id, "document": DOCUMENT, "parent_id": node.parent_id,
            "kind": node.kind, "part": node.part, "heading": node.heading,
            "title": node.title, "dates": node.dates, "symbol": node.symbol,
            "number": node.number, "session": node.session,
            "decision_number": node.decision_number, "sort": sort,
            "source_line": node.source_line,
        })
    db.table("nodes").insert_all(node_rows)

    para_rows = []
    for i, para in enumerate(result.paragraphs, start=1):
        para_rows.append({
            "id": para.id, "document": DOCUMENT, "node_id": para.node_id,
            "unit_id": para.unit_id, "part": para.part, "kind": para.kind,
            "label": para.label, "label_path": parser.label_path_json(para),
            "text": para.text, "citation": para.citation, "symbol": para.symbol,
            "report_paragraph": None, "report_paragraph_certain": 0,
            "depth": para.depth, "sort": SORT_BASE + i,
            "source_line": para.source_line, "source_line_end": para.source_line_end,
        })
    db.table("paragraphs").insert_all(para_rows)

    db.table("footnotes").insert_all([{
        "id": f"fn-{DOCUMENT}-{fn.number}", "document": DOCUMENT, "number": fn.number,
        "paragraph_id": fn.paragraph_id, "marker_offset": fn.marker_offset,
        "text": fn.text, "source_line": fn.source_line,
    } for fn in result.footnotes])

    # a fix on a footnote's line belongs to the footnote's paragraph (the reader
    # marks it in the footnote: editorial_html.footnote_marks)
    footnote_lines = {fn.source_line: fn.paragraph_id for fn in result.footnotes}

    def paragraph_for_line(line: int) -> str | None:
        if line in footnote_lines:
            return footnote_lines[line]
        for para in result.paragraphs:
            if para.source_line <= line <= para.source_line_end:
                return para.id
        return None

    corrections.record(db, applied, ctx.report, paragraph_for_line)
    if result.problems:
        db.table("parse_problems").insert_all([
            {"document": DOCUMENT, "severity": p.severity, "source_line": p.line,
             "message": p.message} for p in result.problems])
    ctx.report.append(
        f"compendium: {len(result.nodes)} nodes, {len(result.paragraphs)} paragraphs, "
        f"{len(result.footnotes)} footnotes, {len(applied)} corrections")


def dump(db: sqlite_utils.Database) -> Iterator[dict]:
    yield from dump_rows.paragraph_objects(db, [DOCUMENT], extra=lambda row: {
        "report_paragraph": row["report_paragraph"], "source_line": row["source_line"]})
    yield from dump_rows.node_objects(db, [DOCUMENT])
    for row in db.query("SELECT * FROM corrections WHERE file = ? ORDER BY source_line", [SOURCE]):
        yield {"type": "correction", "file": row["file"], "line": row["source_line"],
               "paragraph": row["paragraph_id"], "original": row["original"],
               "corrected": row["corrected"], "reason": row["reason"]}


def check(db: sqlite_utils.Database) -> Iterator[Finding]:
    counts: Counter[str] = Counter()
    for row in db.query(
            """SELECT u.id, u.heading, count(p.id) AS n FROM nodes u
               JOIN paragraphs p ON p.unit_id = u.id
               WHERE u.document = ? GROUP BY u.id ORDER BY min(p.sort)""", [DOCUMENT]):
        yield Finding(STAGE, "info", f"{row['id']:8} {row['heading']}: {row['n']} paragraphs")
        counts[row["id"][0]] += row["n"]
    for part, n in sorted(counts.items()):
        yield Finding(STAGE, "info", f"part {part}: {n} paragraphs")
    n_fn = db.execute("SELECT count(*) FROM footnotes WHERE document = ?", [DOCUMENT]).fetchone()[0]
    orphan = db.execute(
        "SELECT count(*) FROM footnotes WHERE document = ? AND paragraph_id IS NULL",
        [DOCUMENT]).fetchone()[0]
    yield Finding(STAGE, "info", f"footnotes: {n_fn}, attached: {n_fn - orphan}")
    if orphan:
        yield Finding(STAGE, "error", f"{orphan} footnote(s) not attached to any paragraph")
    for row in db.query("SELECT * FROM corrections WHERE file = ? ORDER BY source_line", [SOURCE]):
        yield Finding(STAGE, "info",
                      f"correction applied: {row['file']}:{row['source_line']} "
                      f"{row['original']!r} -> {row['corrected']!r} ({row['reason']})")
    if "parse_problems" in db.table_names():
        for row in db.query(
                "SELECT * FROM parse_problems WHERE document = ? ORDER BY source_line", [DOCUMENT]):
            yield Finding(STAGE, row["severity"], f"{SOURCE}:{row['source_line']}: {row['message']}")
    if not counts:
        yield Finding(STAGE, "error", "no paragraphs were parsed")
