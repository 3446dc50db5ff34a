"""The thematic index's rows, its corrections file and the database's view of documents."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeAlias

from desktop.content import corrections as corr, index_table as it
from desktop.content.build import BuildError
from desktop.content.database import HasConnection


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

#: The corrections file's fixes (load_fixes): the [[index_fix]] and [[theme_fix]]
#: tables as read (lines made ints), and [[unresolved]] as line -> reason.
Fixes: TypeAlias = tuple[list[dict], list[dict], dict[int, str]]


def load_fixes(path: Path) -> Fixes:
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

    def __init__(self, db: HasConnection):
        conn = db.conn
        self.meeting_by_number: dict[int, str] = {}
        self.meeting_symbol: dict[int, str | None] = {}
        self.session_symbol: dict[int, str | None] = {}
        for nid, kind, number, symbol in conn.execute(
                "SELECT id, kind, number, symbol FROM nodes WHERE document='compendium' "
                "AND kind IN ('meeting','session')"):
            if kind == "meeting":
                self.meeting_by_number[number] = nid
                self.meeting_symbol[number] = symbol
            else:
                self.session_symbol[number] = symbol
        self.units: dict[str, tuple[str, int]] = {}   # symbol -> ("A"|"B", number) for index rows
        for number, symbol in self.session_symbol.items():
            if symbol:
                self.units[symbol] = ("B", number)
        for number, symbol in self.meeting_symbol.items():
            if symbol and symbol not in self.units:
                self.units[symbol] = ("A", number)
        # (kind, session, number) -> (node id, heading)
        self.decisions: dict[tuple[str, int, int], tuple[str, str]] = {}
        self.session_decisions: defaultdict[int, list[tuple[str, str]]] = defaultdict(list)
        for nid, kind, session, number, heading in conn.execute(
                "SELECT id, kind, session, decision_number, heading FROM nodes "
                "WHERE document='compendium' AND kind IN ('decision','resolution') ORDER BY sort"):
            self.decisions[(kind, session, number)] = (nid, heading)
            self.session_decisions[session].append((nid, heading))
        # annex node -> the meeting its note points back to
        self.annex_meeting: dict[str, int] = {}
        for node_id, text in conn.execute(
                "SELECT p.node_id, p.text FROM paragraphs p JOIN nodes n ON n.id = p.node_id "
                "WHERE n.kind='annex' AND p.kind='note'"):
            for word in sorted(ANNEX_MEETING_WORDS, key=len, reverse=True):
                if f"الاجتماع {word}" in text:
                    self.annex_meeting[node_id] = ANNEX_MEETING_WORDS[word]
                    break



def _meeting_number(unit_id: str) -> int:
    return int(unit_id[1:])
