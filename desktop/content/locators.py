"""Compendium locators: parse `سابعاً-20`, `رابعاً-1 (د)-(و)`, `انظر الجزء ألف- سابعاً`
and resolve them to paragraph ids.

A locator is how the thematic index (and a reader) points into the
compendium: an optional part (`الجزء ألف` / `الجزء باء`), a meeting or
session ordinal (`سابعاً`, `حادي عشر`), optionally an annex (`المرفق الأول`)
and a list of labels joined by `و` with ranges (`3-7`, `(ز)-(ط)`, `31-28`
printed right to left). A list item inherits what it leaves out from the
item before it: in `4 (ب) و (و)` the `(و)` is `4 (و)`.

`parse()` is pure (no database); desktop.content.locator_resolver turns a
locator into paragraph ids by asking the nodes and paragraphs tables.
The same grammar reads the index's "report paragraph" column, which is
a locator without part or ordinal, and splits its merged cells
(desktop.content.index_cells).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from desktop.content.ids import (ABJAD, LABEL_LEVELS, LETTER, NUMBER, ORDINALS, PREAMBLE, QUOTED,
                                 abjad_rank, printed_label)

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
  | (?P<preamble>ف\.د\s*(?P<preamble_number>\d+))
  | (?P<number_range>(?P<n1>\d+)\s*-\s*(?P<n2>\d+)(?!\s*/))
  | (?P<number>\d+)
  | (?P<letter_range>\(\s*(?P<l1>{_LETTER})\s*\)\s*-\s*\(\s*(?P<l2>{_LETTER})\s*\))
  | (?P<letter>\(\s*(?P<l>{_LETTER}|[a-z]{{1,3}})\s*\))
  | (?P<broken_letter>(?<![\w(])(?P<bl>هـ|{_LETTER})\))
  | (?P<quoted>'\s*(?P<q>\d+)\s*'?)
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
#: Token kinds of labels: the label kinds of desktop.content.ids, and ranges
#: of numbers and letters (a broken letter `ب)` is read as a LETTER).
NUMBER_RANGE = f"{NUMBER}_range"
LETTER_RANGE = f"{LETTER}_range"
LABEL_KINDS = (NUMBER, NUMBER_RANGE, LETTER, LETTER_RANGE, "broken_letter", QUOTED, PREAMBLE)


@dataclass
class Token:
    kind: str
    text: str
    start: int
    end: int
    #: depends on kind: "part" str ("A"/"B"); "dec" (kind, session, number);
    #: "ord", "annex", "preamble", "number", "quoted" int; "number_range" (lo, hi) ints;
    #: "letter_range" (letter, letter); "letter" str; else None
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
        for name in ("part", "dec", "chapeau", "see", "ord", "annex", PREAMBLE, NUMBER_RANGE, NUMBER,
                     LETTER_RANGE, LETTER, "broken_letter", QUOTED, "and", "dash",
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
        elif kind == PREAMBLE:
            tok.value = int(m.group("preamble_number"))
        elif kind == NUMBER_RANGE:
            a, b = int(m.group("n1")), int(m.group("n2"))
            tok.value = (min(a, b), max(a, b))
        elif kind == NUMBER:
            tok.value = int(m.group(0))
        elif kind == LETTER_RANGE:
            tok.value = (_norm_letter(m.group("l1")), _norm_letter(m.group("l2")))
        elif kind == LETTER:
            tok.value = _norm_letter(m.group("l"))
        elif kind == "broken_letter":
            tok.kind = LETTER
            tok.value = _norm_letter(m.group("bl"))
        elif kind == QUOTED:
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


def label_level(kind: str) -> int:
    """Depth of a label component: number/preamble 0, letter 1, quoted number 2
    (a range is at its ends' level)."""
    return LABEL_LEVELS[kind.removesuffix("_range")]


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
            if kind == NUMBER_RANGE:
                paths = [p + [str(n)] for p in paths for n in range(value[0], value[1] + 1)]
            elif kind == LETTER_RANGE:
                a, b = abjad_rank(value[0]), abjad_rank(value[1])
                lo, hi = min(a, b), max(a, b)
                paths = [p + [printed_label(LETTER, ABJAD[r - 1])] for p in paths
                         for r in range(lo, hi + 1)]
            else:
                paths = [p + [printed_label(kind, value)] for p in paths]
        for p in paths:
            result.refs.append(state.ref(tuple(p)))

    def emit_current() -> bool:
        """Emit the item being read, if any; whether there was one."""
        if not current:
            return False
        emit_item(list(current))
        current.clear()
        return True

    def flush() -> None:
        if not emit_current() and anchor_open[0]:
            result.refs.append(state.ref(()))
        anchor_open[0] = False

    def open_anchor() -> None:
        """An ordinal, decision or annex: labels after it start a new list."""
        last_item.clear()
        anchor_open[0] = True
        joined[0] = True

    def add_label(kind: str, value: str) -> None:
        lvl = label_level(kind)
        if current and not joined[0] and lvl > label_level(current[-1][0]):
            current.append((kind, value))      # "1 (و) '2'": going down a level
            return
        # a new list item: keep the prefix above this level from the last item
        base = current or last_item
        prefix = [c for c in base if label_level(c[0]) < lvl]
        emit_current()
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
            open_anchor()
            continue
        if k == "chapeau":
            emit_current()
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
            open_anchor()
            continue
        if k == "annex":
            emit_current()
            state.annex = tok.value
            open_anchor()
            continue
        if k == "and":
            joined[0] = True
            continue
        if k in LABEL_KINDS:
            anchor_open[0] = False
            add_label(k, tok.value)
            joined[0] = False
            continue
        result.leftovers.append(tok.text)
    flush()
    return result
