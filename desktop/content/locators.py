"""Compendium locators: parse `سابعاً-20`, `رابعاً-1 (د)-(و)`, `انظر الجزء ألف- سابعاً`
and resolve them to paragraph ids.

A locator is how the thematic index (and a reader) points into the
compendium: an optional part (`الجزء ألف` / `الجزء باء`), a meeting or
session ordinal (`سابعاً`, `حادي عشر`), optionally an annex (`المرفق الأول`)
and a list of labels joined by `و` with ranges (`3-7`, `(ز)-(ط)`, `31-28`
printed right to left). A list item inherits what it leaves out from the
item before it: in `4 (ب) و (و)` the `(و)` is `4 (و)`.

`parse()` is pure (no database); `resolve_locator(db, text)` turns a
locator into paragraph ids by asking the nodes and paragraphs tables.
The same grammar reads the index's "report paragraph" column, which is
a locator without part or ordinal.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field, replace
from typing import Any

from desktop.content.database import HasConnection

from desktop.content.ids import ABJAD, ORDINALS, abjad_rank

# --- tokens -----------------------------------------------------------------

_ORDINAL_WORDS = sorted(ORDINALS, key=len, reverse=True)
_ORD = "|".join(re.escape(w) for w in _ORDINAL_WORDS)
#: abjad letters as they appear inside parentheses
_LETTER = "|".join(sorted((re.escape(x) for x in ABJAD + ["ه"]), key=len, reverse=True))

_TOKEN_RE = re.compile(
    rf"""
    (?P<part>الجزء\s*(?P<partname>ألف|باء))
  | (?P<dec>(?:ال)?(?P<deckind>مقرر|قرار)\s+(?P<decnum>\d+)\s*/\s*(?P<decsession>\d+))
  | (?P<chapeau>الفقرة\s+الافتتاحية)
  | (?P<see>انظر)
  | (?P<ord>{_ORD})
  | (?P<annex>المرفق(?:ان)?(?:\s+(?P<annexord>الأول|الثاني|الثالث))?)
  | (?P<pp>ف\.د\s*(?P<ppnum>\d+))
  | (?P<numrange>(?P<n1>\d+)\s*-\s*(?P<n2>\d+)(?!\s*/))
  | (?P<num>\d+)
  | (?P<letrange>\(\s*(?P<l1>{_LETTER})\s*\)\s*-\s*\(\s*(?P<l2>{_LETTER})\s*\))
  | (?P<let>\(\s*(?P<l>{_LETTER}|[a-z]{{1,3}})\s*\))
  | (?P<brokenlet>(?<![\w(])(?P<bl>هـ|{_LETTER})\))
  | (?P<quote>'\s*(?P<q>\d+)\s*'?)
  | (?P<and>(?<![\w(])و(?=\s*(?:\d|\(|'|ف\.د|المرفق|{_ORD}|هـ\))))
  | (?P<dash>[-–:،,])
  | (?P<space>\s+)
  | (?P<other>\S)
    """,
    re.VERBOSE,
)

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
#: the label a chapeau ("الفقرة الافتتاحية") gets in a Ref's path
CHAPEAU = "الفقرة الافتتاحية"
ANNEX_ORDINALS = {"الأول": 1, "الثاني": 2, "الثالث": 3}
LABEL_KINDS = ("num", "numrange", "let", "letrange", "brokenlet", "quote", "pp")


@dataclass
class Token:
    kind: str
    text: str
    start: int
    end: int
    #: depends on kind: "part" str ("A"/"B"); "dec" (kind, session, number);
    #: "ord", "annex", "pp", "num", "quote" int; "numrange" (lo, hi) ints;
    #: "letrange" (letter, letter); "let" str; else None
    value: Any = None


def clean(text: str) -> str:
    """Normalise what extraction changed but a reader would not notice."""
    text = re.sub(r"<[^>]+>", "", text)
    text = text.replace("عاشرًا", "عاشراً").replace("\\'", "'")
    text = text.replace("\u200f", "").replace("\u200e", "")
    return text.translate(_DIGITS)


def tokenize(text: str) -> list[Token]:
    tokens = []
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup or "other"
        # lastgroup gives the innermost named group; find the outer one
        for name in ("part", "dec", "chapeau", "see", "ord", "annex", "pp", "numrange", "num",
                     "letrange", "let", "brokenlet", "quote", "and", "dash",
                     "space", "other"):
            if m.group(name) is not None:
                kind = name
                break
        tok = Token(kind, m.group(0), m.start(), m.end())
        if kind == "part":
            tok.value = "A" if m.group("partname") == "ألف" else "B"
        elif kind == "dec":
            tok.value = ("decision" if m.group("deckind") == "مقرر" else "resolution",
                         int(m.group("decsession")), int(m.group("decnum")))
        elif kind == "ord":
            tok.value = ORDINALS[m.group(0)]
        elif kind == "annex":
            tok.value = ANNEX_ORDINALS.get(m.group("annexord") or "", 0)
        elif kind == "pp":
            tok.value = int(m.group("ppnum"))
        elif kind == "numrange":
            a, b = int(m.group("n1")), int(m.group("n2"))
            tok.value = (min(a, b), max(a, b))
        elif kind == "num":
            tok.value = int(m.group(0))
        elif kind == "letrange":
            tok.value = (_norm_letter(m.group("l1")), _norm_letter(m.group("l2")))
        elif kind == "let":
            tok.value = _norm_letter(m.group("l"))
        elif kind == "brokenlet":
            tok.kind = "let"
            tok.value = _norm_letter(m.group("bl"))
        elif kind == "quote":
            tok.value = int(m.group("q"))
        tokens.append(tok)
    return tokens


def _norm_letter(letter: str) -> str:
    return "هـ" if letter == "ه" else letter


# --- parsed references --------------------------------------------------------


@dataclass(frozen=True)
class Ref:
    """One place a locator points at.

    part: "A", "B" or None (not said; the caller's context decides);
    unit: meeting or session number (None: not said);
    annex: None (not in an annex), 0 ("المرفق"), 1, 2 ("المرفق الأول" ...);
    path: label components as the paragraphs table stores them
    (("1", "(و)", "'2'"), ("ف.د 1",)); () means the whole unit/annex;
    see: the locator said `انظر` (a cross-reference to Part A).
    """

    part: str | None
    unit: int | None
    annex: int | None
    path: tuple[str, ...]
    see: bool = False
    #: ("decision"|"resolution", number) when the locator names it (`المقرر 4/3`)
    decision: tuple[str, int] | None = None


@dataclass
class Parsed:
    refs: list[Ref] = field(default_factory=list)
    #: pieces of text the grammar did not understand (kept for the report)
    leftovers: list[str] = field(default_factory=list)


def _label(kind: str, value: object) -> str:
    if kind == "num":
        return str(value)
    if kind == "let":
        return f"({value})"
    if kind == "quote":
        return f"'{value}'"
    if kind == "pp":
        return f"ف.د {value}"
    raise ValueError(kind)


def _level(kind: str) -> int:
    """Depth of a label component: number/preamble 0, letter 1, quoted number 2."""
    return {"num": 0, "numrange": 0, "pp": 0, "let": 1, "letrange": 1, "quote": 2}[kind]


@dataclass
class _Context:
    """What the labels read so far stand under (a Ref without its path)."""

    part: str | None
    unit: int | None
    annex: int | None
    see: bool = False
    decision: tuple[str, int] | None = None

    def ref(self, path: tuple[str, ...]) -> Ref:
        return Ref(self.part, self.unit, self.annex, path, self.see, self.decision)


def parse(text: str, *, part: str | None = None, unit: int | None = None,
          annex: int | None = None) -> Parsed:
    """Parse a locator (or a report-paragraph cell) into references.

    part/unit/annex give the context a bare label list lives in.
    """
    result = Parsed()
    state = _Context(part, unit, annex)
    current: list[tuple[str, Any]] = []   # (kind, Token.value) components of the item
    last_item: list[tuple[str, Any]] = []  # the item before, for what a list item omits
    anchor_open = [False]   # an ordinal/annex with no labels yet
    joined = [True]         # next label starts a new list item (after و or anchor)

    def emit_item(components: list[tuple[str, Any]]) -> None:
        # expand ranges inside the item
        paths: list[list[str]] = [[]]
        for kind, value in components:
            if kind == "numrange":
                paths = [p + [str(n)] for p in paths for n in range(value[0], value[1] + 1)]
            elif kind == "letrange":
                a, b = abjad_rank(value[0]), abjad_rank(value[1])
                lo, hi = min(a, b), max(a, b)
                paths = [p + [f"({ABJAD[r - 1]})"] for p in paths for r in range(lo, hi + 1)]
            else:
                paths = [p + [_label(kind, value)] for p in paths]
        for p in paths:
            result.refs.append(state.ref(tuple(p)))

    def flush():
        if current:
            emit_item(list(current))
            current.clear()
        elif anchor_open[0]:
            result.refs.append(state.ref(()))
        anchor_open[0] = False

    def add_label(kind, value):
        lvl = _level(kind)
        if current and not joined[0] and lvl > _level(current[-1][0]):
            current.append((kind, value))      # "1 (و) '2'": going down a level
            return
        # a new list item: keep the prefix above this level from the last item
        base = current or last_item
        prefix = [c for c in base if _level(c[0]) < lvl]
        if current:
            emit_item(list(current))
            current.clear()
        current.extend(prefix)
        current.append((kind, value))
        last_item[:] = current

    for tok in tokenize(clean(text)):
        k = tok.kind
        if k == "space" or k == "dash":
            continue
        if k == "part":
            flush()
            state.part = tok.value
            last_item.clear()
            joined[0] = True
            continue
        if k == "dec":
            flush()
            kind_, session, number = tok.value
            state.part, state.unit, state.annex = "B", session, None
            state.decision = (kind_, number)
            last_item.clear()
            anchor_open[0] = True
            joined[0] = True
            continue
        if k == "chapeau":
            if current:
                emit_item(list(current))
                current.clear()
            anchor_open[0] = False
            result.refs.append(state.ref((CHAPEAU,)))
            continue
        if k == "see":
            flush()
            state.see = True
            joined[0] = True
            continue
        if k == "ord":
            flush()
            state.unit = tok.value
            state.annex = None
            state.decision = None
            last_item.clear()
            anchor_open[0] = True
            joined[0] = True
            continue
        if k == "annex":
            if current:
                emit_item(list(current))
                current.clear()
            state.annex = tok.value
            last_item.clear()
            anchor_open[0] = True
            joined[0] = True
            continue
        if k == "and":
            joined[0] = True
            continue
        if k in ("num", "numrange", "let", "letrange", "quote", "pp"):
            anchor_open[0] = False
            add_label(k, tok.value)
            joined[0] = False
            continue
        result.leftovers.append(tok.text)
    flush()
    return result


# --- splitting merged index cells ----------------------------------------------


@dataclass
class Segment:
    kind: str   # "locator" or "report"
    text: str


def _is_label(tok: Token) -> bool:
    return tok.kind in LABEL_KINDS


def split_cell(text: str) -> list[Segment]:
    """Split one index cell into locator and report-paragraph segments.

    A locator segment starts at `الجزء`, `انظر` or an ordinal; a report
    segment is a label list without ordinal. Within a segment a label that
    follows a finished label with only a space between (no `و`, no dash)
    and does not go down a level starts a new segment: `سابعاً-8 وسابعاً-14 12 و17`
    is locator `سابعاً-8 وسابعاً-14` then report `12 و17`. After `انظر … سابعاً`
    an annex label is the report (the decision's own annex).
    Segments keep the printed text.
    """
    text = clean(text)
    tokens = tokenize(text)
    segments: list[tuple[str, int, int]] = []   # kind, start, end
    kind: str | None = None
    start = 0
    prev: Token | None = None          # previous significant token
    sep = ""             # separator text between prev and this token
    see_mode = False     # after "انظر الجزء ألف": an annex is the decision's own
    pending_and: int | None = None   # start offset of a و not yet attached

    def open_seg(new_kind: str, at: int) -> None:
        nonlocal kind, start
        if kind is not None:
            segments.append((kind, start, last_end))
        kind, start = new_kind, at

    last_end = 0
    for tok in tokens:
        if tok.kind in ("space", "dash"):
            sep += tok.text
            continue
        if tok.kind == "and":
            pending_and = tok.start
            sep += tok.text
            continue
        at = pending_and if pending_and is not None else tok.start
        joined = pending_and is not None or "-" in sep or ":" in sep
        if tok.kind == "see":
            see_mode = True
            open_seg("locator", at)
        elif tok.kind == "part":
            if kind == "locator" and prev is not None and prev.kind == "see":
                see_mode = tok.value == "A"     # "انظر الجزء ألف": back to Part A
            else:
                see_mode = False
                open_seg("locator", at)
        elif tok.kind == "ord":
            # "وسابعاً-6", "الجزء ألف سابعاً" continue a locator; a bare ordinal starts one
            if not (kind == "locator" and (joined or prev is None or prev.kind in ("part", "see"))):
                see_mode = False
                open_seg("locator", at)
        elif tok.kind == "annex":
            if (kind is None or (kind == "locator" and see_mode)
                    or (prev is not None and _is_label(prev) and (not joined or kind == "report"))):
                see_mode = False
                open_seg("report", at)
        elif _is_label(tok) or tok.kind == "other":
            if kind is None:
                open_seg("report", at)
            elif prev is not None and _is_label(prev) and not joined and _is_label(tok):
                if _level(tok.kind) <= _level(prev.kind):
                    open_seg("report", at)
        prev = tok
        sep = ""
        pending_and = None
        last_end = tok.end
    if kind is not None:
        segments.append((kind, start, last_end))
    out = []
    for k, s, e in segments:
        piece = re.sub(r"^و\s*", "", text[s:e].strip())
        if piece:
            out.append(Segment(k, piece))
    return out


def groups(text: str) -> list[str]:
    """Split a flattened locator or report cell into per-document groups.

    A new group starts where a new list starts without `و`: a new ordinal,
    `الجزء`, `انظر`, or (in a report cell) a new top-level label. `المرفق
    الأول … المرفق الثاني …` stays one group (both annexes of one resolution).
    """
    out: list[str] = []
    for seg in split_cell(text):
        out.append(seg.text)
    merged: list[str] = []
    for g in out:
        if merged:
            prev_annex = annex_number(merged[-1])
            this_annex = annex_number(g)
            if prev_annex and this_annex and this_annex == prev_annex + 1:
                merged[-1] = merged[-1] + " " + g
                continue
            # "انظر الجزء ألف- سابعاً" + "وثامناً" is one group
        merged.append(g)
    return merged


def annex_number(text: str) -> int | None:
    """The numbered annex (1, 2) a report group ends in, else None."""
    toks = [t for t in tokenize(text) if t.kind not in ("space", "dash")]
    annexes = [t.value for t in toks if t.kind == "annex"]
    return annexes[-1] if annexes and annexes[-1] else None


# --- resolving against the database ---------------------------------------------


class Resolver:
    """Answers "which paragraph is this label?" from the nodes and paragraphs tables."""

    def __init__(self, db: HasConnection):
        conn: sqlite3.Connection = db.conn
        self.meetings = {n: i for i, n in conn.execute(
            "SELECT id, number FROM nodes WHERE kind='meeting' AND document='compendium'")}
        self.sessions = {n: i for i, n in conn.execute(
            "SELECT id, number FROM nodes WHERE kind='session' AND document='compendium'")}
        # units (decisions/resolutions) by session
        self.session_units: dict[int, list[str]] = {}
        self.unit_key: dict[str, tuple[str, int, int]] = {}
        self.unit_by_key: dict[tuple[str, int, int], str] = {}
        for uid, kind, session, number in conn.execute(
                "SELECT id, kind, session, decision_number FROM nodes "
                "WHERE kind IN ('decision','resolution') AND document='compendium' ORDER BY sort"):
            self.session_units.setdefault(session, []).append(uid)
            self.unit_key[uid] = (kind, session, number)
            self.unit_by_key[(kind, session, number)] = uid
        # annex nodes: (unit, ordinal) -> node id
        self.annexes: dict[tuple[str, int], str] = {}
        for nid, parent, number in conn.execute(
                "SELECT id, parent_id, number FROM nodes WHERE kind='annex' AND document='compendium'"):
            self.annexes[(parent, number or 0)] = nid
        # paragraphs: (container, label tuple) -> id, container = annex node or unit
        self.by_label: dict[tuple[str, tuple[str, ...]], str] = {}
        self.unit_paragraphs: dict[str, list[str]] = {}
        annex_ids = set(self.annexes.values())
        parents = dict(conn.execute("SELECT id, parent_id FROM nodes"))
        for pid, node_id, unit_id, label_path, pkind in conn.execute(
                "SELECT id, node_id, unit_id, label_path, kind FROM paragraphs "
                "WHERE document='compendium' ORDER BY sort"):
            container = unit_id
            n = node_id
            while n and n != unit_id:
                if n in annex_ids:
                    container = n
                    break
                n = parents.get(n)
            path = tuple(json.loads(label_path or "[]"))
            if pkind == "chapeau":
                path = (CHAPEAU,)
            if path:
                self.by_label.setdefault((container, path), pid)
            self.unit_paragraphs.setdefault(container, []).append(pid)
            if container != unit_id:
                self.unit_paragraphs.setdefault(unit_id, []).append(pid)

    def unit_for(self, ref: Ref, default_unit: str | None = None) -> str | None:
        if ref.decision is not None:
            if ref.unit is None:    # a decision is always parsed with its session
                return None
            return self.unit_by_key.get((ref.decision[0], ref.unit, ref.decision[1]))
        if ref.unit is None:
            return default_unit
        if ref.part == "B":
            units = self.session_units.get(ref.unit, [])
            if default_unit in units:
                return default_unit
            return units[0] if len(units) == 1 else None
        return self.meetings.get(ref.unit)

    def container(self, unit: str, annex: int | None) -> str | None:
        if annex is None:
            return unit
        return self.annexes.get((unit, annex))

    def resolve_ref(self, ref: Ref, default_unit: str | None = None) -> list[str] | None:
        """Paragraph ids for one reference; None when it names nothing.

        A reference that does not say its part is tried as a Part A meeting,
        then as a Part B session.
        """
        if ref.part is None and ref.unit is not None and ref.decision is None:
            return (self.resolve_ref(replace(ref, part="A"), default_unit)
                    or self.resolve_ref(replace(ref, part="B"), default_unit))
        unit = self.unit_for(ref, default_unit)
        if unit is None:
            return None
        container = self.container(unit, ref.annex)
        if container is None:
            return None
        if not ref.path:
            ids = self.unit_paragraphs.get(container, [])
            return list(ids) or None
        pid = self.by_label.get((container, ref.path))
        return [pid] if pid else None


def resolve_locator(db: HasConnection, text: str, resolver: Resolver | None = None) -> list[str]:
    """Paragraph ids a compendium locator names (empty if it names nothing).

    `الجزء ألف سابعاً-20` -> ["A07/20"]; `ثامناً-3-7` -> A08/3..7;
    `الجزء باء ثالثاً-2 (ب)` -> ["B3-d4/2.l2"]; `انظر الجزء ألف- سابعاً` -> every
    paragraph of meeting 7. Without a part, an ordinal is a Part A meeting
    if that names a paragraph, else a Part B session (`ثالثاً-2 (ب)` ->
    decision 4/3). Unknown pieces are ignored; ids keep the locator's order.
    Pass a Resolver to answer many locators without re-reading the tables.
    """
    resolver = resolver or Resolver(db)
    parsed = parse(text)
    out: list[str] = []
    for ref in parsed.refs:
        for pid in resolver.resolve_ref(ref) or []:
            if pid not in out:
                out.append(pid)
    return out
