"""desktop/content/compendium.py: the build stage of the compendium's Parts A
and B: what it writes, dumps and checks."""

from __future__ import annotations

import sqlite3

import sqlite_utils

from desktop import paths
from desktop.content import compendium, compendium_parser, corrections, schema


def _empty_db() -> sqlite_utils.Database:
    db = sqlite_utils.Database(sqlite3.connect(":memory:"))
    schema.create_all_tables(db)
    return db


def test_the_stage_writes_what_the_parser_reads(content_db):
    text = (paths.sources_dir() / compendium.SOURCE).read_text(encoding="utf-8")
    fixes = corrections.text_fixes(paths.corrections_dir() / compendium.CORRECTIONS)
    parsed = compendium_parser.parse(corrections.apply_text_fixes(compendium.SOURCE, text, fixes)[0])
    doc = content_db["documents"].get(compendium.DOCUMENT)
    assert doc["title"] == compendium.TITLE and doc["sort"] == 0
    ids = [r["id"] for r in content_db.query(
        "SELECT id FROM paragraphs WHERE document = ? ORDER BY sort", [compendium.DOCUMENT])]
    assert ids == [p.id for p in parsed.paragraphs]
    nodes = [r["id"] for r in content_db.query(
        "SELECT id FROM nodes WHERE document = ? ORDER BY sort", [compendium.DOCUMENT])]
    assert nodes == [n.id for n in parsed.nodes]
    assert content_db.execute("SELECT count(*) FROM footnotes WHERE document = ?",
                              [compendium.DOCUMENT]).fetchone()[0] == len(parsed.footnotes)


def test_every_correction_names_the_paragraph_it_changed(content_db):
    rows = list(content_db.query("SELECT * FROM corrections WHERE file = ?", [compendium.SOURCE]))
    assert rows and all(r["paragraph_id"] for r in rows)
    for r in rows:
        para = content_db["paragraphs"].get(r["paragraph_id"])
        notes = [f["source_line"] for f in content_db.query(
            "SELECT source_line FROM footnotes WHERE paragraph_id = ?", [para["id"]])]
        # the fixed line is the paragraph's own, or one of its footnotes
        assert para["source_line"] <= r["source_line"] <= para["source_line_end"] \
            or r["source_line"] in notes, r


def test_dump_gives_paragraphs_nodes_then_corrections(content_db):
    rows = list(compendium.dump(content_db))
    kinds = [r["type"] for r in rows]
    assert kinds == sorted(kinds, key=["paragraph", "node", "correction"].index)
    para = next(r for r in rows if r["type"] == "paragraph")
    assert list(para)[-2:] == ["report_paragraph", "source_line"]
    assert {r["line"] for r in rows if r["type"] == "correction"}


def test_check_counts_parts_and_finds_orphans_and_emptiness(content_db):
    findings = list(compendium.check(content_db))
    assert not [f for f in findings if f.severity == "error"]
    assert any(f.message.startswith("part A: ") for f in findings)
    assert any(f.message.startswith("part B: ") for f in findings)
    db = _empty_db()
    db["footnotes"].insert({"id": "fn-x", "document": compendium.DOCUMENT, "number": 1,
                            "paragraph_id": None, "text": "حاشية", "source_line": 3})
    errors = [f.message for f in compendium.check(db) if f.severity == "error"]
    assert errors == ["1 footnote(s) not attached to any paragraph", "no paragraphs were parsed"]
