"""desktop/content/citations.py: THE citation of a paragraph, on the built
database (the resolver that reads citations back: test_locate.py)."""

from __future__ import annotations

import pytest

from desktop.content import citations
from desktop.content.store import open_store


@pytest.fixture(scope="module")
def store(content_db_path):
    s = open_store(content_db_path)
    yield s
    s.close()


@pytest.mark.parametrize("pid, short", [
    ("A07/13", "الجزء ألف، سابعاً-13"),
    ("B4-d3/l9.q2", "الجزء باء، المقرر 3/4، (ط) '2'"),
    ("cop12:81", "تقرير مؤتمر الأطراف عن أعمال دورته الثانية عشرة (2024)، الفقرة 81"),
    ("cop10:1", "مذكرة الأمانة عن اجتماعات الأجهزة الفرعية لمؤتمر الأطراف (2020)، الفقرة 1"),
    ("som:2", "تقرير اجتماع الفريق العامل المعني بتهريب المهاجرين (2020)، "
              "CTOC/COP/WG.7/2020/4، الفقرة 2"),
    ("B12-r2/pp1", "تقرير مؤتمر الأطراف عن أعمال دورته الثانية عشرة (2024)، القرار 2/12، ف.د 1"),
    # opening paragraphs are cited one way in both parts
    ("A10/c1", "الجزء ألف، عاشراً، الفقرة الافتتاحية"),
    ("B3-d4/c1", "الجزء باء، المقرر 4/3، الفقرة الافتتاحية"),
])
def test_short_citations(store, pid, short):
    assert store.citation(pid).short == short
    assert store.paragraph(pid).citation == short


def test_full_citation_adds_the_official_document_and_the_reconstruction(store):
    assert store.citation("A07/13").full == (
        "الجزء ألف، سابعاً-13، الوثيقة CTOC/COP/WG.2/2013/5، الفقرة 17")
    som = store.citation("som:2")
    assert som.full == f"{som.short} — {citations.RECONSTRUCTION_NOTICE}"
    assert ("symbol", "CTOC/COP/WG.7/2020/4") in som.parts()
    # the symbol of a related document is printed once
    assert store.citation("cop6:agenda/1").full.count("CTOC/COP/2012/1") == 1


def test_labels_in_the_reader_and_alone():
    from types import SimpleNamespace as P
    item = P(kind="subitem", label="(ط) '2'", label_path=("(ط)", "'2'"))
    assert citations.display_label(item) == "'2'"
    assert citations.display_label(item, alone=True) == "(ط) '2'"
    assert citations.display_label(P(kind="numbered", label="13", label_path=("13",))) == "13-"
    assert citations.display_label(P(kind="chapeau", label="x", label_path=())) == ""


def test_number_agreement():
    assert [citations.paragraphs_phrase(n) for n in (0, 1, 2, 3, 10, 11, 103)] == [
        "لا فقرات", "فقرة واحدة", "فقرتان", "3 فقرات", "10 فقرات", "11 فقرة", "103 فقرات"]


def test_joiners_keep_symbols_whole_only():
    text = "CTOC/COP/WG.2/2013/5 والقرار 4/6"
    joined = citations.join_symbols(text)
    assert joined.count(citations.WORD_JOINER) == 4 and "4/6" in joined
    assert citations.strip_joiners(joined) == text


