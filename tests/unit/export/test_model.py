"""Gathering items and their citations from the content database."""

import datetime as dt

import pytest

from desktop.content.citations import WORD_JOINER, join_symbols, strip_joiners
from desktop.export.model import UnknownParagraph, arabic_date, gather_items
from tests.unit.export.fixture_db import FOOTNOTE, PREAMBLE, SYMBOL_A07, SYMBOL_B6, WITNESS


def test_items_come_in_the_requested_order_with_citations(fixture_db):
    items = gather_items(fixture_db, ["B6-r4/pp1", "A07/13"])
    assert [i.paragraph_id for i in items] == ["B6-r4/pp1", "A07/13"]
    pp, a13 = items
    assert a13.text == WITNESS
    assert a13.display_label == "13-"
    assert a13.citation_line() == f"الجزء ألف، سابعاً-13، الوثيقة {SYMBOL_A07}، الفقرة 34"
    assert ("symbol", SYMBOL_A07) in a13.citation_parts()
    assert pp.display_label == "ف.د 1"
    assert pp.citation_line() == f"الجزء باء، القرار 4/6، ف.د 1، الوثيقة {SYMBOL_B6}"
    assert pp.unit_heading == "القرار 4/6: تنفيذ الأحكام المتعلقة بالمساعدة التقنية"
    assert [(f.number, f.text) for f in pp.footnotes] == [(14, FOOTNOTE)]
    assert pp.text_segments() == [("text", PREAMBLE), ("marker", "14")]


def test_uncertain_report_paragraphs_are_marked(fixture_db):
    (item,) = gather_items(fixture_db, ["A07/19"])
    assert item.official_reference == "الفقرة 40 (غير مؤكد)"


def test_unknown_ids_are_all_named(fixture_db):
    with pytest.raises(UnknownParagraph) as err:
        gather_items(fixture_db, ["A07/13", "Z1/1", "Z1/2"])
    assert err.value.ids == ["Z1/1", "Z1/2"]


def test_paragraphs_under_a_unit_and_a_part(fixture_db):
    assert fixture_db.paragraphs_under("B6-r4") == ["B6-r4/pp1", "B6-r4/1"]
    under_a = fixture_db.paragraphs_under("A")
    assert under_a[:2] == ["A07/13", "A07/19"] and len(under_a) == 62


def test_word_joiner_keeps_symbols_whole_and_is_stripped():
    joined = join_symbols(f"انظر {SYMBOL_A07} و 4/6")
    assert joined.count(WORD_JOINER) == 4      # the symbol's, not the decision's
    assert strip_joiners(joined) == f"انظر {SYMBOL_A07} و 4/6"


def test_arabic_date():
    assert arabic_date(dt.date(2026, 11, 23)) == "23 تشرين الثاني/نوفمبر 2026"


