"""Mentions of decisions, resolutions, paragraphs and articles in Arabic text."""

from __future__ import annotations

from desktop.content.mentions import find_mentions


def keys(text):
    return [(m.kind, m.body, m.session, m.number) for m in find_mentions(text)
            if m.kind in ("decision", "resolution")]


def test_number_of_session_order():
    # "المقرر 4/3" is number 4 of session 3 (English 3/4)
    assert keys("في مقرر المؤتمر 4/3، يوصي") == [("decision", "cop", 3, 4)]
    assert keys("القرار 4/6 الصادر عن المؤتمر") == [("resolution", "cop", 6, 4)]


def test_enumeration_inherits_the_keyword():
    text = "وإذ استذكر مقرريه 6/2 و4/3:"
    assert keys(text) == [("decision", "cop", 2, 6), ("decision", "cop", 3, 4)]
    assert [m.text for m in find_mentions(text)] == ["مقرريه 6/2", "و4/3"]
    assert keys("وعملاً بالمقررين 6/2 و4/3 الصادرين عن المؤتمر") == [
        ("decision", "cop", 2, 6), ("decision", "cop", 3, 4)]


def test_diacritics_and_clitics():
    assert keys("يؤكِّد مجدِّداً مقرَّره 3/4، المؤرَّخ") == [("decision", "cop", 4, 3)]
    assert keys("يؤكّد مجدداً مُقرّره 3/4 المؤرّخ") == [("decision", "cop", 4, 3)]
    assert keys("بمقتضى قرار المؤتمر 5/5، لكي") == [("resolution", "cop", 5, 5)]


def test_general_assembly_and_ecosoc_are_not_the_cop():
    text = "قرار الجمعية العامة 25/55، المرفقان الثاني والثالث، وقرارها 25/55، المرفق."
    assert keys(text) == [("resolution", "ga", 55, 25), ("resolution", "ga", 55, 25)]
    assert keys("عملاً بقرار المجلس الاقتصادي والاجتماعي 27/2006 المؤرخ") == [
        ("resolution", "ecosoc", 2006, 27)]


def test_words_that_are_not_references():
    assert find_mentions("ومن المقرر أن يعقد الاجتماع") == []
    assert find_mentions("وأن يتخذ قرارا بهذا الشأن في دورته الرابعة في عام 2008.") == []


def test_paragraph_of_the_same_unit():
    [m] = find_mentions("الأنشطة ذات الأولوية المذكورة في الفقرة 2 أعلاه، لكي")
    assert (m.kind, m.body, m.paragraph, m.direction, m.text) == (
        "paragraph", "self", ("2",), "above", "الفقرة 2 أعلاه")


def test_paragraph_of_a_convention_article_is_not_a_paragraph():
    [m] = find_mentions("إلى الحساب المنشأ بمقتضى الفقرة 2 (ج) من المادة 30 من الاتفاقية لغرض")
    assert (m.kind, m.body, m.article, m.paragraph) == ("article", "convention", 30, ("2", "(ج)"))


def test_articles_and_their_instruments():
    ms = find_mentions("تنفيذ المادة 26 من الاتفاقية، إلى جانب المادتين 24 و25 منها")
    assert [(m.kind, m.body, m.article) for m in ms] == [
        ("article", "convention", 26), ("article", "convention", 24),
        ("article", "convention", 25)]
    ms = find_mentions("وفقاً للفقرة 3 من المادة 32 من اتفاقية الأمم المتحدة "
                       "والفقرة 2 من المادة 2 من النظام الداخلي")
    assert [(m.body, m.article, m.paragraph) for m in ms] == [
        ("convention", 32, ("3",)), ("rules_of_procedure", 2, ("2",))]
    ms = find_mentions("أحكام الفقرتين 4 و5 من المادة 32 من الاتفاقية")
    assert [m.paragraph for m in ms] == [("4",), ("5",)]


def test_offsets_point_at_the_printed_words():
    text = "وترد التوصيات التي اعتمدت في مقرر مؤتمر الأطراف 4/3 (انظر الجزء باء)."
    [m] = find_mentions(text)
    assert text[m.start:m.end] == m.text == "مقرر مؤتمر الأطراف 4/3"


def test_document_symbols():
    ms = find_mentions("وخطة عمل أكرا (A/63/539، المرفق)، و CTOC/COP/2005/4/Rev.2 و CTOC/COP/2008/16.")
    assert [(m.kind, m.text) for m in ms] == [
        ("document", "A/63/539"), ("document", "CTOC/COP/2005/4/Rev.2"),
        ("document", "CTOC/COP/2008/16")]
