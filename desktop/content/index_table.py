"""Read the thematic index table (`الفهرس المواضيعي`) at the end of the compendium.

The table was extracted from a PDF and its layout is damaged: the column
order changes from page to page (some pages are mirrored), headers repeat,
a page may print all its locators first and the report paragraphs after
them, cells of several rows are flattened into one line, and the report
paragraph and locator columns are merged or swapped. So cells are
recognised by what they hold, not by where they stand:

- a symbol cell holds `CTOC/...` symbols, a decision cell `المقرر 4/3`;
- a reference cell is made only of locator grammar (desktop.content.locators);
  it is split into locator groups (with an ordinal or `انظر`) and report
  groups (bare labels);
- anything else is a theme label (`(تابع)` marks a continued theme).

The result is one `IndexRow` per theme x document, with the text of its
report paragraphs and locator as printed, and notes on how it was recovered.
Resolution against paragraphs happens in desktop.content.thematic_index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.content import index_cells, locators as loc

INDEX_HEADING = "الفهرس المواضي"   # printed "المواضيي" in the source (a dropped ع)
CONTINUED = "(تابع)"

_HEADER_WORDS = ("رمز الوثيقة", "الموضوع", "تقرير الاجتماع", "القرار/المقرر",
                 "القرارات/المقرر", "الفقرات بما فيها", "المقررات بما فيها",
                 "في الخلاصة (")
_SYMBOL_RE = re.compile(r"CTOC/[A-Za-z0-9./]+(?:\s*-\s*CTOC/[A-Za-z0-9./]+)?")
_DECISION_RE = re.compile(r"(المقرر|القرار)\s+(\d+)/(\d+)")
_PART_MARKERS = {"الجزء ألف", "الجزء باء"}


@dataclass
class IndexRow:
    """One document listed under one theme, as the index prints it."""

    theme: str | None            # the theme label in force at this row (positional)
    theme_line: int | None       # the line that label stands on
    symbol: str | None           # document symbol, spaces removed around "-"
    decision: str | None         # "المقرر 4/3" / "القرار 3/7" as printed, or None
    report_groups: list[str] = field(default_factory=list)
    locator_groups: list[str] = field(default_factory=list)
    line: int = 0                # the line that carries the row's document
    lines: list[int] = field(default_factory=list)  # every line a cell came from
    notes: list[str] = field(default_factory=list)  # how the row was recovered
    slots: int = 0               # report lines still expected (split pages)
    unit_hint: tuple[str, int] | None = None  # ("A", 7) when the document cell was lost

    @property
    def report(self) -> str:
        return " ".join(self.report_groups)

    @property
    def locator(self) -> str:
        return " ".join(self.locator_groups)


def normalize_symbol(symbol: str) -> str:
    return re.sub(r"\s*-\s*", "-", symbol.strip())


def decision_key(decision: str) -> tuple[str, int, int] | None:
    """("decision"|"resolution", session, number) of `المقرر 4/3` (session 3, number 4)."""
    m = _DECISION_RE.search(decision or "")
    if not m:
        return None
    kind = "decision" if m.group(1) == "المقرر" else "resolution"
    return kind, int(m.group(3)), int(m.group(2))


def _is_header(cell: str) -> bool:
    return any(w in cell for w in _HEADER_WORDS)


def _is_reference(cell: str) -> bool:
    toks = [t for t in loc.tokenize(cell) if t.kind not in ("space", "dash")]
    return bool(toks) and all(t.kind != "other" for t in toks)


def _classify(cell: str) -> tuple[str | None, str | list[str] | None]:
    cell = loc.clean(cell).strip()
    if not cell:
        return None, None
    if _is_header(cell):
        return "header", cell
    if cell in _PART_MARKERS:
        return "part", cell
    if _SYMBOL_RE.search(cell) and not _SYMBOL_RE.sub("", cell).strip(" -"):
        return "symbols", [normalize_symbol(s) for s in _SYMBOL_RE.findall(cell)]
    if _DECISION_RE.search(cell) and not _DECISION_RE.sub("", cell).strip():
        return "decisions", [m.group(0) for m in _DECISION_RE.finditer(cell)]
    if _is_reference(cell):
        return "refs", cell
    return "theme", cell


def _cell_groups(cell: str) -> list[index_cells.Segment]:
    """Segments of a reference cell, with both annexes of one resolution kept together."""
    out: list[index_cells.Segment] = []
    for seg in index_cells.split_cell(cell):
        if out and out[-1].kind == seg.kind == "report":
            prev_annex = index_cells.annex_number(out[-1].text)
            this_annex = index_cells.annex_number(seg.text)
            if prev_annex and this_annex and this_annex == prev_annex + 1:
                out[-1] = index_cells.Segment("report", out[-1].text + " " + seg.text)
                continue
        out.append(seg)
    return out


def _group_units(group: str) -> list[int]:
    """Ordinals (meeting/session numbers) a locator group names."""
    return [t.value for t in loc.tokenize(group) if t.kind == "ord"]


def _slots(group: str) -> int:
    """How many report cells a locator group stands for on a split page."""
    toks = loc.tokenize(group)
    if any(t.kind == "see" for t in toks):
        return max(1, sum(1 for t in toks if t.kind == "ord"))
    return 1


def find_index(lines: list[str]) -> int:
    """0-based line index of the table's heading; ValueError if absent."""
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].strip().startswith(INDEX_HEADING):
            return i
    raise ValueError("the thematic index heading was not found")


def parse_index(text: str, units: dict[str, tuple[str, int]] | None = None) -> list[IndexRow]:
    """Rows of the thematic index in printed order.

    units maps a document symbol to ("A", meeting) or ("B", session); with
    it, a locator group that names another meeting than its row's
    document is moved to the row it belongs to (or becomes a row of its
    own when its document cell was lost).
    """
    units = units or {}
    lines = text.split("\n")
    start = find_index(lines)
    rows: list[IndexRow] = []
    theme: str | None = None
    theme_line: int | None = None
    queue: list[IndexRow] = []          # rows waiting for their report cells
    seen_header = False

    for idx in range(start + 1, len(lines)):
        lineno = idx + 1
        raw = lines[idx]
        if raw.startswith("#"):
            break                       # back cover
        kinds: dict[str, list] = {"theme": [], "symbols": [], "decisions": [], "refs": []}
        header = False
        for cell in raw.split("\t"):
            kind, value = _classify(cell)
            if kind == "header":
                header = True
            elif kind in kinds:
                kinds[kind].append(value)
        if header:
            seen_header = True
            queue.clear()
        if not seen_header or raw.strip().startswith("ملاحظة"):
            continue
        for label in kinds["theme"]:
            theme = label.replace(CONTINUED, "").strip()
            theme_line = lineno
        symbols = [s for cell in kinds["symbols"] for s in cell]
        decisions = [d for cell in kinds["decisions"] for d in cell]
        segs = [s for cell in kinds["refs"] for s in _cell_groups(cell)]
        locs = [s.text for s in segs if s.kind == "locator"]
        reps = [s.text for s in segs if s.kind == "report"]

        if not symbols and not decisions:
            if not segs:
                continue
            if not locs and reps:
                # a split page: report cells follow their rows in order
                for rep in reps:
                    repeated = next((r for r in reversed(rows[-12:]) if rep in r.report_groups), None)
                    if not queue and repeated is not None:
                        repeated.lines.append(lineno)
                        repeated.notes.append(f"report cell repeated on line {lineno}")
                        continue
                    if not queue:
                        rows.append(IndexRow(theme, theme_line, None, None, [rep], [], lineno,
                                             [lineno], ["report cell with no row"]))
                        continue
                    row = queue[0]
                    row.report_groups.append(rep)
                    row.lines.append(lineno)
                    row.slots -= 1
                    if row.slots <= 0:
                        queue.pop(0)
                continue
            rows.append(IndexRow(theme, theme_line, None, None, reps, locs, lineno, [lineno],
                                 ["row with no document cell"]))
            continue

        n = max(len(symbols), len(decisions))
        docs = []
        for i in range(n):
            docs.append(IndexRow(theme, theme_line,
                                 symbols[i] if i < len(symbols) else None,
                                 decisions[i] if i < len(decisions) else None,
                                 line=lineno, lines=[lineno]))
        if n > 1:
            for d in docs:
                d.notes.append(f"one of {n} rows flattened into line {lineno}")
        extra = _distribute(docs, locs, reps, units, rows, queue, lineno)
        for d in docs + extra:
            rows.append(d)
            if d.locator_groups and not d.report_groups:
                d.slots = sum(_slots(g) for g in d.locator_groups)
                queue.append(d)
    return rows


def _doc_unit(row: IndexRow, units: dict[str, tuple[str, int]]) -> tuple[str, int] | None:
    if row.decision:
        key = decision_key(row.decision)
        return ("B", key[1]) if key else None
    return units.get(row.symbol) if row.symbol else None


def _distribute(docs: list[IndexRow], locs: list[str], reps: list[str],
                units: dict[str, tuple[str, int]],
                rows: list[IndexRow], queue: list[IndexRow], lineno: int) -> list[IndexRow]:
    """Give each document of a line its locator and report groups.

    Returns rows recovered for documents whose cell was lost.
    """
    extra: list[IndexRow] = []
    if len(docs) == 1:
        doc = docs[0]
        unit = _doc_unit(doc, units)
        aligned = len(reps) == len(locs)      # one report group per locator group
        for i, g in enumerate(locs):
            rep = [reps[i]] if aligned else []
            ords = _group_units(g)
            see = any(t.kind == "see" for t in loc.tokenize(g))
            # the part of the unit the group names when that is not the row's own unit
            other = unit[0] if unit and ords and not see and ords[0] != unit[1] else None
            prev = rows[-1] if rows else None
            if other == "B" and prev and _doc_unit(prev, units) == ("B", ords[0]):
                # `سادساً- المرفق- …` printed in the cell of the row below (line 681)
                prev.locator_groups.append(g)
                prev.report_groups.extend(rep)
                prev.lines.append(lineno)
                prev.notes.append(f"locator group {g!r} recovered from line {lineno}")
                if prev in queue and not rep:
                    prev.slots += 1
            elif other == "A" and len(locs) > 1 and len(set(ords)) == 1:
                # a whole group for another meeting: its document cell was lost (line 877)
                orphan = IndexRow(doc.theme, doc.theme_line, None, None, rep, [g], lineno,
                                  [lineno], [f"document cell lost; meeting {ords[0]} read "
                                             "from the locator"])
                orphan.unit_hint = ("A", ords[0])
                extra.append(orphan)
            else:
                doc.locator_groups.append(g)
                doc.report_groups.extend(rep)
        if not aligned:
            doc.report_groups.extend(reps)
        return extra
    # several documents flattened into one line
    if len(locs) == len(docs):
        for d, g in zip(docs, locs):
            d.locator_groups.append(g)
    else:
        for g in locs:
            ords = _group_units(g)
            target = next((d for d in docs if ords and _doc_unit(d, units) == ("A", ords[0])), None)
            (target or docs[-1]).locator_groups.append(g)
            if target is None:
                docs[-1].notes.append(f"locator group {g!r} placed by position")
    if len(reps) == len(docs):
        for d, r in zip(docs, reps):
            d.report_groups.append(r)
    else:
        for i, r in enumerate(reps):
            docs[min(i, len(docs) - 1)].report_groups.append(r)
        docs[0].notes.append(f"{len(reps)} report groups for {len(docs)} documents: placed by position")
    return extra
