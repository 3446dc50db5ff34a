"""desktop/content/compendium_facts.py: the facts the parser does not read
from the compendium's text, checked against what the built database says."""

from __future__ import annotations

from desktop.content import compendium_facts as facts


def test_every_meeting_and_session_carries_its_report_symbol(content_db):
    rows = list(content_db.query(
        "SELECT kind, number, symbol FROM nodes WHERE document = 'compendium' "
        "AND kind IN ('meeting', 'session')"))
    meetings = {r["number"]: r["symbol"] for r in rows if r["kind"] == "meeting"}
    sessions = {r["number"]: r["symbol"] for r in rows if r["kind"] == "session"}
    assert meetings == facts.MEETING_SYMBOLS
    assert {n: s for n, s in sessions.items() if n in facts.SESSION_SYMBOLS} == facts.SESSION_SYMBOLS


def test_meetings_held_during_a_session_carry_that_sessions_report():
    # meetings 1, 3 and 6 are reproduced in the decision of the session they met at
    assert facts.MEETING_SYMBOLS[1] == facts.SESSION_SYMBOLS[3]
    assert facts.MEETING_SYMBOLS[3] == facts.SESSION_SYMBOLS[4]
    assert facts.MEETING_SYMBOLS[6] == facts.SESSION_SYMBOLS[6]


def test_part_names(content_db):
    parts = {r["part"]: r["heading"] for r in content_db.query(
        "SELECT part, heading FROM nodes WHERE kind = 'part' AND document = 'compendium'")}
    assert set(parts) == set(facts.PART_TITLES) == set(facts.PART_HEADINGS)
    assert facts.PART_TITLES["A"] == "الجزء " + facts.PART_HEADINGS["A"]
