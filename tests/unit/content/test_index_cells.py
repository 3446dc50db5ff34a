"""Merged cells of the thematic index split into locator and report segments."""

from __future__ import annotations

from desktop.content.index_cells import groups, split_cell


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
