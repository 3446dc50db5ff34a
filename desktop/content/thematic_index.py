"""Build stage: the thematic index as data whose every reference points at paragraphs.

Tables (written here, read by the app and search):

themes          id (pk, int), label (as printed, without "(تابع)"), sort,
                source_line (where the label is first printed)
index_entries   id (pk, int), theme_id (fk themes), sort, symbol (after
                corrections), symbol_printed, decision ("المقرر 4/3" or null),
                unit_id (fk nodes: the meeting or decision the row lists),
                part ("A"/"B"), report_paragraphs (as printed), locator (as
                printed), status ("resolved"/"corrected"/"unresolved"),
                method (how targets were found: "locator", "report",
                "annex", "meeting"), theme_certain (0/1), theme_evidence,
                note (recovery and corrections, "; "-joined),
                duplicate_of (fk index_entries, a row the source printed twice),
                source_line, source_lines (JSON list)
index_targets   entry_id (fk index_entries), paragraph_id (fk paragraphs), sort;
                pk (entry_id, paragraph_id)
index_numbering unit_id (pk: a meeting, or an annex that reproduces one), rule
                ("offset": report = compendium + value; "prefix": report
                "value (x)" = compendium "(x)"; "annex_offset": annex number =
                meeting number + value), pairs (index pairs seen), agreeing

It also fills paragraphs.report_paragraph / report_paragraph_certain for
Part A: the index pairs "report paragraph" with "compendium locator", from
which each meeting's numbering rule is derived (meeting 7: report = 4 +
compendium; meeting 5: report 4 (x) = compendium (x)). A paragraph named
in a consistent pair is certain; one numbered by the meeting's rule only
is not.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from desktop.content import corrections as corr
from desktop.content import index_table as it
from desktop.content import locators as loc
from desktop.content.build import BuildError, Finding
from desktop.content.ids import ABJAD, abjad_rank

SOURCE = "compendium.txt"
CORRECTIONS = "index.toml"
STAGE = "thematic_index"

ANNEX_MEETING_WORDS = {
    "الأول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6,
    "السابع": 7, "الثامن": 8, "التاسع": 9, "العاشر": 10, "الحادي عشر": 11,
}


@dataclass
class Entry:
    row: it.IndexRow
    theme: str
    theme_certain: bool = True
    theme_evidence: str = ""
    symbol: str | None = None
    decision: str | None = None
    report: str = ""
    locator: str = ""
    unit_id: str | None = None
    part: str | None = None
    targets: list[str] = field(default_factory=list)
    status: str = "resolved"
    method: str = ""
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    duplicate_line: int | None = None
    acknowledged: str | None = None


# --- corrections --------------------------------------------------------------


def load_fixes(path):
    data = corr.load(path)
    try:
        index_fixes = [dict(e) for e in data.get("index_fix", [])]
        theme_fixes = [dict(e) for e in data.get("theme_fix", [])]
        unresolved = {int(e["line"]): str(e["reason"]) for e in data.get("unresolved", [])}
        for e in index_fixes:
            e["line"] = int(e["line"])
            str(e["reason"])
        for e in theme_fixes:
            e["lines"] = [int(x) for x in e["lines"]]
            str(e["evidence"])
    except (KeyError, TypeError, ValueError) as exc:
        raise BuildError(f"malformed corrections file {path}: {exc!r} "
                         "([[index_fix]] needs line and reason, [[theme_fix]] lines and "
                         "evidence, [[unresolved]] line and reason)") from None
    return index_fixes, theme_fixes, unresolved


# --- the database's view of documents -------------------------------------------


class Documents:
    """Meetings, sessions and decisions by symbol and number, from the nodes table."""

    def __init__(self, db):
        conn = db.conn
        self.meeting_by_number = {}
        self.meeting_symbol = {}
        self.session_symbol = {}
        for nid, kind, number, symbol in conn.execute(
                "SELECT id, kind, number, symbol FROM nodes WHERE document='compendium' "
                "AND kind IN ('meeting','session')"):
            if kind == "meeting":
                self.meeting_by_number[number] = nid
                self.meeting_symbol[number] = symbol
            else:
                self.session_symbol[number] = symbol
        self.units = {}        # symbol -> ("A"|"B", number) for index rows
        for number, symbol in self.session_symbol.items():
            if symbol:
                self.units[symbol] = ("B", number)
        for number, symbol in self.meeting_symbol.items():
            if symbol and symbol not in self.units:
                self.units[symbol] = ("A", number)
        self.decisions = {}    # (kind, session, number) -> (node id, heading)
        self.session_decisions = defaultdict(list)
        for nid, kind, session, number, heading in conn.execute(
                "SELECT id, kind, session, decision_number, heading FROM nodes "
                "WHERE document='compendium' AND kind IN ('decision','resolution') ORDER BY sort"):
            self.decisions[(kind, session, number)] = (nid, heading)
            self.session_decisions[session].append((nid, heading))
        # annex node -> the meeting its note points back to
        self.annex_meeting = {}
        for node_id, text in conn.execute(
                "SELECT p.node_id, p.text FROM paragraphs p JOIN nodes n ON n.id = p.node_id "
                "WHERE n.kind='annex' AND p.kind='note'"):
            for word in sorted(ANNEX_MEETING_WORDS, key=len, reverse=True):
                if f"الاجتماع {word}" in text:
                    self.annex_meeting[node_id] = ANNEX_MEETING_WORDS[word]
                    break


# --- building entries -------------------------------------------------------------


def _apply_fixes(entries: list[Entry], index_fixes, theme_fixes, unresolved, report):
    by_line = defaultdict(list)
    for e in entries:
        by_line[e.row.line].append(e)
    used = set()
    for n, fix in enumerate(index_fixes):
        candidates = by_line.get(fix["line"], [])
        if "match" in fix:
            candidates = [e for e in candidates
                          if fix["match"] in (e.row.symbol, e.row.decision)]
        if len(candidates) != 1:
            raise BuildError(
                f"correction in {CORRECTIONS} does not match: [[index_fix]] line {fix['line']} "
                f"names {len(candidates)} index rows")
        e = candidates[0]
        for key in ("symbol", "decision", "locator", "report"):
            if key in fix:
                setattr(e, key, fix[key] or ("" if key in ("locator", "report") else None))
        if "duplicate_of" in fix:
            e.duplicate_line = int(fix["duplicate_of"])
        e.notes.append(f"corrected ({CORRECTIONS}, line {fix['line']}): {fix['reason']}")
        e.status = "corrected"
        used.add(n)
        report.append(f"index correction line {fix['line']}: {fix['reason']}")
    for fix in theme_fixes:
        for line in fix["lines"]:
            rows = by_line.get(line)
            if not rows:
                raise BuildError(
                    f"correction in {CORRECTIONS} does not match: [[theme_fix]] line {line} "
                    "holds no index row")
            for e in rows:
                if "theme" in fix:
                    if e.theme != fix["theme"]:
                        e.notes.append(f"theme: printed under {e.theme!r}")
                    e.theme = fix["theme"]
                e.theme_certain = False
                e.theme_evidence = fix["evidence"]
    for line, reason in unresolved.items():
        if line not in by_line:
            raise BuildError(
                f"correction in {CORRECTIONS} does not match: [[unresolved]] line {line} "
                "holds no index row")
        for e in by_line[line]:
            e.acknowledged = reason


def _identify(e: Entry, docs: Documents):
    """Fill unit_id / part / symbol / decision from what the row says."""
    key = it.decision_key(e.decision) if e.decision else None
    if key:
        found = docs.decisions.get(key)
        if found:
            e.unit_id, e.part = found[0], "B"
            if not e.symbol:
                e.symbol = docs.session_symbol.get(key[1])
                e.notes.append("symbol cell lost: read from the decision")
            return
        e.problems.append(f"no {e.decision} in Part B")
        return
    unit = docs.units.get(e.symbol) if e.symbol else e.row.unit_hint
    if unit is None:
        e.problems.append(f"unknown document symbol {e.symbol!r}")
        return
    if unit[0] == "B":
        found = docs.session_decisions.get(unit[1], [])
        if len(found) == 1:
            e.unit_id, e.part = found[0][0], "B"
            e.decision = found[0][1]
            e.notes.append("decision cell lost: read from the symbol")
        else:
            e.problems.append(f"session {unit[1]} has {len(found)} decisions")
        return
    e.unit_id, e.part = docs.meeting_by_number.get(unit[1]), "A"
    if not e.symbol:
        e.symbol = docs.meeting_symbol.get(unit[1])
        e.notes.append(f"symbol cell lost: meeting {unit[1]} read from the locator")


def _meeting_number(unit_id: str) -> int:
    return int(unit_id[1:])


def _resolve_refs(refs, resolver: loc.Resolver, default_unit, problems, text):
    out = []
    for ref in refs:
        ids = resolver.resolve_ref(ref, default_unit)
        if not ids:
            problems.append(f"{text!r}: {_describe(ref)} names no paragraph")
            continue
        out.extend(ids)
    return out


def _describe(ref: loc.Ref) -> str:
    where = {"A": "meeting", "B": "session", None: "unit"}[ref.part]
    annex = "" if ref.annex is None else f" annex {ref.annex or ''}".rstrip()
    label = " ".join(ref.path) or "(whole)"
    return f"{where} {ref.unit if ref.unit is not None else '?'}{annex} {label}"


def _part_a_pairs(e: Entry) -> list[tuple[tuple, tuple]]:
    """(compendium path, report path) pairs the row gives, when they line up."""
    if e.part != "A" or not e.locator or not e.report:
        return []
    lrefs = [r for r in loc.parse(e.locator, part="A").refs if r.path]
    rrefs = [r for r in loc.parse(e.report).refs if r.path]
    if not lrefs or len(lrefs) != len(rrefs):
        return []
    # both columns list in reading order, but a cell may be printed reversed
    # ("6 و 4-2" for ثانياً-2-4 وثانياً-6); numbering rules keep order, so sort
    lpaths = sorted((r.path for r in lrefs), key=_path_key)
    rpaths = sorted((r.path for r in rrefs), key=_path_key)
    return list(zip(lpaths, rpaths))


def _path_key(path: tuple) -> tuple:
    key = []
    for comp in path:
        digits = re.sub(r"\D", "", comp)
        if comp.startswith("(") and comp.strip("()") in ABJAD + ["ه"]:
            key.append((1, abjad_rank(comp.strip("()"))))
        elif digits:
            key.append((0 if not comp.startswith("'") else 2, int(digits)))
        else:
            key.append((3, 0))
    return tuple(key)


def _transform(cpath: tuple, rpath: tuple):
    if not cpath or not rpath:
        return None
    if cpath[0].isdigit() and rpath[0].isdigit() and cpath[1:] == rpath[1:]:
        return ("offset", int(rpath[0]) - int(cpath[0]))
    if not cpath[0].isdigit() and rpath[0].isdigit() and rpath[1:] == cpath:
        return ("prefix", int(rpath[0]))
    return None


def apply_transform(rule, cpath: tuple) -> tuple | None:
    """Report label path of a compendium label path under a meeting's rule."""
    kind, value = rule
    if kind == "offset" and cpath and cpath[0].isdigit():
        return (str(int(cpath[0]) + value),) + cpath[1:]
    if kind == "prefix" and cpath and not cpath[0].isdigit() and not cpath[0].startswith("ف.د"):
        return (str(value),) + cpath
    return None


def invert_transform(rule, rpath: tuple) -> tuple | None:
    kind, value = rule
    if not rpath or not rpath[0].isdigit():
        return None
    if kind == "offset":
        return (str(int(rpath[0]) - value),) + rpath[1:]
    if kind == "prefix" and int(rpath[0]) == value and len(rpath) > 1:
        return rpath[1:]
    return None


def numbering_rules(entries):
    """Each meeting's report numbering rule, by majority over the index's pairs.

    Returns (rules {meeting: rule}, observed {(meeting, cpath): rpath},
    outliers [(entry, cpath, rpath)]).
    """
    votes = defaultdict(Counter)
    pairs = []
    for e in entries:
        if e.duplicate_line:
            continue
        for cpath, rpath in _part_a_pairs(e):
            m = _meeting_number(e.unit_id)
            rule = _transform(cpath, rpath)
            votes[m][rule] += 1
            pairs.append((e, m, cpath, rpath, rule))
    rules = {}
    for m, counter in votes.items():
        best, n = max(((r, c) for r, c in counter.items() if r is not None),
                      key=lambda x: x[1], default=(None, 0))
        if best is not None:
            rules[m] = best
    observed = {}
    outliers = []
    for e, m, cpath, rpath, rule in pairs:
        if rules.get(m) == rule:
            observed[(m, cpath)] = rpath
        else:
            outliers.append((e, cpath, rpath))
    return rules, observed, outliers, votes


def annex_offsets(entries, docs: Documents, resolver):
    """Offset between an annex's numbers and its meeting's (resolution 4/8: +1).

    Decided by the index itself: for each theme, the annex numbers of the
    COP row are compared with the meeting's paragraph numbers in the same
    theme's Working Group rows; the offset that matches most wins.
    """
    by_theme = defaultdict(lambda: defaultdict(set))   # theme -> meeting -> numbers
    annex_rows = []
    for e in entries:
        if e.duplicate_line or not e.unit_id:
            continue
        if e.part == "A" and e.locator:
            m = _meeting_number(e.unit_id)
            for r in loc.parse(e.locator, part="A").refs:
                if r.path and r.path[0].isdigit():
                    by_theme[e.theme][m].add(int(r.path[0]))
        elif e.part == "B" and e.report:
            annex_rows.append(e)
    votes = defaultdict(Counter)
    for e in annex_rows:
        for r in loc.parse(e.report).refs:
            if r.annex is None or not r.path or not r.path[0].isdigit():
                continue
            annex = resolver.container(e.unit_id, r.annex)
            meeting = docs.annex_meeting.get(annex)
            if meeting is None:
                continue
            numbers = by_theme[e.theme].get(meeting, set())
            for d in range(-3, 4):
                if int(r.path[0]) - d in numbers:
                    votes[annex][d] += 1
    return {annex: counter.most_common(1)[0][0] for annex, counter in votes.items()}


def _resolve(e: Entry, docs: Documents, resolver: loc.Resolver, rules, offsets):
    if e.unit_id is None:
        return
    if e.part == "A":
        m = _meeting_number(e.unit_id)
        if e.locator:
            refs = loc.parse(e.locator, part="A").refs
            for r in refs:
                if r.part == "B":
                    e.problems.append(f"{e.locator!r}: names Part B for a Working Group report")
                elif r.unit is not None and r.unit != m:
                    e.problems.append(f"{e.locator!r}: names meeting {r.unit}, "
                                      f"the row's report is meeting {m}'s")
            good = [r for r in refs if r.part != "B" and (r.unit in (None, m))]
            e.targets = _resolve_refs(good, resolver, e.unit_id, e.problems, e.locator)
            e.method = "locator"
        elif e.report:
            rule = rules.get(m)
            if rule is None:
                e.problems.append(f"no locator, and no numbering rule for meeting {m}")
                return
            refs = []
            for r in loc.parse(e.report).refs:
                cpath = invert_transform(rule, r.path)
                if cpath is None:
                    e.problems.append(f"{e.report!r}: report paragraph {' '.join(r.path)} "
                                      f"does not fit meeting {m}'s numbering")
                    continue
                refs.append(loc.Ref("A", m, None, cpath))
            e.targets = _resolve_refs(refs, resolver, e.unit_id, e.problems, e.report)
            e.method = "report"
            e.notes.append(f"locator lost: targets from the report paragraphs by "
                           f"meeting {m}'s numbering")
        return
    # Part B
    session = resolver.unit_key[e.unit_id][1]
    lrefs = loc.parse(e.locator, part="B").refs if e.locator else []
    see_refs = [r for r in lrefs if r.part == "A"]
    own_refs = [r for r in lrefs if r.part != "A" and (r.path or r.annex is not None)]
    for r in lrefs:
        if r.part != "A" and r.unit is not None and r.unit != session:
            e.problems.append(f"{e.locator!r}: names session {r.unit}, the row's decision "
                              f"is of session {session}")
    rrefs = loc.parse(e.report).refs if e.report else []
    annex_refs = [r for r in rrefs if r.annex is not None and
                  docs.annex_meeting.get(resolver.container(e.unit_id, r.annex)) is not None]
    if annex_refs:
        refs = []
        for r in annex_refs:
            annex = resolver.container(e.unit_id, r.annex)
            meeting = docs.annex_meeting[annex]
            d = offsets.get(annex, 0)
            if r.path and r.path[0].isdigit():
                path = (str(int(r.path[0]) - d),) + r.path[1:]
            else:
                path = r.path
            refs.append(loc.Ref("A", meeting, None, path))
            if see_refs and meeting not in {s.unit for s in see_refs}:
                e.problems.append(f"annex {r.annex} points to meeting {meeting}, "
                                  f"the locator to {sorted(s.unit for s in see_refs)}")
        e.targets = _resolve_refs(refs, resolver, None, e.problems, e.report)
        e.method = "annex"
        return
    if own_refs:
        good = [r for r in own_refs if r.unit in (None, session)]
        e.targets = _resolve_refs(good, resolver, e.unit_id, e.problems, e.locator)
        e.method = "locator"
        return
    if rrefs:
        refs = [loc.Ref("B", session, r.annex, r.path) for r in rrefs]
        e.targets = _resolve_refs(refs, resolver, e.unit_id, e.problems, e.report)
        e.method = "report"
        return
    if see_refs:
        e.targets = _resolve_refs(see_refs, resolver, None, e.problems, e.locator)
        e.method = "meeting"
        return
    e.problems.append("neither a locator nor report paragraphs")


def build_entries(db, text: str, fixes) -> tuple[list[Entry], dict]:
    docs = Documents(db)
    resolver = loc.Resolver(db)
    rows = it.parse_index(text, docs.units)
    entries = []
    for row in rows:
        e = Entry(row=row, theme=row.theme or "", symbol=row.symbol, decision=row.decision,
                  report=row.report, locator=row.locator, notes=list(row.notes))
        entries.append(e)
    index_fixes, theme_fixes, unresolved = fixes
    report_lines: list[str] = []
    _apply_fixes(entries, index_fixes, theme_fixes, unresolved, report_lines)
    for e in entries:
        _identify(e, docs)
    rules, observed, outliers, votes = numbering_rules(entries)
    offsets = annex_offsets(entries, docs, resolver)
    for e in entries:
        _resolve(e, docs, resolver, rules, offsets)
        seen = []
        for t in e.targets:
            if t not in seen:
                seen.append(t)
        e.targets = seen
        if e.problems or not e.targets:
            e.status = "unresolved"
    _flag_order(entries)
    _flag_targets(entries)
    for e, cpath, rpath in outliers:
        e.notes.append(f"numbering: report paragraph {' '.join(rpath)} paired with "
                       f"{' '.join(cpath)} does not follow the meeting's rule")
    info = {"rules": rules, "observed": observed, "outliers": outliers, "offsets": offsets,
            "votes": votes,
            "report": report_lines}
    return entries, info


def _doc_order(e: Entry):
    year = 0
    for part in (e.symbol or "").split("/"):
        if part.isdigit() and len(part) == 4:
            year = int(part)
    return (0 if e.part == "A" else 1, year)


def _flag_order(entries: list[Entry]) -> None:
    """Rows out of the table's order within their theme are less than certain."""
    last: dict[str, tuple[tuple, Entry]] = {}
    for e in entries:
        if e.duplicate_line or e.part is None:
            continue
        key = _doc_order(e)
        prev = last.get(e.theme)
        if prev and key < prev[0] and e.theme_certain:
            e.theme_certain = False
            e.theme_evidence = (f"out of the table's order: {e.symbol} printed after "
                                f"{prev[1].symbol} (line {prev[1].row.line}) under the same theme")
        last[e.theme] = (key, e)


def _flag_targets(entries: list[Entry]) -> None:
    """A COP row that reproduces Working Group paragraphs belongs with them.

    Resolutions 3/7 and 4/8 point back at Part A: their targets should be
    among the Working Group rows of the same theme. When they are not, but
    they are all among another theme's, the label is doubtful.
    """
    part_a: dict[str, set[str]] = defaultdict(set)
    lines: dict[str, list[int]] = defaultdict(list)
    for e in entries:
        if e.part == "A" and not e.duplicate_line:
            part_a[e.theme].update(e.targets)
            lines[e.theme].append(e.row.line)
    for e in entries:
        if e.method != "annex" or not e.targets or not e.theme_certain:
            continue
        targets = set(e.targets)
        if targets <= part_a.get(e.theme, set()):
            continue
        others = [t for t, ids in part_a.items() if t != e.theme and targets <= ids]
        if others:
            e.theme_certain = False
            e.theme_evidence = (
                f"its targets ({', '.join(e.targets)}) are not among the Working Group rows "
                f"of its theme but are among those of {others[0]!r} "
                f"(lines {lines[others[0]][0]}-{lines[others[0]][-1]})")


# --- stage ----------------------------------------------------------------------


def build(db, ctx) -> None:
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
    db["themes"].insert_all(theme_rows, pk="id", columns={"id": int, "label": str, "sort": int,
                                                           "source_line": int})
    ids = {}
    rows = []
    for n, e in enumerate(entries, start=1):
        ids[id(e)] = n
    first_by_line = {}
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
    db["index_entries"].insert_all(rows, pk="id", foreign_keys=[
        ("theme_id", "themes", "id"), ("unit_id", "nodes", "id"),
        ("duplicate_of", "index_entries", "id")],
        columns={"symbol": str, "symbol_printed": str, "decision": str, "unit_id": str,
                 "part": str, "theme_evidence": str, "note": str, "acknowledged": str,
                 "duplicate_of": int, "method": str})
    targets = []
    for n, e in enumerate(entries, start=1):
        for k, pid in enumerate(e.targets):
            targets.append({"entry_id": n, "paragraph_id": pid, "sort": k})
    db["index_targets"].create({"entry_id": int, "paragraph_id": str, "sort": int},
                               pk=("entry_id", "paragraph_id"),
                               foreign_keys=[("entry_id", "index_entries", "id"),
                                             ("paragraph_id", "paragraphs", "id")])
    db["index_targets"].insert_all(targets)
    db["index_targets"].create_index(["paragraph_id"])
    db["index_entries"].create_index(["theme_id", "sort"])
    _report_paragraphs(db, info)
    numbering = []
    for m, rule in sorted(info["rules"].items()):
        numbering.append({"unit_id": f"A{m:02d}", "rule": rule[0], "value": rule[1],
                          "pairs": sum(info["votes"][m].values()),
                          "agreeing": info["votes"][m][rule]})
    for annex, d in sorted(info["offsets"].items()):
        numbering.append({"unit_id": annex, "rule": "annex_offset", "value": d,
                          "pairs": None, "agreeing": None})
    db["index_numbering"].insert_all(numbering, pk="unit_id", columns={
        "unit_id": str, "rule": str, "value": int, "pairs": int, "agreeing": int})
    ctx.report.extend(info["report"])
    counts = Counter(e.status for e in entries)
    ctx.report.append(f"thematic index: {len(themes)} themes, {len(entries)} entries "
                      f"({counts['resolved']} resolved, {counts['corrected']} corrected, "
                      f"{counts['unresolved']} unresolved)")


def _report_paragraphs(db, info) -> None:
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


def official_citation(db, paragraph_id: str) -> tuple[str, bool] | None:
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


def dump(db):
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


def check(db):
    if "index_entries" not in db.table_names():
        yield Finding(STAGE, "error", "no thematic index in the database")
        return
    per_theme = defaultdict(Counter)
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
