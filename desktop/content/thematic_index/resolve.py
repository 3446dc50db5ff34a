"""Resolving index entries to paragraphs: corrections, identification, locators, numbering and annexes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable
from collections import defaultdict

from desktop.content import index_table as it, locators as loc
from desktop.content.locator_resolver import Resolver
from desktop.content.build import BuildError
from desktop.content.thematic_index.entries import (CORRECTIONS, Entry, Documents, Fixes,
                                                   _meeting_number)
from desktop.content.thematic_index.numbering import (Rule, invert_transform, numbering_rules,
                                                     annex_offsets)

if TYPE_CHECKING:
    import sqlite_utils


# --- building entries -------------------------------------------------------------


def _apply_fixes(entries: list[Entry], index_fixes: list[dict], theme_fixes: list[dict],
                 unresolved: dict[int, str], report: list[str]) -> None:
    by_line: defaultdict[int, list[Entry]] = defaultdict(list)
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


def _identify(e: Entry, docs: Documents) -> None:
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
        in_session = docs.session_decisions.get(unit[1], [])
        if len(in_session) == 1:
            e.unit_id, e.part = in_session[0][0], "B"
            e.decision = in_session[0][1]
            e.notes.append("decision cell lost: read from the symbol")
        else:
            e.problems.append(f"session {unit[1]} has {len(in_session)} decisions")
        return
    e.unit_id, e.part = docs.meeting_by_number.get(unit[1]), "A"
    if not e.symbol:
        e.symbol = docs.meeting_symbol.get(unit[1])
        e.notes.append(f"symbol cell lost: meeting {unit[1]} read from the locator")


def _resolve_refs(refs: Iterable[loc.Ref], resolver: Resolver, default_unit: str | None,
                  problems: list[str], text: str) -> list[str]:
    out: list[str] = []
    for ref in refs:
        ids = resolver.resolve_ref(ref, default_unit)
        if not ids:
            problems.append(f"{text!r}: {_describe(ref)} names no paragraph")
            continue
        out.extend(ids)
    return out


def _units(refs: list[loc.Ref]) -> list[int | None]:
    """The units refs name, in order (one not said, None, first)."""
    return sorted((r.unit for r in refs), key=lambda u: -1 if u is None else u)


def _describe(ref: loc.Ref) -> str:
    where = {"A": "meeting", "B": "session", None: "unit"}[ref.part]
    annex = "" if ref.annex is None else f" annex {ref.annex or ''}".rstrip()
    label = " ".join(ref.path) or "(whole)"
    return f"{where} {ref.unit if ref.unit is not None else '?'}{annex} {label}"



def _resolve(e: Entry, docs: Documents, resolver: Resolver, rules: dict[int, Rule],
             offsets: dict[str, int]) -> None:
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
    unit_id = e.unit_id
    # report refs into an annex whose note names its meeting -> that annex node
    annexes = {r: annex for r in rrefs if r.annex is not None
               and (annex := resolver.container(unit_id, r.annex)) in docs.annex_meeting}
    annex_refs = [r for r in rrefs if r in annexes]
    if annex_refs:
        refs = []
        for r in annex_refs:
            annex = annexes[r]
            meeting = docs.annex_meeting[annex]
            d = offsets.get(annex, 0)
            if r.path and r.path[0].isdigit():
                path = (str(int(r.path[0]) - d),) + r.path[1:]
            else:
                path = r.path
            refs.append(loc.Ref("A", meeting, None, path))
            if see_refs and meeting not in {s.unit for s in see_refs}:
                e.problems.append(f"annex {r.annex} points to meeting {meeting}, "
                                  f"the locator to {_units(see_refs)}")
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


def build_entries(db: sqlite_utils.Database, text: str, fixes: Fixes) -> tuple[list[Entry], dict]:
    docs = Documents(db)
    resolver = Resolver(db.conn)
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


def _doc_order(e: Entry) -> tuple[int, int]:
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
