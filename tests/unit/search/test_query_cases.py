"""Query -> expected paragraphs, one case per normalisation, clitic and query feature."""

from __future__ import annotations

import pytest

from desktop.search.engine import search

#: (query, paragraphs that must be found, paragraphs that must not be, what it shows)
CASES = [
    # diacritics and shadda in the text, typed without them
    ("يقر", {"B3-d4/l1", "B6-r4/1", "A05/l5"}, set(), "يُقرُّ / يقرّ typed bare"),
    ("قدمها", {"B3-d4/l1"}, set(), "shadda in قدّمها"),
    ("المخدرات", {"A07/11", "A07/13", "A07/16", "B4-d3/l7"}, set(), "المخدّرات and المخدرات"),
    # diacritics typed by the user, absent in the text
    ("المُخَدِّرات", {"A07/13", "B4-d3/l7"}, set(), "query diacritics ignored"),
    # alef forms
    ("انشاء", {"A07/5"}, set(), "إنشاء typed with bare alef"),
    ("الامم", {"A07/16", "B4-d3/l7", "A02/1"}, set(), "الأمم with bare alef"),
    ("إجراءات", {"A02/3.l3"}, set(), "hamza below typed"),
    ("الان", {"intro/t4"}, set(), "الآن with madda"),
    ("ٱلآن", {"intro/t4"}, set(), "alef wasla typed"),
    # alif maqsura / ya
    ("علي تقديم", {"A07/6", "A07/7"}, set(), "على typed with ya"),
    ("الي", {"A02/1", "B3-d4/7.l2"}, set(), "إلى typed with ya and bare alef"),
    # ta marbuta / ha
    ("التقنيه", {"A05/l5", "A07/13", "B6-r4/1"}, set(), "التقنية typed with ha"),
    ("النيابه العامه", {"A07/6", "A07/7", "A07/13"}, set(), "two ha-words"),
    # tatweel, in the text and in the query
    ("القانونية المتبادلة", {"C6/4"}, set(), "tatweel in the text"),
    ("المساعـــدة القانونيـة", {"C6/4", "B4-d3/l7"}, set(), "tatweel in the query"),
    # digits
    ("22", {"C6/t1"}, set(), "ASCII digits find Arabic-Indic ٢٢"),
    ("٢٠٠٧", {"A02/1"}, set(), "Arabic-Indic digits find 2007"),
    # clitics: ال, ل, لل, و, وال, ب, بال, ك, كال, ف, فال, ولل, وبال
    ("الشهود", {"A07/5", "A07/6", "A07/7", "A07/11", "A02/3.l3"}, set(), "للشهود والشهود"),
    ("شهود", {"A07/5", "A07/6", "A07/7"}, set(), "bare stem finds الشهود, للشهود, والشهود"),
    ("فالشهود", {"A07/5", "A07/6"}, set(), "ف+ال typed"),
    ("والضحايا", {"A02/3.l3", "A07/6", "A07/7"}, set(), "و+ال finds للضحايا"),
    ("حماية", {"A07/11", "B3-d4/7.l2", "A07/13"}, set(), "لحماية (ل) and بحماية (ب)"),
    ("القانون", {"A07/11", "A07/13"}, set(), "بالقانون (بال)"),
    ("المساعدة القانونية", {"B4-d3/l7", "C6/4"}, set(), "كالمساعدة (كال)"),
    ("شبكة", {"B4-d3/l7"}, set(), "بشبكة (ب)"),
    ("القرارات", {"intro/t4", "intro/t6"}, set(), "وللقرارات (و+لل)"),
    ("الاضافة", {"intro/t4"}, set(), "وبالإضافة (و+بال)"),
    ("اولوية", {"A05/l5"}, set(), "كأولوية (ك)"),
    # stems
    ("توصية", {"B3-d4/l1", "B6-r4/1", "A02/1"}, set(), "التوصيات"),
    ("المساهمات", {"A10/l2"}, set(), "المساهمة / المساهمات"),
    # phrases
    ('"حماية الشهود"', {"A07/13", "A07/16", "A02/3.l3"}, {"A07/5", "A07/6"}, "phrase"),
    ('"غسل الاموال"', {"A08/13.l3", "A09/14"}, set(), "phrase with folding"),
    ('"الشهود حماية"', set(), {"A07/13"}, "phrase order matters"),
    # exclusions
    ("الشهود -الضحايا", {"A07/5", "A07/11"}, {"A07/6", "A07/7", "A02/3.l3"}, "exclusion"),
    ('الشهود -"النيابة العامة"', {"A07/5"}, {"A07/6", "A07/7", "A07/13"}, "excluded phrase"),
    # prefixes
    ("تقني*", {"A05/l5", "A07/13"}, set(), "prefix after ال"),
    ("تشريع*", {"A07/11", "A07/13", "A10/l2"}, set(), "prefix: تشريعات, التشريعية"),
    ("المستضعف*", {"A07/5", "A07/6"}, set(), "prefix with article"),
    # document symbols and locators
    ("CTOC/COP/WG.2/2013/5", {"A07/5", "A07/13", "A07/16"}, {"A02/1", "A09/14"}, "symbol"),
    ("WG.2/2013/5 الشهود", {"A07/5", "A07/11"}, {"A02/3.l3"}, "symbol with a word"),
    ("سابعاً-13", {"A07/13"}, set(), "locator"),
]


@pytest.mark.parametrize("query,expected,excluded,why", CASES, ids=[c[3] for c in CASES])
def test_query_finds_expected_paragraphs(search_conn, query, expected, excluded, why):
    found = [r.id for r in search(search_conn, query, limit=100)]
    assert expected <= set(found), f"{why}: missing {expected - set(found)}"
    assert not (excluded & set(found)), f"{why}: should not find {excluded & set(found)}"


def test_at_least_25_cases():
    assert len(CASES) >= 25


def test_locator_comes_first_and_alone_on_the_paragraph(search_conn):
    results = search(search_conn, "سابعاً-13")
    assert results[0].id == "A07/13"
    assert results[0].kind == "locator"
    assert [r.id for r in results].count("A07/13") == 1


def test_locator_by_id_and_by_part_prefix(search_conn):
    assert search(search_conn, "A07/13")[0].id == "A07/13"
    assert search(search_conn, "الجزء ألف، سابعاً - 13")[0].id == "A07/13"
    assert search(search_conn, "القرار 4/6")[0].id == "B6-r4/1"


def test_exact_matches_rank_above_stem_matches(search_conn):
    results = search(search_conn, "الشهود", limit=100)
    ids = [r.id for r in results]
    # A07/5 has الشهود as typed; A07/6 only للشهود/والشهود... and الشهود? no: للشهود, والشهود.
    exact = [r.exact for r in results]
    assert exact == sorted(exact, reverse=True), "exact hits must come first"
    assert ids.index("A07/5") < ids.index("A07/7")
    assert results[ids.index("A07/7")].exact is False


def test_reading_order_breaks_ties(tmp_path):
    """Paragraphs printing the same words score alike: they come in reading
    order (the paragraphs' sort), whatever their ids or the order they were
    written in."""
    from desktop.search.connection import connect
    from tests.helpers.fixture_db import make_db

    text = "يُقرُّ التوصيات المتعلقة بحماية الشهود"
    reading_order = ["Z9/3", "Z9/1", "Z9/2"]          # neither id order nor insertion order
    written = ["Z9/1", "Z9/2", "Z9/3"]
    path = make_db(
        tmp_path / "ties.sqlite", search_index=True,
        documents=[{"id": "compendium", "title": "الخلاصة الوافية", "date": "2021", "sort": 1}],
        nodes=[{"id": "Z9", "kind": "meeting", "heading": "تاسعاً", "document": "compendium",
                "sort": 1}],
        paragraphs=[{"id": pid, "document": "compendium", "node_id": "Z9", "unit_id": "Z9",
                     "citation": f"تاسعاً-{pid[-1]}", "text": text, "kind": "numbered",
                     "sort": reading_order.index(pid)} for pid in written]
        # other paragraphs, so that the words weigh something in bm25
        + [{"id": f"Z9/{n}", "document": "compendium", "node_id": "Z9", "unit_id": "Z9",
            "citation": f"تاسعاً-{n}", "text": f"نص آخر عن المساعدة التقنية رقم {n}",
            "kind": "numbered", "sort": n} for n in range(4, 10)])
    conn = connect(path)
    try:
        results = search(conn, "التوصيات الشهود", limit=10, kinds=("paragraph",))
    finally:
        conn.close()
    assert len(results) == 3
    assert len({r.score for r in results}) == 1 and results[0].score != 0.0, "the scores must tie"
    assert [r.id for r in results] == reading_order


def test_filters(search_conn):
    def ids(**kw):
        return {r.id for r in search(search_conn, "المساعدة", limit=100, **kw)}
    everything = ids()
    assert {"A07/13", "B6-r4/1", "C6/4"} <= everything
    assert ids(part="A") and all(i.startswith("A") for i in ids(part="A"))
    assert ids(part="B") and all(i.startswith("B") for i in ids(part="B"))
    assert ids(unit="A07") == {i for i in everything if i.startswith("A07/")}
    assert ids(unit="B6") == {"B6-r4/1"}
    # B3-d4/l1 is found through its decision's title (…المعني بالمساعدة التقنية).
    assert ids(unit="B3-d4") == {"B3-d4/7.l2", "B3-d4/l1"}
    assert ids(year=2013) == {i for i in everything if i.startswith("A07/")}
    assert ids(year=2012) == {"B6-r4/1", "C6/4"}
    assert ids(document="cop6-agenda") == {"C6/4"}
    assert ids(document="compendium") == everything - {"C6/4"}
    assert {r.id for r in search(search_conn, "الشهود", theme="حماية الشهود", limit=100)} == {
        "A07/5", "A07/11", "A07/13", "B3-d4/7.l2"}
    assert ids(part="A", year=1999) == set()


def test_titles_and_themes_are_searchable(search_conn):
    results = search(search_conn, "توصيات فريق الخبراء المؤقت")
    assert results[0].kind == "title" and results[0].id == "B3-d4/l1"
    assert results[0].citation.endswith("المقرر 4/3")
    themes = [r for r in search(search_conn, "غسل الاموال") if r.kind == "theme"]
    assert [t.id for t in themes] == ["غسل الأموال"]
    # Themes do not show under a part filter (they belong to no part).
    assert not [r for r in search(search_conn, "غسل الاموال", part="A") if r.kind == "theme"]


def test_total_counts_every_match_not_only_the_page(search_conn):
    page = search(search_conn, "المساعدة", limit=2)
    assert len(page) == 2
    assert page.total > 2


def test_no_match_and_no_terms(search_conn):
    assert list(search(search_conn, "كلمةغيرموجودة")) == []
    assert list(search(search_conn, "")) == []
    assert list(search(search_conn, "-الشهود")) == []
    assert list(search(search_conn, '""  *  - ؟!')) == []


@pytest.mark.parametrize("text", [
    '"حماية الشهود', 'حماية" الشهود"', "AND OR NOT", "NEAR(a b)", "الشهود OR", "(الشهود",
    "col:الشهود", "^الشهود", "{exact}: x", "CTOC/COP/WG.2/2013/5", "WG.2.2016", "a'b",
    "الشهود" * 400, "x" * 10000, "-" * 50, "*" * 50, "\x00\x01", "\ufdfa", "\u200f\u2060",
    "😀 الشهود", "テスト", "Ωμέγα", "   ", "- - -", '"-"', "تقن*ية", "4/6 القرار",
])
def test_odd_input_never_raises(search_conn, text):
    results = search(search_conn, text, limit=5)
    assert len(results) <= 5


@pytest.mark.parametrize("query", ["المساعدة", "الشهود", "الشهود -الضحايا", "تقني*",
                                   '"حماية الشهود"', "CTOC/COP/WG.2/2013/5"])
def test_many_rows_path_finds_the_same_rows_exact_first(search_conn, monkeypatch, query):
    """Above RANK_LIMIT rows bm25 is skipped: same rows, exact tier first, reading order after."""
    from desktop.search import rows

    ranked = search(search_conn, query, limit=100)
    monkeypatch.setattr(rows, "RANK_LIMIT", 1)
    cheap = search(search_conn, query, limit=100)
    assert {r.id for r in cheap} == {r.id for r in ranked}
    assert cheap.total == ranked.total
    flags = [r.exact for r in cheap]
    assert flags == sorted(flags, reverse=True)
    # Pages of the cheap path join up without gaps or repeats.
    pages = [r.id for off in range(0, len(cheap), 3)
             for r in search(search_conn, query, limit=3, offset=off, kinds=("paragraph",))]
    assert pages == [r.id for r in search(search_conn, query, limit=100, kinds=("paragraph",))]


def test_as_you_type_the_last_word_also_matches_as_a_prefix(search_conn):
    assert not search(search_conn, "المستضع")  # a whole-word search finds nothing
    results = search(search_conn, "الشهود المستضع", as_you_type=True)
    found = {r.id for r in results if not r.partial}
    assert found == {"A07/5", "A07/6"}
    # Rows with only one of the words follow, flagged as partial matches.
    assert all(r.partial for r in results[2:])
    r = next(r for r in search(search_conn, "المستضع", as_you_type=True) if r.id == "A07/5")
    assert "المستضعفين" in r.terms
    # A finished word (space after it) and a too-short stem are read as typed.
    assert not search(search_conn, "المستضع ", as_you_type=True)
    assert not search(search_conn, "الشه", as_you_type=True)
    # The whole word still matches by its stem while typing.
    assert {"A07/5", "A07/6", "A07/7"} <= {r.id for r in search(search_conn, "شهود",
                                                                 as_you_type=True, limit=100)}
