"""Locator grammar: parsing, range/list expansion, merged cells, and resolution to ids."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.content.ids import ABJAD
from desktop.content.locators import Ref, groups, parse, resolve_locator, split_cell


def paths(text, **ctx):
    return [(r.part, r.unit, r.annex, r.path) for r in parse(text, **ctx).refs]


def test_simple_locator_with_part():
    assert paths("الجزء ألف سابعاً-20") == [("A", 7, None, ("20",))]


def test_number_range_expanded():
    assert [p[3] for p in paths("ثامناً-3-7")] == [("3",), ("4",), ("5",), ("6",), ("7",)]


def test_range_printed_right_to_left_is_sorted():
    # "6 و 4-2" is the report cell of ثانياً-2-4 وثانياً-6 (line 668)
    assert [p[3] for p in paths("6 و 4-2")] == [("6",), ("2",), ("3",), ("4",)]
    assert [p[3][0] for p in paths("المرفق الأول- 31-28")] == ["28", "29", "30", "31"]


def test_letter_range_under_a_number():
    assert [p[3] for p in paths("رابعاً-1 (د)-(و)")] == [
        ("1", "(د)"), ("1", "(هـ)"), ("1", "(و)")]
    assert [p[3] for p in paths("ثانياً-3-(ب)-(د)")] == [
        ("3", "(ب)"), ("3", "(ج)"), ("3", "(د)")]


def test_list_items_inherit_the_number_they_leave_out():
    assert [p[3] for p in paths("4 (ب) و (و) و (ك)")] == [
        ("4", "(ب)"), ("4", "(و)"), ("4", "(ك)")]
    assert [p[3] for p in paths("ثانياً (ج) '1' و(ج) '3' و(د)")] == [
        ("(ج)", "'1'"), ("(ج)", "'3'"), ("(د)",)]


def test_sub_item_with_missing_closing_quote():
    assert paths("ثانياً- (ج) '3")[0][3] == ("(ج)", "'3'")


def test_annexes_and_preamble():
    assert paths("المرفق الأول- 13 و 30") == [(None, None, 1, ("13",)), (None, None, 1, ("30",))]
    assert paths("المرفق الثاني- 10-12")[0] == (None, None, 2, ("10",))
    assert paths("سادساً- المرفق- (ب) '5 و (ج) '1") == [
        (None, 6, 0, ("(ب)", "'5'")), (None, 6, 0, ("(ج)", "'1'"))]
    assert paths("ف.د 1") == [(None, None, None, ("ف.د 1",))]


def test_see_part_a_names_whole_meetings():
    refs = parse("انظر الجزء ألف- سابعاً وثامناً").refs
    assert refs == [Ref("A", 7, None, (), True), Ref("A", 8, None, (), True)]


def test_broken_letter_and_eleventh_ordinal():
    assert paths("رابعاً-هـ)") == [(None, 4, None, ("(هـ)",))]
    assert paths("حادي عشر- (د)") == [(None, 11, None, ("(د)",))]


def test_split_cell_locator_then_report():
    segs = split_cell("سابعاً-8 وسابعاً-13 وسابعاً-14 12 و17 و18")
    assert [(s.kind, s.text) for s in segs] == [
        ("locator", "سابعاً-8 وسابعاً-13 وسابعاً-14"), ("report", "12 و17 و18")]


def test_split_cell_report_then_locator():
    segs = split_cell("10 و11 و13 وسابعاً-6 وسابعاً-7")
    assert [(s.kind, s.text) for s in segs] == [
        ("report", "10 و11 و13"), ("locator", "سابعاً-6 وسابعاً-7")]


def test_split_cell_see_then_own_annex_is_report():
    segs = split_cell("انظر الجزء ألف- سابعاً المرفق الأول- 8 و13 و14")
    assert [(s.kind, s.text) for s in segs] == [
        ("locator", "انظر الجزء ألف- سابعاً"), ("report", "المرفق الأول- 8 و13 و14")]
    # "انظر الجزء باء" points into Part B itself: its annex is the locator
    assert [s.kind for s in split_cell("انظر الجزء باء: سادساً- المرفق- (ب) '2'")] == ["locator"]


def test_flattened_groups():
    assert groups("7 6 و9 و10 و16 5 (أ) و(ج) و(د)") == ["7", "6 و9 و10 و16", "5 (أ) و(ج) و(د)"]
    assert groups("الجزء ألف ثانياً-5 خامساً- (د)") == ["الجزء ألف ثانياً-5", "خامساً- (د)"]
    # both annexes of one resolution stay one group; a different annex does not
    assert groups("المرفق الأول- 18 و28 المرفق الثاني- 1 و6") == [
        "المرفق الأول- 18 و28 المرفق الثاني- 1 و6"]
    assert groups("2 و4 المرفق الأول- 23 و30 المرفق- 6") == [
        "2 و4", "المرفق الأول- 23 و30", "المرفق- 6"]


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
    assert resolve_locator(content_db, text) == expected


def test_resolve_whole_meeting(content_db):
    ids = resolve_locator(content_db, "انظر الجزء ألف- سابعاً")
    assert ids[0] == "A07/1" and ids[-1] == "A07/31" and len(ids) == 31


def test_resolve_nothing_for_a_missing_paragraph(content_db):
    # meeting 6's recommendations are the annex of resolution 4/6: no سادساً-13
    assert resolve_locator(content_db, "سادساً-13") == []
    assert resolve_locator(content_db, "no locator at all") == []


def test_every_citation_resolves_to_its_paragraph(content_db):
    # the app's --open and search take the citations the reader shows
    rows = list(content_db.conn.execute(
        "SELECT id, citation, label_path, kind FROM paragraphs WHERE document = 'compendium'"))
    assert len(rows) > 200
    for pid, citation, label_path, kind in rows:
        ids = resolve_locator(content_db, citation)
        if label_path != "[]" or kind == "chapeau":
            assert ids == [pid], (citation, ids)
        else:                       # a note stands for its whole meeting or annex
            assert pid in ids, (citation, ids)


def test_decision_names_and_arabic_digits(content_db):
    assert resolve_locator(content_db, "الجزء باء، المقرر ٣/٤، (ط) '٢'") == ["B4-d3/l9.q2"]
    assert resolve_locator(content_db, "القرار 4/6، المرفق، (ب) '3'") == ["B6-r4/annex/l2.q3"]
    assert resolve_locator(content_db, "القرار 6/5، الفقرة الافتتاحية") == ["B5-r6/c1"]
    # resolution 4/3 does not exist (4/3 is a decision): nothing, not the decision
    assert resolve_locator(content_db, "القرار 4/3، (ب)") == []


def test_without_a_part_meetings_come_first_then_sessions(content_db):
    assert resolve_locator(content_db, "سابعاً-13") == ["A07/13"]
    # meeting 3 has only a note: "ثالثاً-2 (ب)" can only be session 3 (decision 4/3)
    assert resolve_locator(content_db, "ثالثاً-2 (ب)") == ["B3-d4/2.l2"]
    # a part said is a part kept
    assert resolve_locator(content_db, "الجزء ألف ثالثاً-2 (ب)") == []


@given(st.integers(1, 60), st.integers(1, 60))
def test_number_ranges_expand_either_way(a, b):
    got = [int(r.path[0]) for r in parse(f"ثامناً-{a}-{b}").refs]
    assert got == list(range(min(a, b), max(a, b) + 1))


@given(st.integers(1, 20), st.integers(0, 27), st.integers(0, 27))
def test_letter_ranges_follow_abjad_order(n, i, j):
    refs = parse(f"{n} ({ABJAD[i]})-({ABJAD[j]})").refs
    assert [r.path for r in refs] == [(str(n), f"({ABJAD[k]})")
                                      for k in range(min(i, j), max(i, j) + 1)]
