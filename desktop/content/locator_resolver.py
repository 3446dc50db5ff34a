"""A parsed compendium locator answered from the nodes and paragraphs tables:
Resolver knows which paragraph each label of each meeting, session,
decision and annex is. desktop.content.locate is the one entry point for
what a user types; this is the part of it that reads locators
(desktop.content.locators parses them)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace

from desktop.content.locators import CHAPEAU, Ref, parse


class Resolver:
    """Answers "which paragraph is this label?" from the nodes and paragraphs tables."""

    def __init__(self, conn: sqlite3.Connection):
        """conn: an open content database (the build's sqlite-utils
        Database hands its `.conn`; ContentStore its private connection)."""
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


def resolve_locator(conn: sqlite3.Connection, text: str, resolver: Resolver | None = None) -> list[str]:
    """Paragraph ids a compendium locator names (empty if it names nothing).

    `الجزء ألف سابعاً-20` -> ["A07/20"]; `ثامناً-3-7` -> A08/3..7;
    `الجزء باء ثالثاً-2 (ب)` -> ["B3-d4/2.l2"]; `انظر الجزء ألف- سابعاً` -> every
    paragraph of meeting 7. Without a part, an ordinal is a Part A meeting
    if that names a paragraph, else a Part B session (`ثالثاً-2 (ب)` ->
    decision 4/3). Unknown pieces are ignored; ids keep the locator's order.
    Pass a Resolver to answer many locators without re-reading the tables.
    """
    resolver = resolver or Resolver(conn)
    parsed = parse(text)
    out: list[str] = []
    for ref in parsed.refs:
        for pid in resolver.resolve_ref(ref) or []:
            if pid not in out:
                out.append(pid)
    return out
