"""desktop/content/locate.py: the one resolver of what a user types (an id, a
node, a citation as printed, short or full, a locator) to paragraph ids."""

from __future__ import annotations

import pytest

from desktop.content.locate import UnknownLocator, by_citation, resolve, resolve_all
from desktop.content.store import open_store


@pytest.fixture(scope="module")
def store(content_db_path):
    s = open_store(content_db_path)
    yield s
    s.close()


@pytest.mark.parametrize("typed, expected", [
    ("A07/13", ["A07/13"]),
    ("الجزء ألف سابعاً-13", ["A07/13"]),
    ("الجزء باء، المقرر 3/4، (ط) '2'", ["B4-d3/l9.q2"]),
    ("تقرير مؤتمر الأطراف عن أعمال دورته الثانية عشرة (2024)، الفقرة 81", ["cop12:81"]),
    ("مذكرة الأمانة عن اجتماعات الأجهزة الفرعية لمؤتمر الأطراف (2020)، الفقرة 1", ["cop10:1"]),
    ("الجزء ألف، سابعاً-13، الوثيقة CTOC/COP/WG.2/2013/5، الفقرة 17", ["A07/13"]),
    ("ثامناً-999", []),
    ("\ud800", []),
])
def test_one_resolver(store, typed, expected):
    assert resolve(store, typed) == expected


def test_a_node_gives_its_paragraphs_and_unknown_ones_are_all_named(store):
    assert resolve(store, "B6-r4") == store.paragraphs_under("B6-r4") != []
    with pytest.raises(UnknownLocator) as err:
        resolve_all(store, ["A07/13", "Z/1", "لا شيء"])
    assert err.value.locators == ["Z/1", "لا شيء"]


def test_by_citation_reads_the_short_and_the_full_citation(store):
    for pid in ("A07/13", "B4-d3/l9.q2", "cop12:81"):
        cite = store.citation(pid)
        assert by_citation(store, cite.short) == pid, cite.short
        assert by_citation(store, cite.full) == pid, cite.full
    assert by_citation(store, "لا شيء هنا") is None


def test_resolve_all_keeps_order_without_repeats(store):
    assert resolve_all(store, ["A07/14", "A07/13", "A07/14"]) == ["A07/14", "A07/13"]
    assert resolve(store, "  A07/13  ") == ["A07/13"]
    assert resolve(store, "") == [] and resolve(store, "   ") == []
