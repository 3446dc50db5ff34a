"""Build stage for the two damaged related documents.

"cop6-agenda" (seed 001, visual-order extraction, repaired where reliable)
and "som-wg-2020" (seed 004, garbled glyph mapping, structure recovered and
body machine-reconstructed). Paragraph `text` holds the best readable form;
the source text as extracted, the quality and its reason are kept in this
stage's own table:

paragraph_quality  paragraph_id (pk, fk paragraphs), document, quality
                   ("clean", "repaired", "damaged", "reconstructed"), note
                   (Arabic, shown in the reader), original_text (the source
                   lines as extracted), uncertain (JSON list of [start, end]
                   character spans of `text` the decoder is unsure of)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator
import json
import re
from collections import Counter

from desktop.content import dump_rows, schema
from desktop.content.build import BuildContext, BuildError, Finding
from desktop.content.related import cop6_agenda, som_report
from desktop.content.related.lexicon import Lexicon

if TYPE_CHECKING:
    import sqlite_utils

STAGE = "related-damaged"
COP6_SORT = 400_000
SOM_SORT = 600_000


def _lexicon(ctx: BuildContext) -> Lexicon:
    texts = [ctx.read_source(name) for name in ("compendium.txt", "cop10-note.txt",
                                                 "cop12-report.txt")]
    return Lexicon.from_texts(texts)


def build(db: sqlite_utils.Database, ctx: BuildContext) -> None:
    lexicon = _lexicon(ctx)
    schema.create_quality_tables(db)
    _build_cop6(db, ctx, lexicon)
    _build_som(db, ctx, lexicon)


def _build_cop6(db: sqlite_utils.Database, ctx: BuildContext, lexicon: Lexicon) -> None:
    source = "cop6-agenda.txt"
    try:
        agenda = cop6_agenda.parse(ctx.read_source(source), lexicon)
    except (StopIteration, ValueError) as exc:
        raise BuildError(f"{source}: cannot find the agenda's structure ({exc})") from None
    doc = cop6_agenda.DOCUMENT
    damaged = sum(p.quality == "damaged" for p in agenda.paragraphs)
    db.table("documents").insert({
        "id": doc, "title": "جدول الأعمال المؤقت وشروحه — الدورة السادسة لمؤتمر الأطراف",
        "symbol": cop6_agenda.SYMBOL, "date": "2012-10-15",
        "quality": "damaged",
        "quality_note": (f"استُخرج النص من ملف PDF بالترتيب المرئي: أُصلحت الأقواس والتطويل "
                         f"والأرقام والتواريخ آلياً، وبقي ترتيب الكلمات تالفاً في "
                         f"{damaged} من {len(agenda.paragraphs)} فقرة"),
        "source_file": source, "sort": 20,
    })
    node_rows = []
    for i, n in enumerate(agenda.nodes):
        node_rows.append({
            "id": _cop6_id(n.id), "document": doc,
            "parent_id": _cop6_id(n.parent_id) if n.parent_id else None, "kind": n.kind,
            "part": None, "heading": n.heading, "title": n.title or None,
            "dates": "15-19 تشرين الأول/أكتوبر 2012" if n.parent_id is None else None,
            "symbol": cop6_agenda.SYMBOL if n.parent_id is None else None,
            "number": n.number, "session": 6 if n.parent_id is None else None,
            "decision_number": None, "sort": COP6_SORT + i, "source_line": n.source_line,
        })
    db.table("nodes").insert_all(node_rows)
    heading = {_cop6_id(n.id): n.heading for n in agenda.nodes}
    para_rows, quality_rows = [], []
    for i, p in enumerate(agenda.paragraphs):
        node_id = _cop6_id(p.node)
        # the unit is the agenda list, the annex, or the agenda item
        unit = re.sub(r"(-l\d+)?(/docs)?$", "", node_id)
        row_id = f"cop6:{p.code}"
        citation = _cop6_citation(p, node_id, heading)
        para_rows.append({
            "id": row_id, "document": doc, "node_id": node_id, "unit_id": unit, "part": None,
            "kind": {"document": "note", "table": "text"}.get(p.kind, p.kind),
            "label": p.label, "label_path": json.dumps([p.label], ensure_ascii=False),
            "text": p.text, "citation": citation, "symbol": cop6_agenda.SYMBOL,
            "report_paragraph": None, "report_paragraph_certain": 0,
            "depth": 1 if p.kind == "subitem" else 0, "sort": COP6_SORT + i,
            "source_line": p.lines[0][0], "source_line_end": p.lines[-1][0],
        })
        quality_rows.append({
            "paragraph_id": row_id, "document": doc, "quality": p.quality,
            "note": cop6_agenda.quality_note(p), "original_text": p.original,
            "uncertain": "[]",
        })
    db.table("paragraphs").insert_all(para_rows)
    db.table("paragraph_quality").insert_all(quality_rows)


def _cop6_id(parser_id: str) -> str:
    """Parser node id ("cop6/i2-l1") -> database id ("cop6:i2-l1"; the top: "cop6:doc")."""
    return "cop6:" + parser_id.split("/", 1)[1] if "/" in parser_id else "cop6:doc"


def _cop6_citation(p: cop6_agenda.Paragraph, node_id: str, heading: dict[str, str]) -> str:
    """How a reader cites the paragraph; running numbers say they are not the source's."""
    symbol = cop6_agenda.SYMBOL
    if node_id == "cop6:agenda":
        item = p.code.split("/")[1].split(".")[0]
        label = f"{item} {p.label}" if p.kind == "subitem" else p.label
        return f"{symbol}، جدول الأعمال المؤقت، البند {label}"
    if node_id == "cop6:annex":
        return f"{symbol}، المرفق (تنظيم الأعمال المقترح)، اليوم {p.label}"
    where = heading[node_id.removesuffix("/docs")]
    if node_id.endswith("/docs"):
        where += "، الوثائق"
    return f"{symbol}، الشروح، {where}، الفقرة {p.label} (ترقيم غير وارد في المصدر)"


def _build_som(db: sqlite_utils.Database, ctx: BuildContext, lexicon: Lexicon) -> None:
    som_report.build_rows(db, ctx, lexicon, SOM_SORT)


def dump(db: sqlite_utils.Database) -> Iterator[dict]:
    quality = {r["paragraph_id"]: r for r in db.query("SELECT * FROM paragraph_quality")}
    for doc in (cop6_agenda.DOCUMENT, som_report.DOCUMENT):
        for row in db.query("SELECT * FROM documents WHERE id = ?", [doc]):
            yield {"type": "document", **row}
        yield from dump_rows.paragraph_objects(db, [doc], extra=lambda row: {
            "quality": quality.get(row["id"], {}).get("quality"),
            "quality_note": quality.get(row["id"], {}).get("note"),
            "source_line": row["source_line"]})
        yield from dump_rows.node_objects(db, [doc])


def check(db: sqlite_utils.Database) -> list[Finding]:
    findings = []
    for doc in (cop6_agenda.DOCUMENT, som_report.DOCUMENT):
        counts = Counter(r["quality"] for r in db.query(
            "SELECT q.quality FROM paragraphs p LEFT JOIN paragraph_quality q "
            "ON q.paragraph_id = p.id WHERE p.document = ?", [doc]))
        total = sum(counts.values())
        findings.append(Finding(STAGE, "info", f"{doc}: {total} paragraphs, " + ", ".join(
            f"{k}: {v}" for k, v in sorted(counts.items(), key=lambda kv: str(kv[0])))))
        if counts.get(None):
            findings.append(Finding(STAGE, "error",
                                    f"{doc}: {counts[None]} paragraphs without a quality mark"))
    findings.extend(som_report.check(db))
    return findings
