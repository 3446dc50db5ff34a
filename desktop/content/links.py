"""Build stage: cross-references between the compendium's paragraphs.

Tables (shared with the related-documents stage, which adds its own rows
with source = "related"):

links          id (pk), from_id, to_id (fk paragraphs: always an existing
               paragraph), kind, text (the words that carry the reference,
               or null), source_line, from_node / to_node (the meeting or
               decision meant when a whole unit is referred to: the link then
               points at that unit's first paragraph), source ("compendium")
external_refs  id (pk), from_id (fk paragraphs), kind ("decision",
               "resolution", "article", "paragraph"), body ("cop", "ga",
               "ecosoc", "convention", "rules_of_procedure", ...), text,
               session, number, article, paragraph (label), source_line,
               source ("compendium")

Kinds of link:
- "endorsement": a COP paragraph that endorses a Working Group meeting's
  recommendations -> that meeting (its note, or its first paragraph);
  "endorsed_by": the reverse. Found in the meeting notes (meetings 1, 3, 6:
  "وترد التوصيات التي اعتمدت في مقرر مؤتمر الأطراف 4/3"), in the annex notes
  of resolutions 6/5, 3/7, 4/8 ("يرجى الاطلاع على التوصيات التي وردت في
  الاجتماع الخامس") and in operative paragraphs that "يقرّ التوصيات" of a
  meeting (through the annex they name, or the meeting note naming them).
- "mention_decision": a decision or resolution of the COP named in the text
  (its first paragraph, to_node = the decision);
- "mention_paragraph": `الفقرة 2 أعلاه`, a paragraph of the same unit;
- "mention_document": a report symbol whose meeting or session is in the
  compendium (its first paragraph, to_node = the session or meeting).
Everything else (the Convention's articles, General Assembly and ECOSOC
resolutions, COP decisions and documents not in the compendium) goes to
external_refs.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Iterator

import sqlite_utils

from desktop.content import mentions as mn
from desktop.content.build import BuildContext, Finding
from desktop.content import schema
from desktop.content.thematic_index import ANNEX_MEETING_WORDS

STAGE = "links"
SOURCE = "compendium"
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
_ENDORSES = re.compile(r"يقر(?:\s+أيضا)?\s+التوصيات")
_ANNEX_WORDS = (("المرفق الأول", 1), ("المرفق الثاني", 2), ("مرفق هذا القرار", 0),
                ("مرفقة بهذا القرار", 0), ("المرفق", 0))
_SEE_MEETING = re.compile(r"التوصيات التي وردت في (الاجتماع (?:الحادي عشر|\S+))")


def fold(text: str) -> str:
    return _MARKS.sub("", text or "")


def _search_printed(rx: re.Pattern, text: str) -> str | None:
    """rx searched in the text without diacritics; the match as printed."""
    keep = [i for i, ch in enumerate(text) if not _MARKS.match(ch)]
    folded = "".join(text[i] for i in keep)
    m = rx.search(folded)
    if not m:
        return None
    return text[keep[m.start()]:keep[m.end() - 1] + 1]


class _Compendium:
    def __init__(self, db: sqlite_utils.Database):
        conn = db.conn
        self.paras = list(db.query(
            "SELECT id, unit_id, node_id, kind, text, source_line, label_path FROM paragraphs "
            "WHERE document='compendium' ORDER BY sort"))
        self.by_id = {p["id"]: p for p in self.paras}
        self.first: dict[str, str] = {}   # unit or node -> its first paragraph
        for p in self.paras:
            self.first.setdefault(p["unit_id"], p["id"])
            self.first.setdefault(p["node_id"], p["id"])
        # (kind, session, number): keyed as a mention asks, whose numbers may be missing
        self.units: dict[tuple[str, int | None, int | None], str] = {}
        for nid, kind, session, number in conn.execute(
                "SELECT id, kind, session, decision_number FROM nodes WHERE document='compendium' "
                "AND kind IN ('decision','resolution')"):
            self.units[(kind, session, number)] = nid
        self.meetings = dict(conn.execute(
            "SELECT number, id FROM nodes WHERE document='compendium' AND kind='meeting'"))
        #: document symbol -> the session or meeting whose report it is (sessions
        #: first: meeting 1's recommendations are in session 3's report)
        self.symbols: dict[str, str] = {}
        for nid, symbol in conn.execute(
                "SELECT id, symbol FROM nodes WHERE document='compendium' AND symbol IS NOT NULL "
                "AND kind IN ('session', 'meeting') ORDER BY kind = 'meeting', sort"):
            for part in symbol.split("-CTOC"):
                self.symbols.setdefault(part if part.startswith("CTOC") else "CTOC" + part, nid)
        self.parents = dict(conn.execute(
            "SELECT id, parent_id FROM nodes WHERE document='compendium'"))
        self.annex: dict[tuple[str, int], str] = {}
        for nid, parent, number in conn.execute(
                "SELECT id, parent_id, number FROM nodes WHERE document='compendium' AND kind='annex'"):
            self.annex[(parent, number or 0)] = nid
        self.footnotes = list(db.query(
            "SELECT paragraph_id, text, source_line FROM footnotes WHERE document='compendium' "
            "ORDER BY number"))
        # (container, label path): keyed as a mention asks, whose path may be missing
        self.labels: dict[tuple[str, tuple[str, ...] | None], str] = {}
        #: (unit, report paragraph label) -> id: Part A text cites its report's numbers
        self.report_numbers: dict[tuple[str, tuple[str, ...] | None], str] = {}
        for pid, unit, number in conn.execute(
                "SELECT id, unit_id, report_paragraph FROM paragraphs WHERE document='compendium' "
                "AND report_paragraph IS NOT NULL"):
            self.report_numbers[(unit, tuple(number.split(" ")))] = pid
        for p in self.paras:
            path = tuple(json.loads(p["label_path"] or "[]"))
            if path:
                self.labels.setdefault((p["node_id"], path), p["id"])
                self.labels.setdefault((p["unit_id"], path), p["id"])


def _meeting_of_annex_note(text: str) -> int | None:
    m = _SEE_MEETING.search(text)
    if not m:
        return None
    words = m.group(1).split(" ", 1)[1]
    return ANNEX_MEETING_WORDS.get(words)


def endorsement_links(c: _Compendium) -> list[dict]:
    """Both directions between each meeting and the COP text that endorsed it."""
    links: list[dict] = []
    # unit -> (meeting node, meeting para, the mention's text, its line)
    meeting_of_unit: dict[str, tuple[str, str, str, int]] = {}
    meeting_of_annex: dict[str, tuple[str, str]] = {}
    # 1. meeting notes naming the decision that holds their recommendations
    for p in c.paras:
        if p["kind"] != "note" or not p["unit_id"].startswith("A"):
            continue
        for m in mn.find_mentions(p["text"]):
            if m.kind in ("decision", "resolution") and m.body == "cop":
                unit = c.units.get((m.kind, m.session, m.number))
                if unit:
                    meeting_of_unit[unit] = (p["unit_id"], p["id"], m.text, p["source_line"])
    # 2. annex notes pointing back to a meeting
    for p in c.paras:
        if p["kind"] != "note" or not p["unit_id"].startswith("B"):
            continue
        seen = _SEE_MEETING.search(p["text"])
        meeting = c.meetings.get(_meeting_of_annex_note(p["text"]))
        if seen and meeting and meeting in c.first:
            target = c.first[meeting]
            phrase = seen.group(0)
            links.append(_link(p["id"], target, "endorsement", phrase, p["source_line"],
                               to_node=meeting))
            links.append(_link(target, p["id"], "endorsed_by", None, p["source_line"],
                               from_node=meeting))
            meeting_of_annex[p["node_id"]] = (meeting, target)
    # 3. the operative paragraph that endorses ("يقرّ التوصيات")
    endorsed_units = set()
    for p in c.paras:
        if not p["unit_id"].startswith("B"):
            continue
        folded = fold(p["text"])
        hit = _search_printed(_ENDORSES, p["text"])
        if not hit:
            continue
        unit = p["unit_id"]
        endorsed: tuple[str, str] | None = None   # (meeting node, its paragraph)
        for words, n in _ANNEX_WORDS:
            if words in folded:
                annex = c.annex.get((unit, n))
                if annex is not None and annex in meeting_of_annex:
                    endorsed = meeting_of_annex[annex]
                break
        if endorsed is None and unit in meeting_of_unit:
            endorsed = meeting_of_unit[unit][:2]
        if endorsed is None:
            continue
        meeting, tpara = endorsed
        endorsed_units.add(unit)
        links.append(_link(p["id"], tpara, "endorsement", hit, p["source_line"],
                           to_node=meeting))
        links.append(_link(tpara, p["id"], "endorsed_by", None, p["source_line"],
                           from_node=meeting))
    # 4. meeting notes whose decision has no endorsing paragraph (decision 3/4)
    for unit, (meeting, note, text, line) in meeting_of_unit.items():
        operative = [lk for lk in links if lk["from_id"] == note and lk["kind"] == "endorsed_by"]
        if operative:
            for lk in operative:
                lk["text"] = text
            continue
        unit_first = c.first.get(unit)
        if unit_first:
            links.append(_link(note, unit_first, "endorsed_by", text, line, to_node=unit))
            links.append(_link(unit_first, note, "endorsement", None, line, from_node=unit,
                               to_node=meeting))
    return links


def _link(from_id: str, to_id: str, kind: str, text: str | None, line: int | None,
          from_node: str | None = None, to_node: str | None = None, source: str = SOURCE) -> dict:
    """A `links` row; `source` names the stage that found it (this one, or related)."""
    return {"from_id": from_id, "to_id": to_id, "kind": kind, "text": text,
            "source_line": line, "from_node": from_node, "to_node": to_node,
            "source": source}


def mention_links(c: _Compendium) -> tuple[list[dict], list[dict]]:
    links: list[dict] = []
    external: list[dict] = []
    texts = [(p["id"], p["text"], p["source_line"]) for p in c.paras]
    texts += [(f["paragraph_id"], f["text"], f["source_line"]) for f in c.footnotes
              if f["paragraph_id"]]
    for pid, text, line in texts:
        para = c.by_id.get(pid)
        if para is None:
            continue
        for m in mn.find_mentions(text or ""):
            if m.kind in ("decision", "resolution"):
                unit = c.units.get((m.kind, m.session, m.number)) if m.body == "cop" else None
                if unit and unit != para["unit_id"] and unit in c.first:
                    links.append(_link(pid, c.first[unit], "mention_decision", m.text, line,
                                       to_node=unit))
                elif not unit:
                    external.append(_external(pid, m, line))
            elif m.kind == "document":
                node = c.symbols.get(m.text)
                if node and node not in (para["unit_id"], _parent_of(c, para)) and node in c.first:
                    links.append(_link(pid, c.first[node], "mention_document", m.text, line,
                                       to_node=node))
                elif not node:
                    external.append(_external(pid, m, line))
            elif m.kind == "paragraph":
                # a Working Group report's text numbers its paragraphs as the report
                # does ("الفقرة 2 أعلاه" in meeting 4 is the compendium's رابعاً-1)
                target = (c.report_numbers.get((para["unit_id"], m.paragraph))
                          or c.labels.get((para["node_id"], m.paragraph))
                          or c.labels.get((para["unit_id"], m.paragraph)))
                if target and target != pid:
                    links.append(_link(pid, target, "mention_paragraph", m.text, line))
                else:
                    external.append(_external(pid, m, line))
            else:
                external.append(_external(pid, m, line))
    return links, external


def _parent_of(c: _Compendium, para: dict) -> str | None:
    return c.parents.get(para["unit_id"])


def _external(pid: str, m: mn.Mention, line: int | None) -> dict:
    return {"from_id": pid, "kind": m.kind, "body": m.body, "text": m.text,
            "session": m.session, "number": m.number, "article": m.article,
            "paragraph": " ".join(m.paragraph) if m.paragraph else None,
            "source_line": line, "source": SOURCE}


def build(db: sqlite_utils.Database, ctx: BuildContext) -> None:
    schema.create_link_tables(db)
    c = _Compendium(db)
    links = endorsement_links(c)
    more, external = mention_links(c)
    links += more
    seen = set()
    unique = []
    for lk in links:
        key = (lk["from_id"], lk["to_id"], lk["kind"], lk["text"])
        if key in seen or lk["from_id"] == lk["to_id"]:
            continue
        seen.add(key)
        unique.append(lk)
    db.table("links").insert_all(unique, alter=True)
    db.table("external_refs").insert_all(external, alter=True)
    counts = Counter(lk["kind"] for lk in unique)
    ctx.report.append("links: " + ", ".join(f"{k} {n}" for k, n in sorted(counts.items()))
                      + f"; external references {len(external)}")


def dump(db: sqlite_utils.Database) -> Iterator[dict]:
    yield from dump_source(db, SOURCE)


def dump_source(db: sqlite_utils.Database, source: str,
                external_keys: tuple[str, ...] = ()) -> Iterator[dict]:
    """The links and external references one stage (`source`) wrote; each
    external reference also carries `external_keys` (columns of external_refs)."""
    if "links" not in db.table_names():
        return
    for row in db.query("SELECT * FROM links WHERE source = ? ORDER BY id", [source]):
        yield {"type": "link", "from": row["from_id"], "to": row["to_id"], "kind": row["kind"],
               "text": row["text"], "to_node": row["to_node"], "from_node": row["from_node"]}
    if "external_refs" in db.table_names():
        for row in db.query("SELECT * FROM external_refs WHERE source = ? ORDER BY id", [source]):
            yield {"type": "external_ref", "from": row["from_id"], "kind": row["kind"],
                   "body": row["body"], "text": row["text"],
                   **{key: row[key] for key in external_keys}}


def check(db: sqlite_utils.Database) -> Iterator[Finding]:
    if "links" not in db.table_names():
        yield Finding(STAGE, "error", "no links table")
        return
    for kind, n in db.conn.execute(
            "SELECT kind, COUNT(*) FROM links WHERE source = ? GROUP BY kind ORDER BY kind",
            [SOURCE]):
        yield Finding(STAGE, "info", f"{kind}: {n} link(s)")
    for kind, body, n in db.conn.execute(
            "SELECT kind, body, COUNT(*) FROM external_refs WHERE source = ? "
            "GROUP BY kind, body ORDER BY kind, body", [SOURCE]):
        yield Finding(STAGE, "info", f"external references: {kind} ({body}): {n}")
    for row in db.query(
            "SELECT l.id, l.from_id, l.to_id, l.kind FROM links l "
            "WHERE NOT EXISTS (SELECT 1 FROM paragraphs p WHERE p.id = l.to_id) "
            "OR NOT EXISTS (SELECT 1 FROM paragraphs p WHERE p.id = l.from_id)"):
        yield Finding(STAGE, "error", f"link {row['id']} ({row['kind']}) "
                                      f"{row['from_id']} -> {row['to_id']}: no such paragraph")
    for pid, text in db.conn.execute(
            "SELECT p.id, p.text FROM paragraphs p WHERE p.document = 'compendium' "
            "AND p.kind = 'note' AND NOT EXISTS (SELECT 1 FROM links l WHERE l.from_id = p.id "
            "AND l.kind IN ('endorsement', 'endorsed_by'))"):
        yield Finding(STAGE, "error", f"note {pid} points to other recommendations but has "
                                      f"no endorsement link: {text[:80]}")
