"""The build stage (tables, Part A report paragraphs), the official citation, dump and check."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator
import json
from collections import Counter, defaultdict

from desktop.content import schema
from desktop.content.build import BuildContext, BuildError, Finding
from desktop.content.thematic_index.entries import CORRECTIONS, SOURCE, STAGE, load_fixes, _meeting_number
from desktop.content.thematic_index.numbering import apply_transform
from desktop.content.thematic_index.resolve import build_entries

if TYPE_CHECKING:
    import sqlite_utils


# --- stage ----------------------------------------------------------------------


def build(db: sqlite_utils.Database, ctx: BuildContext) -> None:
    text = ctx.read_source(SOURCE)
    fixes = load_fixes(ctx.corrections / CORRECTIONS)
    try:
        entries, info = build_entries(db, text, fixes)
    except ValueError as exc:
        raise BuildError(f"{SOURCE}: {exc}") from None
    themes: dict[str, int] = {}
    theme_rows = []
    for e in entries:
        if e.theme not in themes:
            themes[e.theme] = len(themes) + 1
            line = e.row.theme_line if e.row.theme == e.theme else None
            theme_rows.append({"id": themes[e.theme], "label": e.theme, "sort": themes[e.theme],
                               "source_line": line})
    # labels printed only where they stand on other rows: their line is the label's
    for t in theme_rows:
        if t["source_line"] is None:
            t["source_line"] = next((e.row.theme_line for e in entries
                                     if e.row.theme == t["label"]), None)
    schema.create_index_tables(db)
    db.table("themes").insert_all(theme_rows)
    ids = {}
    rows = []
    for n, e in enumerate(entries, start=1):
        ids[id(e)] = n
    first_by_line: dict[int, int] = {}
    for e in entries:
        first_by_line.setdefault(e.row.line, ids[id(e)])
    for n, e in enumerate(entries, start=1):
        dup = first_by_line.get(e.duplicate_line) if e.duplicate_line else None
        note = e.notes + ([f"acknowledged unresolved: {e.acknowledged}"] if e.acknowledged else [])
        if e.problems:
            note += [f"problem: {p}" for p in e.problems]
        rows.append({
            "id": n, "theme_id": themes[e.theme], "sort": n, "symbol": e.symbol,
            "symbol_printed": e.row.symbol, "decision": e.decision, "unit_id": e.unit_id,
            "part": e.part, "report_paragraphs": e.report, "locator": e.locator,
            "status": e.status, "method": e.method, "theme_certain": int(e.theme_certain),
            "theme_evidence": e.theme_evidence or None, "note": "; ".join(note) or None,
            "acknowledged": e.acknowledged, "duplicate_of": dup,
            "source_line": e.row.line, "source_lines": json.dumps(sorted(set(e.row.lines))),
        })
    db.table("index_entries").insert_all(rows)
    targets = []
    for n, e in enumerate(entries, start=1):
        for k, pid in enumerate(e.targets):
            targets.append({"entry_id": n, "paragraph_id": pid, "sort": k})
    db.table("index_targets").insert_all(targets)
    _report_paragraphs(db, info)
    numbering = []
    for m, rule in sorted(info["rules"].items()):
        numbering.append({"unit_id": f"A{m:02d}", "rule": rule[0], "value": rule[1],
                          "pairs": sum(info["votes"][m].values()),
                          "agreeing": info["votes"][m][rule]})
    for annex, d in sorted(info["offsets"].items()):
        numbering.append({"unit_id": annex, "rule": "annex_offset", "value": d,
                          "pairs": None, "agreeing": None})
    db.table("index_numbering").insert_all(numbering)
    ctx.report.extend(info["report"])
    counts = Counter(e.status for e in entries)
    ctx.report.append(f"thematic index: {len(themes)} themes, {len(entries)} entries "
                      f"({counts['resolved']} resolved, {counts['corrected']} corrected, "
                      f"{counts['unresolved']} unresolved)")


def _report_paragraphs(db: sqlite_utils.Database, info: dict) -> None:
    rules, observed = info["rules"], info["observed"]
    conn = db.conn
    updates = []
    for pid, unit_id, label_path in conn.execute(
            "SELECT id, unit_id, label_path FROM paragraphs WHERE document='compendium' "
            "AND part='A'"):
        m = _meeting_number(unit_id)
        path = tuple(json.loads(label_path or "[]"))
        if m not in rules or not path:
            continue
        rpath = apply_transform(rules[m], path)
        if rpath is None:
            continue
        certain = observed.get((m, path)) == rpath
        updates.append((" ".join(rpath), int(certain), pid))
    conn.executemany("UPDATE paragraphs SET report_paragraph = ?, report_paragraph_certain = ? "
                     "WHERE id = ?", updates)


def official_citation(db: sqlite_utils.Database, paragraph_id: str) -> tuple[str, bool] | None:
    """How the original report cites a Part A paragraph, and whether that is certain.

    ("CTOC/COP/WG.2/2013/5، الفقرة 34", True) for A07/30; None when the
    report paragraph number is not known.
    """
    row = db.conn.execute(
        "SELECT p.report_paragraph, p.report_paragraph_certain, n.symbol FROM paragraphs p "
        "JOIN nodes n ON n.id = p.unit_id WHERE p.id = ?", [paragraph_id]).fetchone()
    if not row or not row[0] or not row[2]:
        return None
    return f"{row[2]}، الفقرة {row[0]}", bool(row[1])


def dump(db: sqlite_utils.Database) -> Iterator[dict]:
    if "index_entries" not in db.table_names():
        return
    targets = defaultdict(list)
    for entry_id, pid in db.conn.execute(
            "SELECT entry_id, paragraph_id FROM index_targets ORDER BY entry_id, sort"):
        targets[entry_id].append(pid)
    for row in db.query("SELECT e.*, t.label AS theme FROM index_entries e "
                        "JOIN themes t ON t.id = e.theme_id ORDER BY e.sort"):
        yield {"type": "index", "theme": row["theme"], "symbol": row["symbol"],
               "decision": row["decision"], "report_paragraphs": row["report_paragraphs"],
               "locator": row["locator"], "targets": targets[row["id"]],
               "status": row["status"], "source_line": row["source_line"],
               "theme_certain": bool(row["theme_certain"]),
               "duplicate_of": row["duplicate_of"]}


def check(db: sqlite_utils.Database) -> Iterator[Finding]:
    if "index_entries" not in db.table_names():
        yield Finding(STAGE, "error", "no thematic index in the database")
        return
    per_theme: defaultdict[str, Counter[str]] = defaultdict(Counter)
    order = []
    for label, status in db.conn.execute(
            "SELECT t.label, e.status FROM index_entries e JOIN themes t ON t.id = e.theme_id "
            "ORDER BY t.sort"):
        if label not in per_theme:
            order.append(label)
        per_theme[label][status] += 1
    for label in order:
        c = per_theme[label]
        yield Finding(STAGE, "info", f"{label}: {c['resolved']} resolved, "
                                     f"{c['corrected']} corrected, {c['unresolved']} unresolved")
    for row in db.query("SELECT e.source_line, e.symbol, e.decision, e.locator, t.label, "
                        "e.theme_evidence FROM index_entries e JOIN themes t ON t.id = e.theme_id "
                        "WHERE e.theme_certain = 0 ORDER BY e.sort"):
        yield Finding(STAGE, "warning",
                      f"line {row['source_line']} ({row['decision'] or row['symbol']}, "
                      f"{row['locator'] or '-'}): theme {row['label']!r} assigned with less "
                      f"than full certainty: {row['theme_evidence']}")
    for row in db.query("SELECT source_line, symbol, decision, report_paragraphs, locator, note, "
                        "acknowledged FROM index_entries WHERE status='unresolved' ORDER BY sort"):
        what = (f"line {row['source_line']} ({row['decision'] or row['symbol']}, "
                f"report {row['report_paragraphs'] or '-'}, locator {row['locator'] or '-'})")
        if row["acknowledged"]:
            yield Finding(STAGE, "warning", f"unresolved, acknowledged: {what}: {row['acknowledged']}")
        else:
            yield Finding(STAGE, "error", f"unresolved index reference: {what}: {row['note']}")
    missing = db.conn.execute(
        "SELECT COUNT(*) FROM index_targets t LEFT JOIN paragraphs p ON p.id = t.paragraph_id "
        "WHERE p.id IS NULL").fetchone()[0]
    if missing:
        yield Finding(STAGE, "error", f"{missing} index targets name no paragraph")
    if "index_numbering" in db.table_names():
        for row in db.query("SELECT * FROM index_numbering ORDER BY unit_id"):
            if row["rule"] == "annex_offset":
                yield Finding(STAGE, "info", f"{row['unit_id']}: annex paragraph n = meeting "
                                             f"paragraph n{-row['value']:+d}" if row["value"]
                              else f"{row['unit_id']}: annex paragraph n = meeting paragraph n")
            else:
                rule = (f"report = compendium {row['value']:+d}" if row["rule"] == "offset"
                        else f"report '{row['value']} (x)' = compendium '(x)'")
                yield Finding(STAGE, "info", f"{row['unit_id']} numbering: {rule} "
                                             f"({row['agreeing']} of {row['pairs']} index pairs agree)")
    for row in db.query("SELECT source_line, note FROM index_entries WHERE note LIKE "
                        "'%numbering: %' ORDER BY sort"):
        for part in row["note"].split("; "):
            if part.startswith("numbering: "):
                yield Finding(STAGE, "warning", f"line {row['source_line']}: {part}")
    n_report, n_uncertain = db.conn.execute(
        "SELECT COUNT(report_paragraph), SUM(report_paragraph IS NOT NULL AND "
        "report_paragraph_certain = 0) FROM paragraphs WHERE part='A'").fetchone()
    total_a = db.conn.execute(
        "SELECT COUNT(*) FROM paragraphs WHERE part='A' AND label_path != '[]'").fetchone()[0]
    by_unit = defaultdict(list)
    for unit, label in db.conn.execute(
            "SELECT unit_id, label FROM paragraphs WHERE part='A' AND report_paragraph IS NOT NULL "
            "AND report_paragraph_certain = 0 ORDER BY sort"):
        by_unit[unit].append(label)
    for unit, labels in by_unit.items():
        yield Finding(STAGE, "info", f"{unit}: report paragraph by the numbering rule only "
                                     f"(not named in the index): {', '.join(labels)}")
    yield Finding(STAGE, "info", f"report paragraph numbers derived for {n_report} of {total_a} "
                                 f"labelled Part A paragraphs ({n_uncertain or 0} by the meeting's "
                                 f"numbering rule only, not named in the index)")
