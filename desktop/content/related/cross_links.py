"""Links across the five documents: compendium, COP 12 report, COP 10 note,
COP 6 agenda and the migrant-smuggling report.

A reference to a decision or resolution is identified by body, kind
(``قرار`` resolution, ``مقرر`` decision), session and number. In logical
Arabic ``a/b`` is number a of session b (English b/a): ``المقرر 6/2`` is
decision 2/6, node B2-d6. Pitfalls this module handles:

- COP 12 has both a resolution and a decision 12/1 and 12/2: the kind decides.
- ``المقرر`` also means "scheduled" (``ومن المقرر أن``) and "rapporteur"
  (``المقرر: يامن يسوف``): only a keyword followed by a number a/b counts.
- Enumerations inherit the first keyword and body:
  ``قراراته 4/5 ...، و2/6 ...، و2/7`` are three COP resolutions.
- Other bodies: the General Assembly, ECOSOC, the CCPCJ (``وقرارها`` after a
  CCPCJ resolution is the Commission's again) and the UNCAC Conference.
  Their references are kept as external references, never linked.
- A firearms decision never links to the technical-assistance resolution
  that shares its digits: ``مقرره 6/4`` (decision 4/6, firearms) is not
  ``القرار 4/6`` (resolution 6/4, B6-r4), and ``قراراته ... و2/6``
  (resolution 6/2) is not ``المقرر 6/2`` (decision 2/6, B2-d6): the lookup
  is by kind, session and number, never by digits alone.
- Document symbols (``CTOC/COP/WG.7/2020/4``) link to the document or meeting
  that carries that symbol. A session's symbol is the report of the whole
  session, which no document here holds (only decisions drawn from it): it
  stays an external reference, never a link into one of its decisions.

Every mention whose target is in the database becomes a row of `links`
(from_id, to_id: paragraph ids; kind; text: the words as printed); the
rest go to `external_refs` with what identifies them. The endorsement links
of the supplement (meetings 14/15 <-> resolution 12/2) and the links from
each supplement paragraph to the COP 12 report paragraph it reproduces are
written here too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator
import re
from dataclasses import dataclass

from desktop.content import links as links_stage
from desktop.content import mentions as shared_mentions
from desktop.content import schema
from desktop.content.build import Finding

if TYPE_CHECKING:
    import sqlite_utils

    from desktop.content.model import Parsed
    from desktop.content.related.supplement import Supplement

STAGE = "related-links"
SOURCE = "related"
ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
OWN_DOCUMENTS = ("cop12-report", "cop10-note", "cop6-agenda", "som-wg-2020")

#: Bodies named between the keyword and the number. None of them is the COP,
#: except the first three phrases.
BODIES = [
    ("cop", "مؤتمر الأطراف في الاتفاقية"),
    ("cop", "مؤتمر الأطراف"),
    ("cop", "المؤتمر"),
    ("uncac", "مؤتمر الدول الأطراف في اتفاقية الأمم المتحدة لمكافحة الفساد"),
    ("ga", "الجمعية العامة"),
    ("ecosoc", "المجلس الاقتصادي والاجتماعي"),
    ("ccpcj", "لجنة منع الجريمة والعدالة الجنائية"),
]
BODY_NAMES = {"cop": "مؤتمر الأطراف", "uncac": "مؤتمر الدول الأطراف في اتفاقية مكافحة الفساد",
              "ga": "الجمعية العامة", "ecosoc": "المجلس الاقتصادي والاجتماعي",
              "ccpcj": "لجنة منع الجريمة والعدالة الجنائية", "other": "هيئة أخرى"}

_LETTER = "\u0600-\u06ff"
_KEYWORD = re.compile(
    rf"(?<![{_LETTER}])(?:و|ف|ب|ل|وب|ول|لل|ولل)?(?:ال)?(?P<stem>قرار|مقرر|مقرّر|قرّار)"
    rf"(?P<suffix>ات|اته|اتها|ه|ها|يه|ي)?(?![{_LETTER}])")
_BODY = re.compile(r"\s+(" + "|".join(re.escape(p) for _, p in BODIES) + r")")
_NUMBER = re.compile(r"\s+([0-9٠-٩]+)/([0-9٠-٩]+)(?![0-9٠-٩/])")
_CONTINUATION = re.compile(rf"(?<![{_LETTER}0-9/])و\s?([0-9٠-٩]+)/([0-9٠-٩]+)(?![0-9٠-٩/])")
_STOP = re.compile(r"[؛.](?:\s|$)")
_SYMBOL = re.compile(r"(?<![A-Za-z/])(?:CTOC|A)/[A-Za-z0-9./]+[A-Za-z0-9]")


@dataclass
class Mention:
    body: str               # "cop", "ga", "ecosoc", "ccpcj", "uncac", "symbol"
    kind: str               # "resolution", "decision" or "document" (a symbol)
    session: int | None
    number: int | None
    start: int
    end: int
    text: str               # the words as printed
    symbol: str | None = None


def _int(digits: str) -> int:
    return int(digits.translate(ARABIC_DIGITS))


def find_mentions(text: str, order: str = "logical") -> list[Mention]:
    """desktop.content.mentions.find_mentions, extended for these documents.

    The shared finder gives the decision and resolution mentions of logical
    text; this module adds what the related documents need beyond it: the
    ``للقرار`` form, the UNCAC Conference and the CCPCJ as bodies (and
    ``قرارها`` resolved to the body named just before), document symbols,
    and the COP 6 agenda's visual-order digits. Where both find the same
    words, the shared finder's reading stands unless this one names a
    specific other body.
    """
    if order != "logical":
        return _find_visual(text)
    own = _find_own(text, order)
    shared = [m for m in shared_mentions.find_mentions(text)
              if m.kind in ("decision", "resolution")]
    out: list[Mention] = []
    for sm in shared:
        mine = next((m for m in own if m.kind == sm.kind and m.start < sm.end
                     and sm.start < m.end and (m.session, m.number) == (sm.session, sm.number)),
                    None)
        body = mine.body if mine is not None and mine.body not in ("cop", "other") else sm.body
        out.append(Mention(body, sm.kind, sm.session, sm.number, sm.start, sm.end, sm.text))
    for m in own:
        if not any(m.start < o.end and o.start < m.end for o in out):
            out.append(m)
    out.sort(key=lambda m: m.start)
    return out


def _find_own(text: str, order: str = "logical") -> list[Mention]:
    """Every reference to a decision, resolution or document symbol in `text`.

    order "logical": ``a/b`` is number a of session b (all logical-order
    Arabic text); order "visual": the digits are stored session/number (the
    COP 6 agenda, extracted in visual order).
    """
    found: list[Mention] = []
    keywords = list(_KEYWORD.finditer(text))
    previous_body = None
    for i, kw in enumerate(keywords):
        kind = "resolution" if kw.group("stem").replace("ّ", "") == "قرار" else "decision"
        pos = kw.end()
        body = "cop"
        named = _BODY.match(text, pos)
        if named:
            body = next(b for b, phrase in BODIES if phrase == named.group(1))
            pos = named.end()
        elif kw.group("suffix") in ("ها", "اتها"):
            # "قرارها" is never the Conference's (مؤتمر is masculine): the body
            # named just before ("الجمعية العامة، في قرارها 47/78"), or the one
            # of the previous mention ("وقرارها 1/23" after a CCPCJ resolution)
            before = text[max(0, kw.start() - 80):kw.start()]
            named_before = [(before.rfind(phrase), b) for b, phrase in BODIES[3:]
                            if phrase in before]
            if named_before:
                body = max(named_before)[1]
            elif previous_body not in (None, "cop"):
                body = previous_body
            else:
                body = "other"
        number = _NUMBER.match(text, pos)
        if not number:
            continue                        # "ومن المقرر أن", "المقرر:", "مشروع مقرر"
        a, b = _int(number.group(1)), _int(number.group(2))
        num, session = (a, b) if order == "logical" else (b, a)
        found.append(Mention(body, kind, session, num, kw.start(), number.end(),
                             text[kw.start():number.end()]))
        previous_body = body
        # enumerations: "، و2/6 ...، و2/7" up to the next keyword or sentence end
        limit = keywords[i + 1].start() if i + 1 < len(keywords) else len(text)
        stop = _STOP.search(text, number.end())
        if stop and stop.start() < limit:
            limit = stop.start()
        for cont in _CONTINUATION.finditer(text, number.end(), limit):
            a, b = _int(cont.group(1)), _int(cont.group(2))
            num, session = (a, b) if order == "logical" else (b, a)
            found.append(Mention(body, kind, session, num, cont.start(), cont.end(),
                                 text[cont.start():cont.end()]))
    for sym in _SYMBOL.finditer(text):
        found.append(Mention("symbol", "document", None, None, sym.start(), sym.end(),
                             sym.group(0), symbol=sym.group(0)))
    found.sort(key=lambda m: m.start)
    return found


_VISUAL_NUMBER = re.compile(r"(?<![0-9/])([0-9]+)/([0-9]+)(?![0-9/])")
_FOLD = re.compile("[\u064b-\u0652\u0640]")
_VISUAL_RESOLUTION = re.compile(r"^(?:و|ف|ب|ل|لل|في)?(?:ال)?قرا(?:ر|ره|رها|راته)?$")
#: "مقرَّرعدّل": the extraction glues the next word on, so a decision may run on
_VISUAL_DECISION = re.compile(r"^(?:ه|و|ب|ل)?(?:ه)?مق(?:$|ر$|رر)")


def _find_visual(text: str) -> list[Mention]:
    """Mentions in the COP 6 agenda as repaired: its digit runs are back in
    logical order (``1/5`` = number 1 of session 5), but the words of each run
    still stand in visual order, so the keyword follows the number
    (``1/5 قراره``, ``6/5 وطلب المؤتمر في قراره``, ``3/4 مق``) and may be cut
    by the extraction (``ه مقرَّر``, ``همق``). The verb ``وقرَّر`` ("decided")
    is not a keyword: a decision needs the م of مقرر."""
    found = []
    for m in _VISUAL_NUMBER.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if b == 0 or a == 0:
            continue                        # times of day: 10/00
        words = [_FOLD.sub("", w).strip("،,.؛:()\"") for w in text[m.end():].split()[:6]]
        kind = None
        for w in words:
            if _VISUAL_RESOLUTION.match(w):
                kind = "resolution"
                break
            if _VISUAL_DECISION.match(w):
                kind = "decision"
                break
        if kind is None:
            continue
        window = _FOLD.sub("", text[m.end():m.end() + 60])
        body = next((b_ for b_, phrase in BODIES[3:] if phrase in window), "cop")
        found.append(Mention(body, kind, b, a, m.start(), m.end(), m.group(0)))
    for sym in _SYMBOL.finditer(text):
        found.append(Mention("symbol", "document", None, None, sym.start(), sym.end(),
                             sym.group(0), symbol=sym.group(0)))
    found.sort(key=lambda x: x.start)
    return found


@dataclass
class ExternalRef:
    paragraph_id: str
    citation: str
    body: str
    kind: str               # "decision", "resolution" or "document"
    session: int | None
    number: int | None
    text: str
    source_line: int | None


class Result:
    def __init__(self) -> None:
        self.links: list[dict] = []
        self.external: list[ExternalRef] = []


def _targets(db: sqlite_utils.Database) -> tuple[dict, dict, dict]:
    """Where mentions lead: (body, kind, session, number) -> (first paragraph,
    unit node); the same for the supplement's copies in the compendium's tree;
    symbol -> (first paragraph, node or None, document)."""
    units: dict = {}
    supplement_units: dict = {}
    first: dict[str, str] = {}
    for row in db.query("SELECT unit_id, node_id, id FROM paragraphs ORDER BY sort"):
        first.setdefault(row["unit_id"], row["id"])
        first.setdefault(row["node_id"], row["id"])
    for row in db.query(
            "SELECT id, kind, session, decision_number, document FROM nodes "
            "WHERE kind IN ('decision', 'resolution') ORDER BY sort"):
        key = ("cop", row["kind"], row["session"], row["decision_number"])
        if row["id"] not in first:
            continue
        target = (first[row["id"]], row["id"])
        if row["id"].startswith("cop12:"):
            units[key] = target
        else:
            supplement_units[key] = target
            units.setdefault(key, target)
    symbols: dict = {}
    for row in db.query("SELECT id, symbol FROM documents WHERE symbol IS NOT NULL ORDER BY sort"):
        para = db.execute("SELECT id FROM paragraphs WHERE document = ? ORDER BY sort LIMIT 1",
                          [row["id"]]).fetchone()
        if para:
            symbols.setdefault(row["symbol"], (para[0], None, row["id"]))
    for row in db.query("SELECT id, symbol, document FROM nodes WHERE kind IN ('meeting', 'session') "
                        "AND symbol IS NOT NULL ORDER BY sort"):
        # A meeting's symbol is its report, whose recommendations ARE the unit: link
        # to its first paragraph. A session's symbol is the report of the whole
        # session (CTOC/COP/2010/17 is the report of session 5); its paragraphs sit
        # in its decisions, and the first of them (resolution 5/6's opening
        # paragraph) is not that report: the mention stays an external reference.
        start = first.get(row["id"])
        if start:
            for sym in row["symbol"].split("-CTOC"):
                sym = sym if sym.startswith("CTOC") else "CTOC" + sym
                symbols.setdefault(sym, (start, row["id"], row["document"]))
    return units, supplement_units, symbols


def _link(from_id: str, to_id: str, kind: str, text: str | None, line: int | None,
          from_node: str | None = None, to_node: str | None = None) -> dict:
    return links_stage._link(from_id, to_id, kind, text, line, from_node, to_node, source=SOURCE)


_ENDORSES = re.compile(r"^\S*\s+(?:أيضا\s+)?التوصيات")


def build(db: sqlite_utils.Database, cop10: Parsed, cop12: Parsed, sup: Supplement) -> Result:
    result = Result()
    units, supplement_units, symbols = _targets(db)
    rows = [dict(r) for r in db.query(
        f"SELECT id, document, part, unit_id, text, citation, source_line FROM paragraphs "
        f"WHERE document IN ({','.join('?' * len(OWN_DOCUMENTS))}) ORDER BY sort",
        list(OWN_DOCUMENTS))]
    # footnotes speak for the paragraph that carries their marker
    # (footnote 7 of the COP 12 report: "CTOC/COP/WG.2/2023/4" -> meeting 14)
    by_id = {r["id"]: r for r in rows}
    notes = [dict(by_id[f["paragraph_id"]], text=f["text"]) for f in db.query(
        f"SELECT paragraph_id, text FROM footnotes WHERE document IN "
        f"({','.join('?' * len(OWN_DOCUMENTS))}) ORDER BY document, number",
        list(OWN_DOCUMENTS)) if f["paragraph_id"] in by_id]
    seen = set()
    line_of: dict[str, int | None] = {}
    for row in rows + notes:
        line_of.setdefault(row["id"], row["source_line"])
        order = "visual" if row["document"] == "cop6-agenda" else "logical"
        for m in find_mentions(row["text"] or "", order):
            target = None
            kind = ""                       # set with every target below
            if m.kind == "document":
                para, node, document = symbols.get(m.symbol, (None, None, None))
                if node is None and document == row["document"]:
                    continue                # a document naming itself
                target = (para, node) if para else None
                kind = "mention_document"
            elif m.body == "cop":
                key = ("cop", m.kind, m.session, m.number)
                # in the compendium's tree (the supplement), stay in that tree
                target = (row["part"] and supplement_units.get(key)) or units.get(key)
                kind = "mention_decision"
            if target and target[1] == row["unit_id"]:
                continue                    # a text naming itself ("هذا القرار")
            if target:
                seen_key = (row["id"], target[0], m.text)
                if seen_key not in seen:
                    seen.add(seen_key)
                    result.links.append(_link(row["id"], target[0], kind, m.text,
                                              row["source_line"], to_node=target[1]))
            else:
                result.external.append(ExternalRef(
                    row["id"], row["citation"], m.body, m.kind, m.session, m.number,
                    m.text, row["source_line"]))
    for note_id, operative_id, _annex in sup.endorsements:
        meeting = note_id.split("/")[0]
        operatives = [operative_id]
        if sup.same_text.get(operative_id):
            operatives.append(sup.same_text[operative_id])
        for op in operatives:
            text = db.execute("SELECT text FROM paragraphs WHERE id = ?", [op]).fetchone()[0]
            hit = _ENDORSES.match(text)
            result.links.append(_link(op, note_id, "endorsement", hit.group(0) if hit else None,
                                      line_of.get(op), to_node=meeting))
            result.links.append(_link(note_id, op, "endorsed_by",
                                      "للقرار 2/12" if op == operative_id else None,
                                      line_of.get(note_id), from_node=meeting))
    # each supplement paragraph names the COP 12 report paragraph it reproduces
    # (one way: the report itself stays uncluttered; links_to finds the copies)
    for copy_id, source_id in sup.same_text.items():
        result.links.append(_link(copy_id, source_id, "same_text", None, line_of.get(copy_id)))
    _write(db, result)
    return result


def _write(db: sqlite_utils.Database, result: Result) -> None:
    schema.create_link_tables(db)       # if the links stage has not made them
    db.table("links").insert_all(result.links, alter=True)
    db.table("external_refs").insert_all([{
        "from_id": e.paragraph_id, "kind": e.kind, "body": e.body, "text": e.text,
        "session": e.session, "number": e.number, "source_line": e.source_line,
        "source": SOURCE} for e in result.external], alter=True)


def dump(db: sqlite_utils.Database) -> Iterator[dict]:
    yield from links_stage.dump_source(db, SOURCE, external_keys=("session", "number"))


def check(db: sqlite_utils.Database) -> Iterator[Finding]:
    if "links" not in db.table_names():
        yield Finding(STAGE, "error", "no links table")
        return
    n = db.execute("SELECT count(*) FROM links WHERE source = 'related'").fetchone()[0]
    broken = db.execute(
        "SELECT count(*) FROM links l WHERE source = 'related' AND "
        "(NOT EXISTS (SELECT 1 FROM paragraphs p WHERE p.id = l.to_id) OR "
        " NOT EXISTS (SELECT 1 FROM paragraphs p WHERE p.id = l.from_id))").fetchone()[0]
    ext = db.execute("SELECT count(*) FROM external_refs WHERE source = 'related'").fetchone()[0]
    yield Finding(STAGE, "info", f"links across documents: {n}; external references: {ext}")
    for kind, count in db.conn.execute(
            "SELECT kind, count(*) FROM links WHERE source = 'related' GROUP BY kind ORDER BY kind"):
        yield Finding(STAGE, "info", f"  {kind}: {count}")
    for kind, body, count in db.conn.execute(
            "SELECT kind, body, count(*) FROM external_refs WHERE source = 'related' "
            "GROUP BY kind, body ORDER BY kind, body"):
        yield Finding(STAGE, "info", f"  external {kind} ({body}): {count}")
    if broken:
        yield Finding(STAGE, "error", f"{broken} link(s) to a missing paragraph")
