"""Locators resolved to paragraph ids against the built database."""

from __future__ import annotations

import pytest

from desktop.content.locator_resolver import resolve_locator


@pytest.mark.parametrize("text,expected", [
    ("الجزء ألف سابعاً-20", ["A07/20"]),
    ("ثامناً-3-7", ["A08/3", "A08/4", "A08/5", "A08/6", "A08/7"]),
    ("رابعاً-1 (د)-(و)", ["A04/1.l4", "A04/1.l5", "A04/1.l6"]),
    ("رابعاً-1 (و) '2'", ["A04/1.l6.q2"]),
    ("خامساً- (ط)", ["A05/l9"]),
    ("الجزء باء ثالثاً-2 (ب)", ["B3-d4/2.l2"]),
    ("الجزء باء ثالثاً- (ب)", ["B3-d4/l2"]),
    ("الجزء باء سادساً- المرفق- (ب) '3'", ["B6-r4/annex/l2.q3"]),
    ("الجزء باء سادساً- ف.د 1", ["B6-r4/pp1"]),
])
def test_resolve_locator(content_db, text, expected):
    assert resolve_locator(content_db.conn, text) == expected


def test_resolve_whole_meeting(content_db):
    ids = resolve_locator(content_db.conn, "انظر الجزء ألف- سابعاً")
    assert ids[0] == "A07/1" and ids[-1] == "A07/31" and len(ids) == 31


def test_resolve_nothing_for_a_missing_paragraph(content_db):
    # meeting 6's recommendations are the annex of resolution 4/6: no سادساً-13
    assert resolve_locator(content_db.conn, "سادساً-13") == []
    assert resolve_locator(content_db.conn, "no locator at all") == []


def test_every_citation_resolves_to_its_paragraph(content_db):
    # the app's --open and search take the citations the reader shows
    rows = list(content_db.conn.execute(
        "SELECT id, citation, label_path, kind FROM paragraphs WHERE document = 'compendium'"))
    assert len(rows) > 200
    for pid, citation, label_path, kind in rows:
        ids = resolve_locator(content_db.conn, citation)
        if label_path != "[]" or kind == "chapeau":
            assert ids == [pid], (citation, ids)
        else:                       # a note stands for its whole meeting or annex
            assert pid in ids, (citation, ids)


def test_decision_names_and_arabic_digits(content_db):
    assert resolve_locator(content_db.conn, "الجزء باء، المقرر ٣/٤، (ط) '٢'") == ["B4-d3/l9.q2"]
    assert resolve_locator(content_db.conn, "القرار 4/6، المرفق، (ب) '3'") == ["B6-r4/annex/l2.q3"]
    assert resolve_locator(content_db.conn, "القرار 6/5، الفقرة الافتتاحية") == ["B5-r6/c1"]
    # resolution 4/3 does not exist (4/3 is a decision): nothing, not the decision
    assert resolve_locator(content_db.conn, "القرار 4/3، (ب)") == []


def test_without_a_part_meetings_come_first_then_sessions(content_db):
    assert resolve_locator(content_db.conn, "سابعاً-13") == ["A07/13"]
    # meeting 3 has only a note: "ثالثاً-2 (ب)" can only be session 3 (decision 4/3)
    assert resolve_locator(content_db.conn, "ثالثاً-2 (ب)") == ["B3-d4/2.l2"]
    # a part said is a part kept
    assert resolve_locator(content_db.conn, "الجزء ألف ثالثاً-2 (ب)") == []
