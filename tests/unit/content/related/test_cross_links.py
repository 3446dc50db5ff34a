"""Links across the five documents, checked against a hand-made list of mentions."""

from __future__ import annotations

import pytest

from desktop.content.related.cross_links import find_mentions

#: (paragraph, words as printed, the unit or document they must lead to)
LINKED = [
    ("cop10:16", "مقرره 6/2", "B2-d6"),                  # decision 2/6 -> المقرر 6/2
    ("cop10:9", "CTOC/COP/WG.7/2020/4", "som-wg-2020"),  # the migrant-smuggling report
    ("cop12:72", "القرار 2/12", "cop12:r2"),
    ("cop12:79", "المقرر 2/12", "cop12:d2"),               # decision, not resolution 12/2
    ("cop12:78", "المقرر 1/12", "cop12:d1"),
    ("cop12:65", "القرار 1/12", "cop12:r1"),
    ("cop12:51", "القرار 3/12", "cop12:r3"),
    ("cop12:58", "القرار 4/12", "cop12:r4"),
    ("A14/n1", "للقرار 2/12", "B12-r2"),                 # the supplement stays in its tree
    ("A15/n1", "للقرار 2/12", "B12-r2"),
    ("cop6:i5/4", "3/4", "B4-d3"),                       # visual order: "3/4 مق" = مقرره 3/4
    ("cop6:i3/2", "6/5", "B5-r6"),                       # "6/5 ... في قراره" = القرار 6/5
    # symbols in footnotes speak for their paragraph: the reports of meetings 14 and 15
    ("cop12:r2/annex1/t1", "CTOC/COP/WG.2/2023/4", "A14"),
    ("cop12:r2/annex2/t1", "CTOC/COP/WG.2/2024/5", "A15"),
]

#: (paragraph, words, body, kind, session, number): references kept as external
EXTERNAL = [
    ("cop12:r3/pp1", "ومقرره 6/4", "cop", "decision", 4, 6),       # firearms, not B6-r4
    ("cop12:r3/pp2", "و2/6", "cop", "resolution", 6, 2),           # enumeration, not B2-d6
    ("cop12:r3/pp2", "قراراته 4/5", "cop", "resolution", 5, 4),
    ("cop12:r3/pp2", "و6/11", "cop", "resolution", 11, 6),
    ("cop12:r3/21", "لقرار المؤتمر 4/5", "cop", "resolution", 5, 4),
    ("cop10:10", "بقرار مؤتمر الأطراف 4/5", "cop", "resolution", 5, 4),  # firearms, not B5-r6
    ("cop10:1", "قراره 1/9", "cop", "resolution", 9, 1),
    ("cop10:4", "بمقرر مؤتمر الأطراف 4/4", "cop", "decision", 4, 4),
    ("cop10:13", "بمقرر مؤتمر الأطراف 2/3", "cop", "decision", 3, 2),
    ("cop12:8", "مقرره 2/5", "cop", "decision", 5, 2),
    ("cop12:r1/pp4", "وقراره 8/5", "cop", "resolution", 5, 8),
    ("cop12:r2/annex1/l1", "بقرار مؤتمر الأطراف في الاتفاقية 2/11", "cop", "resolution", 11, 2),
    ("cop12:r3/pp3", "قرار مؤتمر الدول الأطراف في اتفاقية الأمم المتحدة لمكافحة الفساد 5/10",
     "uncac", "resolution", 10, 5),
    ("cop12:r4/pp3", "و5/10", "uncac", "resolution", 10, 5),
    ("cop12:r3/pp11", "قرارها 47/78", "ga", "resolution", 78, 47),
    ("cop12:r4/pp1", "قرار الجمعية العامة 185/76", "ga", "resolution", 76, 185),
    ("cop12:r4/pp1", "و325/77", "ga", "resolution", 77, 325),
    ("cop12:r4/pp1", "و19/2012", "ecosoc", "resolution", 2012, 19),
    ("cop12:r4/pp4", "قرار لجنة منع الجريمة والعدالة الجنائية 1/16", "ccpcj", "resolution", 16, 1),
    ("cop12:r4/pp4", "وقرارها 1/23", "ccpcj", "resolution", 23, 1),
    ("cop6:i6/1", "25/55", "ga", "resolution", 55, 25),
    ("cop10:18", "CTOC/COP/WG.2/2020/3", "symbol", "document", None, None),  # meeting 12: a gap
    # the report of session 5: no document here holds it, and resolution 6/5 is not it
    ("cop6:i1/4", "CTOC/COP/2010/17", "symbol", "document", None, None),
]


@pytest.fixture(scope="module")
def links(content_db):
    return [dict(r) for r in content_db.query(
        "SELECT l.*, p.unit_id AS to_unit, p.document AS to_document FROM links l "
        "JOIN paragraphs p ON p.id = l.to_id WHERE l.source = 'related'")]


@pytest.fixture(scope="module")
def external(content_db):
    return [dict(r) for r in content_db.query(
        "SELECT * FROM external_refs WHERE source = 'related'")]


def test_at_least_25_hand_checked_mentions():
    assert len(LINKED) + len(EXTERNAL) >= 25


@pytest.mark.parametrize("paragraph, text, target", LINKED)
def test_mentions_resolve_to_the_right_target(links, paragraph, text, target):
    hits = [l for l in links if l["from_id"] == paragraph and l["text"] == text]
    assert hits, f"no link from {paragraph} for {text}"
    assert all(target in (l["to_unit"], l["to_document"]) for l in hits)


@pytest.mark.parametrize("paragraph, text, body, kind, session, number", EXTERNAL)
def test_mentions_kept_as_external(links, external, paragraph, text, body, kind, session, number):
    hits = [e for e in external if e["from_id"] == paragraph and e["text"] == text]
    assert hits, f"no external reference in {paragraph} for {text}"
    assert (hits[0]["body"], hits[0]["kind"], hits[0]["session"], hits[0]["number"]) == (
        body, kind, session, number)
    assert not [l for l in links if l["from_id"] == paragraph and l["text"] == text]


def test_collisions_never_link_to_the_technical_assistance_units(links):
    # decision 4/6 (firearms) and resolution 6/2 share digits with B6-r4 and B2-d6
    from_firearms = [l for l in links if l["from_id"] in ("cop12:r3/pp1", "cop12:r3/pp2",
                                                          "cop12:r3/21", "cop10:10")]
    assert from_firearms == []
    # COP 12's resolution 12/2 and decision 12/2 are different targets
    assert {l["to_unit"] for l in links if l["text"] == "القرار 2/12"} <= {"cop12:r2", "B12-r2"}
    assert {l["to_unit"] for l in links if l["text"] == "المقرر 2/12"} == {"cop12:d2"}


def test_every_link_target_exists(content_db):
    broken = content_db.execute(
        "SELECT count(*) FROM links l WHERE source = 'related' AND NOT EXISTS "
        "(SELECT 1 FROM paragraphs p WHERE p.id = l.to_id)").fetchone()[0]
    assert broken == 0


def test_scheduled_and_rapporteur_are_not_decisions():
    assert find_mentions("ومن المقرر أن يعقد الفريق العامل اجتماعه السابع يومي 16 و17 تموز/يوليه 2020.") == []
    assert find_mentions("المقرر: يامن يسوف (الجمهورية العربية السورية)") == []
    assert find_mentions("أن يكون منصب الرئيس والمقرر خاضعين للتناوب") == []


def test_kind_session_and_number():
    [m] = find_mentions("أنشأ مؤتمر الأطراف، في مقرره 6/2 بشأن أنشطة المساعدة التقنية")
    assert (m.body, m.kind, m.session, m.number) == ("cop", "decision", 2, 6)
    found = find_mentions("وإذ يشير أيضا إلى قراراته 4/5 المؤرخ 2010 والمعنون \"صنع\"، "
                          "و2/6 المؤرخ 2012، و2/7 المؤرخ 2014")
    assert [(m.kind, m.session, m.number) for m in found] == [
        ("resolution", 5, 4), ("resolution", 6, 2), ("resolution", 7, 2)]
    [m] = find_mentions("ووفقا للقرار 1/7، سوف يُعرض على المؤتمر")
    assert (m.kind, m.session, m.number) == ("resolution", 7, 1)


def test_visual_order_keyword_follows_number():
    [m] = find_mentions("ه أن ، 3/4 مق ق الخبراء", order="visual")
    assert (m.kind, m.session, m.number) == ("decision", 4, 3)
    assert find_mentions("البند 13/00- 10/00 انتخاب أعضاء المكتب", order="visual") == []
    assert find_mentions("4/4 وقرَّر المؤتمر أيضا", order="visual") == []


def test_endorsement_links_both_ways(links):
    # as the links stage does for the compendium: the COP text endorses, the meeting is endorsed_by
    endorses = {(l["from_id"], l["to_id"], l["text"]) for l in links if l["kind"] == "endorsement"}
    assert {("B12-r2/1", "A14/n1", "يُقرّ التوصيات"), ("B12-r2/2", "A15/n1", "يُقرّ أيضا التوصيات"),
            ("cop12:r2/1", "A14/n1", "يُقرّ التوصيات")} <= endorses
    endorsed = {(l["from_id"], l["to_id"]) for l in links if l["kind"] == "endorsed_by"}
    assert {("A14/n1", "B12-r2/1"), ("A15/n1", "B12-r2/2"), ("A14/n1", "cop12:r2/1")} <= endorsed


def test_supplement_paragraphs_point_to_the_report(links):
    same = {(l["from_id"], l["to_id"]) for l in links if l["kind"] == "same_text"}
    assert ("B12-r2/annex2/l19", "cop12:r2/annex2/l19") in same
    assert ("cop12:r2/pp1", "B12-r2/pp1") not in same      # one way only
    assert len(same) == 46


def test_dump_carries_links_and_external_refs(dump_rows):
    kinds = {(r["type"], r.get("kind")) for r in dump_rows
             if r["type"] in ("link", "external_ref")}
    assert ("link", "endorsement") in kinds and ("external_ref", "decision") in kinds
    assert ("link", "mention_decision") in kinds and ("link", "mention_document") in kinds


def test_a_symbol_links_only_into_what_carries_it(content_db, links):
    """A report symbol leads to its document or its meeting, never into one
    decision of a session whose report it is (CTOC/COP/2010/17 is session 5's)."""
    node_kind = dict(content_db.execute("SELECT id, kind FROM nodes"))
    symbols = [l for l in links if l["kind"] == "mention_document"]
    assert symbols
    for l in symbols:
        if l["to_node"] is None:                       # a whole document
            assert l["to_document"] != "compendium"
            continue
        assert node_kind[l["to_node"]] == "meeting", l
        assert l["to_unit"] == l["to_node"], l
        carried = content_db.execute("SELECT symbol FROM nodes WHERE id = ?",
                                     [l["to_node"]]).fetchone()[0]
        assert l["text"] in carried
    assert not [l for l in links if l["from_id"] == "cop6:i1/4" and "2010/17" in (l["text"] or "")]
