"""Cross-reference links of the compendium: endorsements, mentions, external references."""

from __future__ import annotations

import pytest

from desktop.content import links


def compendium_links(dump_rows):
    return [r for r in dump_rows if r["type"] == "link" and (
        r["kind"] in ("endorsement", "endorsed_by", "mention_decision", "mention_paragraph"))]


def has(rows, frm, to, kind):
    return any(r["from"] == frm and r["to"] == to and r["kind"] == kind for r in rows)


# meeting -> (the COP paragraph that endorses it, the meeting paragraph it points at)
ENDORSED = {
    1: [("B3-d4/l1", "A01/n1")],                 # decision 4/3 (أ) يُقرُّ التوصيات
    3: [("B4-d3/c1", "A03/n1")],                 # decision 3/4: no endorsing item, the decision
    5: [("B5-r6/annex/n1", "A05/c1"), ("B5-r6/1", "A05/c1")],
    6: [("B6-r4/1", "A06/n1")],
    7: [("B7-r3/annex1/n1", "A07/1"), ("B7-r3/1", "A07/1")],
    8: [("B7-r3/annex2/n1", "A08/1"), ("B7-r3/2", "A08/1")],
    9: [("B8-r4/annex/n1", "A09/1"), ("B8-r4/1", "A09/1")],
}


@pytest.mark.parametrize("meeting", sorted(ENDORSED))
def test_endorsement_both_directions(dump_rows, meeting):
    rows = compendium_links(dump_rows)
    for cop, wg in ENDORSED[meeting]:
        assert has(rows, cop, wg, "endorsement"), (meeting, cop, wg)
        assert has(rows, wg, cop, "endorsed_by"), (meeting, wg, cop)
    endorsing = [r for r in rows if r["kind"] == "endorsement" and r["to"] == ENDORSED[meeting][0][1]]
    assert {r["to_node"] for r in endorsing} == {f"A{meeting:02d}"}


def test_endorsement_words_as_printed(dump_rows):
    rows = compendium_links(dump_rows)
    by = {(r["from"], r["kind"]): r["text"] for r in rows}
    assert by[("A01/n1", "endorsed_by")] == "مقرر مؤتمر الأطراف 4/3"
    assert by[("B7-r3/2", "endorsement")] == "يُقرُّ أيضاً التوصيات"
    assert by[("B8-r4/annex/n1", "endorsement")] == "التوصيات التي وردت في الاجتماع التاسع"


def test_no_endorsement_for_meetings_the_compendium_does_not_say(dump_rows):
    rows = compendium_links(dump_rows)
    endorsed = {r["to_node"] for r in rows if r["kind"] == "endorsement"}
    # meetings 2, 4, 10, 11: no note, annex or "يقرّ التوصيات" names them
    # (A14/A15 come from the supplement of the related-documents stage)
    original = {f"A{n:02d}" for n in range(1, 12)}
    assert endorsed & original == {"A01", "A03", "A05", "A06", "A07", "A08", "A09"}


def test_decision_mentions_point_at_the_decision(dump_rows):
    rows = compendium_links(dump_rows)
    mentions = {(r["from"], r["text"]): (r["to"], r["to_node"]) for r in rows
                if r["kind"] == "mention_decision"}
    assert mentions[("B4-d3/c1", "مقرريه 6/2")] == ("B2-d6/c1", "B2-d6")
    assert mentions[("B4-d3/c1", "و4/3")] == ("B3-d4/c1", "B3-d4")
    assert mentions[("A04/1", "مقرر المؤتمر 4/3")] == ("B3-d4/c1", "B3-d4")
    assert mentions[("B8-r4/2", "مُقرّره 3/4")] == ("B4-d3/c1", "B4-d3")


def test_paragraph_mention_uses_the_report_numbering(dump_rows):
    # meeting 4's "الفقرة 2 أعلاه" is report paragraph 2 = the compendium's رابعاً-1
    rows = compendium_links(dump_rows)
    [r] = [r for r in rows if r["kind"] == "mention_paragraph"]
    assert (r["from"], r["to"], r["text"]) == ("A04/5", "A04/1", "الفقرة 2 أعلاه")


def test_external_references(content_db):
    rows = list(content_db.query(
        "SELECT from_id, kind, body, text, session, number, article FROM external_refs "
        "WHERE source = 'compendium'"))
    assert {"from_id": "A05/l14", "kind": "article", "body": "convention",
            "text": "الفقرة 2 (ج) من المادة 30", "session": None, "number": None,
            "article": 30} in rows
    ga = [r for r in rows if r["body"] == "ga"]
    assert ga and all(r["session"] == 55 for r in ga)
    # decisions 2/3 and 3/3 of the COP are named but not in the compendium
    cop = {(r["kind"], r["session"], r["number"]) for r in rows if r["body"] == "cop"}
    assert ("decision", 3, 2) in cop and ("decision", 3, 3) in cop


def test_every_link_target_exists(content_db):
    broken = content_db.conn.execute(
        "SELECT COUNT(*) FROM links l WHERE NOT EXISTS (SELECT 1 FROM paragraphs p "
        "WHERE p.id = l.to_id) OR NOT EXISTS (SELECT 1 FROM paragraphs p WHERE p.id = l.from_id)"
    ).fetchone()[0]
    assert broken == 0
    assert not [f for f in links.check(content_db) if f.severity == "error"]


def test_check_fails_on_a_broken_link(tmp_path, content_db_path):
    import shutil
    import sqlite3

    import sqlite_utils
    copy = tmp_path / "broken.sqlite"
    shutil.copy(content_db_path, copy)
    conn = sqlite3.connect(copy)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("INSERT INTO links (from_id, to_id, kind, text, source) "
                 "VALUES ('A07/1', 'A07/99', 'mention_paragraph', 'x', 'compendium')")
    conn.commit()
    errors = [f for f in links.check(sqlite_utils.Database(conn)) if f.severity == "error"]
    assert len(errors) == 1 and "A07/99" in errors[0].message


def test_documents_not_in_the_compendium_are_external(content_db):
    rows = {(r[0], r[1]) for r in content_db.conn.execute(
        "SELECT from_id, text FROM external_refs WHERE source = 'compendium' AND kind = 'document'")}
    assert ("A07/26", "A/63/539") in rows
    assert any(text == "CTOC/COP/2008/16" for _, text in rows)
