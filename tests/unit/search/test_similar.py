"""Find agreed language (desktop.search.similar) on the real database."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from desktop.search.connection import connect
from desktop.search.similar import (Match, SimilarInputError, _rank_key,
                                    find_similar, more_like_this)


@pytest.fixture(scope="module")
def real(content_db_path):
    return connect(content_db_path)


def text_of(conn, pid: str) -> str:
    return conn.execute("SELECT text FROM paragraphs WHERE id = ?", (pid,)).fetchone()[0]


def test_working_group_recommendation_and_the_cop_resolution_repeating_it(real):
    # Working Group, 5th meeting (2010), A05/l13, repeated with changes by
    # COP resolution 12/4, paragraph 9 (2024). A draft between the two finds
    # both, the Working Group's text (closer and older) first.
    draft = ("يدعو الدول الأطراف وسائر الجهات المانحة إلى تقديم تبرعات للأغراض المبينة "
             "في هذه الوثيقة، وفقا لقواعد الأمم المتحدة وإجراءاتها")
    found = find_similar(real, draft, limit=5)
    ids = [m.id for m in found]
    assert ids[0] == "A05/l13"
    assert "cop12:r4/9" in ids[:3]
    wg, cop = found[0], found[ids.index("cop12:r4/9")]
    assert wg.score > cop.score > 0.4
    assert wg.citation == "الجزء ألف، خامساً- (م)"
    assert wg.year == 2010 and cop.year == 2024


def test_cop12_annex_item_and_its_text_in_the_report_are_one_entry(real):
    # Resolution 12/2, annex I (e): in the supplement (Part B, B12-r2) and in
    # the COP 12 report; the same text and the same citation: one entry, the
    # first in reading order, naming the other printing.
    source = text_of(real, "B12-r2/annex1/l5")
    draft = source.replace("ينبغي للأطراف أن تنظر", "ينبغي للدول الأطراف أن تنظر بجدية")
    draft = " ".join(draft.split()[:-6])
    found = find_similar(real, draft, limit=5)
    first = found[0]
    assert (first.id, first.also) == ("B12-r2/annex1/l5", ("cop12:r2/annex1/l5",))
    assert first.citation.endswith("القرار 2/12، المرفق الأول، (هـ)")
    assert 0.6 < first.score < 1.0
    assert found[1].score < first.score - 0.05
    assert "cop12:r2/annex1/l5" not in [m.id for m in found]


def test_identical_text_scores_one(real):
    found = find_similar(real, text_of(real, "A07/7"), limit=3)
    assert found[0].id == "A07/7" and found[0].score == 1.0
    assert found[1].score < 0.9


def test_ties_go_to_the_older_paragraph():
    new = Match("B7-r1/3", "c", 0.8312, "t", 2014, 200)
    old = Match("A06/2", "c", 0.8288, "t", 2012, 90)
    better = Match("A09/1", "c", 0.9, "t", 2016, 120)
    assert sorted([new, better, old], key=_rank_key) == [better, old, new]


def test_more_like_this_oldest_first_without_itself(real):
    # resolution 6/4, 1 (2012): the COP endorsing the Working Group's
    # recommendations, in nearly the same words every session since
    found = more_like_this(real, "B6-r4/1")
    ids = [m.id for m in found]
    assert "B6-r4/1" not in ids
    assert {"B5-r6/1", "B7-r3/1", "B8-r4/1"} <= set(ids)
    keys = [(m.year, m.sort) for m in found]
    assert keys == sorted(keys) and keys[0][0] == 2010
    assert all(m.score >= 0.3 for m in found)
    # the same place printed twice is not "like" itself
    assert "B12-r2/annex1/l5" not in [m.id for m in more_like_this(real, "cop12:r2/annex1/l5")]
    assert more_like_this(real, "no-such-paragraph") == []


@pytest.mark.parametrize("text", ["", "   \n", "!!! ؟؟ ... ،،، — «»", "\ud800\udfff",
                                  "ا" * 100_000, "ـــــ ً ٌ"])
def test_bad_input_is_an_arabic_message(real, text):
    with pytest.raises(SimilarInputError) as info:
        find_similar(real, text)
    message = str(info.value)
    assert any("\u0600" <= ch <= "\u06ff" for ch in message)


def test_lone_surrogates_are_dropped_with_a_notice(real):
    found = find_similar(real, "حماية\ud800 الشهود\udc00 والضحايا", limit=3)
    assert found and found.notice
    assert "\ud800" not in found[0].text


@settings(max_examples=150, deadline=None)
@given(st.text(st.one_of(st.characters(), st.characters(min_codepoint=0x0600,
                                                         max_codepoint=0x06FF)),
               max_size=200))
def test_any_text_gives_matches_or_a_message(real, text):
    try:
        found = find_similar(real, text, limit=5)
    except SimilarInputError as exc:
        assert str(exc)
        return
    assert all(0.0 <= m.score <= 1.0 and m.kind == "paragraph" for m in found)
