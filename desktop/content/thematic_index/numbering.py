"""Part A report numbering: each meeting's rule from the index's (report paragraph, compendium locator) pairs."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Iterable, TypeAlias

from desktop.content import locators as loc
from desktop.content.ids import ABJAD, abjad_rank
from desktop.content.locator_resolver import Resolver
from desktop.content.thematic_index.entries import Entry, Documents, _meeting_number

#: A label path as the paragraphs table stores it: ("13", "(أ)", "'1'")
LabelPath: TypeAlias = tuple[str, ...]
#: How a meeting's report numbers its paragraphs from the compendium's:
#: ("offset", n) adds n to the first number, ("prefix", n) puts n before the path
Rule: TypeAlias = tuple[str, int]


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


def _transform(cpath: LabelPath, rpath: LabelPath) -> Rule | None:
    if not cpath or not rpath:
        return None
    if cpath[0].isdigit() and rpath[0].isdigit() and cpath[1:] == rpath[1:]:
        return ("offset", int(rpath[0]) - int(cpath[0]))
    if not cpath[0].isdigit() and rpath[0].isdigit() and rpath[1:] == cpath:
        return ("prefix", int(rpath[0]))
    return None


def apply_transform(rule: Rule, cpath: LabelPath) -> LabelPath | None:
    """Report label path of a compendium label path under a meeting's rule."""
    kind, value = rule
    if kind == "offset" and cpath and cpath[0].isdigit():
        return (str(int(cpath[0]) + value),) + cpath[1:]
    if kind == "prefix" and cpath and not cpath[0].isdigit() and not cpath[0].startswith("ف.د"):
        return (str(value),) + cpath
    return None


def invert_transform(rule: Rule, rpath: LabelPath) -> LabelPath | None:
    kind, value = rule
    if not rpath or not rpath[0].isdigit():
        return None
    if kind == "offset":
        return (str(int(rpath[0]) - value),) + rpath[1:]
    if kind == "prefix" and int(rpath[0]) == value and len(rpath) > 1:
        return rpath[1:]
    return None


def numbering_rules(entries: Iterable[Entry]) -> tuple[
        dict[int, Rule], dict[tuple[int, LabelPath], LabelPath],
        list[tuple[Entry, LabelPath, LabelPath]], defaultdict[int, Counter[Rule | None]]]:
    """Each meeting's report numbering rule, by majority over the index's pairs.

    Returns (rules {meeting: rule}, observed {(meeting, cpath): rpath},
    outliers [(entry, cpath, rpath)]).
    """
    votes: defaultdict[int, Counter[Rule | None]] = defaultdict(Counter)   # meeting -> rule -> n
    pairs = []
    for e in entries:
        # a row whose meeting is not in the database has no rule to vote for
        # (it stays unresolved; _meeting_number would fail on it)
        if e.duplicate_line or e.unit_id is None:
            continue
        for cpath, rpath in _part_a_pairs(e):
            m = _meeting_number(e.unit_id)
            rule = _transform(cpath, rpath)
            votes[m][rule] += 1
            pairs.append((e, m, cpath, rpath, rule))
    rules = {}
    for meeting, counter in votes.items():
        best, n = max(((r, c) for r, c in counter.items() if r is not None),
                      key=lambda x: x[1], default=(None, 0))
        if best is not None:
            rules[meeting] = best
    observed = {}
    outliers = []
    for e, m, cpath, rpath, rule in pairs:
        if rules.get(m) == rule:
            observed[(m, cpath)] = rpath
        else:
            outliers.append((e, cpath, rpath))
    return rules, observed, outliers, votes


def annex_offsets(entries: Iterable[Entry], docs: Documents,
                  resolver: Resolver) -> dict[str, int]:
    """Offset between an annex's numbers and its meeting's (resolution 4/8: +1).

    Decided by the index itself: for each theme, the annex numbers of the
    COP row are compared with the meeting's paragraph numbers in the same
    theme's Working Group rows; the offset that matches most wins.
    """
    # theme -> meeting -> numbers
    by_theme: defaultdict[str, defaultdict[int | None, set[int]]] = defaultdict(lambda: defaultdict(set))
    annex_rows: list[tuple[Entry, str]] = []     # (entry, its decision)
    for e in entries:
        if e.duplicate_line or not e.unit_id:
            continue
        if e.part == "A" and e.locator:
            m = _meeting_number(e.unit_id)
            for r in loc.parse(e.locator, part="A").refs:
                if r.path and r.path[0].isdigit():
                    by_theme[e.theme][m].add(int(r.path[0]))
        elif e.part == "B" and e.report:
            annex_rows.append((e, e.unit_id))
    votes: defaultdict[str, Counter[int]] = defaultdict(Counter)   # annex -> offset -> n
    for e, unit_id in annex_rows:
        for r in loc.parse(e.report).refs:
            if r.annex is None or not r.path or not r.path[0].isdigit():
                continue
            annex = resolver.container(unit_id, r.annex)
            meeting = docs.annex_meeting.get(annex) if annex is not None else None
            if annex is None or meeting is None:
                continue
            numbers = by_theme[e.theme].get(meeting, set())
            for d in range(-3, 4):
                if int(r.path[0]) - d in numbers:
                    votes[annex][d] += 1
    return {annex: counter.most_common(1)[0][0] for annex, counter in votes.items()}
