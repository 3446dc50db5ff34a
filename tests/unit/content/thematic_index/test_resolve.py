"""desktop/content/thematic_index/resolve.py: each row of the index resolved to the paragraphs it names, with the reviewed fixes applied."""


from __future__ import annotations


import pytest
from tests.unit.content.thematic_index.conftest import corrections, entry, index_rows


TARGETS = [
    (661, "CTOC/COP/2008/7", ["A02/2", "A02/3", "A02/4", "A02/6"]),
    (662, "CTOC/COP/WG.2/2009/4", ["A04/1.l2", "A04/1.l3", "A04/1.l4", "A04/2", "A04/6"]),
    (675, "المقرر 4/1", ["B1-d4/l1"]),
    (677, "المقرر 4/3", ["B3-d4/l2", "B3-d4/l4", "B3-d4/1", "B3-d4/3", "B3-d4/4", "B3-d4/6",
                         "B3-d4/12"]),
    (679, "القرار 6/5", ["B5-r6/pp1"]),
    (680, "القرار 4/6", ["B6-r4/pp1", "B6-r4/annex/l2.q5", "B6-r4/annex/l3.q1"]),
    (681, "القرار 3/7", ["A07/3", "A07/25", "A07/28", "A07/29", "A07/31", "A08/10", "A08/11",
                         "A08/12"]),
    (682, "القرار 4/8", ["A09/1", "A09/5", "A09/6", "A09/13"]),
    (694, "CTOC/COP/WG.2/2017/4-CTOC/COP/WG.3/2017/4", ["A10/l1"]),
    (713, "القرار 4/6", ["B6-r4/annex/l2.q4"]),
    (719, "CTOC/COP/2008/7", ["A02/3.l2", "A02/3.l3", "A02/3.l4", "A02/4.l2", "A02/5",
                              "A02/6.l2"]),
    (732, "CTOC/COP/WG.2/2014/4", ["A08/3", "A08/4", "A08/5", "A08/6", "A08/7"]),
    (739, "المقرر 3/4", ["B4-d3/l5"]),
    (744, "CTOC/COP/WG.2/2013/5", ["A07/30"]),       # report 34, locator lost
    (745, "CTOC/COP/WG.2/2016/5", ["A09/5"]),        # report 9
    (749, "CTOC/COP/WG.2/2009/4", ["A04/1.l8"]),     # report 2 (ح)
    (759, "المقرر 4/3", ["B3-d4/7.l1", "B3-d4/7.l3"]),
    (765, "CTOC/COP/WG.2/2013/5", ["A07/10"]),
    (774, "المقرر 3/4", ["B4-d3/l5", "B4-d3/l9.q5", "B4-d3/l18"]),
    (778, "CTOC/COP/WG.2/2009/4", ["A04/1.l6.q2"]),
    (789, "القرار 4/6", ["B6-r4/annex/l2.q2"]),
    (791, "القرار 4/8", ["A09/8"]),                  # annex 9: annex numbers run one ahead
    (814, "CTOC/COP/WG.2/2013/5", ["A07/6", "A07/7", "A07/8", "A07/13", "A07/14", "A07/20"]),
    (828, "CTOC/COP/WG.2/2014/4", ["A08/13.l3"]),
    (848, "CTOC/COP/WG.2/2010/1", ["A05/l2", "A05/l3", "A05/l7", "A05/l8", "A05/l9",
                                   "A05/l11", "A05/l14", "A05/l15"]),
    (856, "المقرر 3/4", ["B4-d3/l1", "B4-d3/l2", "B4-d3/l3", "B4-d3/l8", "B4-d3/l9.q2",
                         "B4-d3/l12", "B4-d3/l13", "B4-d3/l16", "B4-d3/l19"]),
    (859, "القرار 3/7", ["A07/18", "A07/25", "A07/26", "A07/28", "A07/29", "A07/30", "A07/31",
                         "A08/9", "A08/11", "A08/13"]),
    (865, "القرار 4/8", ["A09/5"]),
    (869, "CTOC/COP/WG.2/2014/4", ["A08/1", "A08/2", "A08/13.l1"]),
    (870, "CTOC/COP/WG.2/2018/3-CTOC/COP/WG.3/2018/3", ["A11/l1", "A11/l3", "A11/l4"]),
    (877, "CTOC/COP/WG.2/2013/5", ["A07/1"]),       # its symbol cell was lost
    (882, "المقرر 4/3", ["B3-d4/l2", "B3-d4/l3", "B3-d4/l5", "B3-d4/5", "B3-d4/6", "B3-d4/9",
                         "B3-d4/10", "B3-d4/11"]),
    (885, "القرار 4/6", ["B6-r4/1", "B6-r4/2"]),
]


@pytest.mark.parametrize("line,doc,targets", TARGETS)
def test_resolved_targets(dump_rows, line, doc, targets):
    key = {"decision": doc} if doc.startswith(("المقرر", "القرار")) else {"symbol": doc}
    row = entry(dump_rows, line, **key)
    assert row["targets"] == targets
    assert row["status"] in ("resolved", "corrected")


def test_every_index_fix_is_applied(dump_rows, content_db):
    data = corrections()
    assert len(data["index_fix"]) == 18
    for fix in data["index_fix"]:
        rows = [r for r in index_rows(dump_rows) if r["source_line"] == fix["line"]]
        if "match" in fix:
            rows = [r for r in rows if fix["match"] in (r["symbol"], r["decision"])]
        assert len(rows) == 1, fix
        row = rows[0]
        assert row["status"] == "corrected", fix
        for key, field in (("locator", "locator"), ("report", "report_paragraphs"),
                           ("symbol", "symbol"), ("decision", "decision")):
            if key in fix:
                assert row[field] == fix[key], fix
        if "duplicate_of" in fix:
            original = entry(dump_rows, fix["duplicate_of"])
            assert row["targets"] == original["targets"]
            assert row["duplicate_of"] is not None


def test_corrected_locators_resolve_to_meeting_7(dump_rows):
    # سادساً-13 / -26 / -15 / -30 / -8 named meeting 6, which has no numbered paragraphs
    assert entry(dump_rows, 711)["targets"] == ["A07/13", "A07/30"]
    assert entry(dump_rows, 716)["targets"] == ["A07/26"]
    assert entry(dump_rows, 721)["targets"] == ["A07/15"]
    assert entry(dump_rows, 726)["targets"] == ["A07/30"]
    assert entry(dump_rows, 731)["targets"] == ["A07/8", "A07/13", "A07/19"]
    assert entry(dump_rows, 829)["targets"] == ["A09/13", "A09/14", "A09/15", "A09/18"]
    assert entry(dump_rows, 866, symbol="CTOC/COP/WG.2/2010/1")["targets"] == ["A05/l9"]
    assert entry(dump_rows, 783)["symbol"] == "CTOC/COP/WG.2/2016/5"
    assert entry(dump_rows, 783)["targets"] == ["A09/2"]
    assert entry(dump_rows, 875)["targets"][:2] == ["A02/1", "A02/2.l2"]
    assert entry(dump_rows, 868, symbol="CTOC/COP/2014/13")["targets"] == [
        "A07/24", "A08/5", "A08/9", "A08/13.l4"]


def test_every_theme_fix_is_applied(content_db):
    data = corrections()
    assert data["theme_fix"], "no theme fixes to check"
    for fix in data["theme_fix"]:
        for line in fix["lines"]:
            rows = list(content_db.query(
                "SELECT t.label, e.theme_certain, e.theme_evidence FROM index_entries e "
                "JOIN themes t ON t.id = e.theme_id WHERE e.source_line = ?", [line]))
            assert rows, line
            for row in rows:
                assert row["theme_certain"] == 0
                assert row["theme_evidence"] == fix["evidence"]
                if "theme" in fix:
                    assert row["label"] == fix["theme"]
