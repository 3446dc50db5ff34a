"""Locator grammar: parsing and range/list expansion."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.content.ids import ABJAD
from desktop.content.locators import Ref, parse


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


@given(st.integers(1, 60), st.integers(1, 60))
def test_number_ranges_expand_either_way(a, b):
    got = [int(r.path[0]) for r in parse(f"ثامناً-{a}-{b}").refs]
    assert got == list(range(min(a, b), max(a, b) + 1))


@given(st.integers(1, 20), st.integers(0, 27), st.integers(0, 27))
def test_letter_ranges_follow_abjad_order(n, i, j):
    refs = parse(f"{n} ({ABJAD[i]})-({ABJAD[j]})").refs
    assert [r.path for r in refs] == [(str(n), f"({ABJAD[k]})")
                                      for k in range(min(i, j), max(i, j) + 1)]
