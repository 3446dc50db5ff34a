"""The thematic index in the database: themes, entries, targets, corrections, numbering.

Expected values were worked out by hand from data/sources/compendium.txt
(the table at lines 655-887 and the paragraphs it points at).
"""

from __future__ import annotations

import shutil
import tomllib

import pytest

from desktop import paths
from desktop.content import build as builder
from desktop.content import thematic_index

THEMES = [
    "اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية",
    "الاختصاصيون الممارسون/ العاملون",
    "الأدوات",
    "إعلان باريس بشأن فعالية المعونات",
    "بناء القدرات",
    "بوابة الموارد الإلكترونية والقوانين المتعلقة بالجريمة (بوابة شيرلوك) لإدارة المعارف",
    "التدريب",
    "تسليم المطلوبين (المجرمين)",
    "التعاون والتنسيق بين الوكالات/ الأجهزة (إنفاذ القانون)",
    "تقديم المساعدة للضحايا",
    "تقييم الأخطار",
    "جمع البيانات",
    "جمع المعلومات وتقاسمها (التشارك فيها) وتبادلها",
    "الجهات المانحة",
    "جهاز القضاء (القضاة)",
    "جهة الوصل لأغراض المادة 23 من اتفاقية الجريمة المنظمة",
    "حماية الشهود",
    "خطة عمل أكرا",
    "خلاصة/فهرس القضايا",
    "دليل السلطات الوطنية المختصة",
    "سلطات وأجهزة إنفاذ القانون والمسؤولون والموظفون العاملون في هذا المجال",
    "السلطات المعنية بالملاحقة القضائية",
    "السلطات المركزية و/أو المختصة",
    "شبكات التعاون الدولي",
    "شبكة برنامج الأمم المتحدة لمنع الجريمة والعدالة الجنائية",
    "غسل الأموال",
    "القائمة المرجعية/ الاستبيان",
    "المساعدة التقنية",
    "المساعدة القانونية المتبادلة",
    "المشاركة في الجماعات الإجرامية المنظمة",
    "مكتب الأمم المتحدة المعني بالمخدرات والجريمة (المكتب المعني بالمخدرات والجريمة/المكتب)",
    "مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية",
]


def index_rows(dump_rows):
    return [r for r in dump_rows if r["type"] == "index"]


def entry(dump_rows, line, symbol=None, decision=None):
    found = [r for r in index_rows(dump_rows) if r["source_line"] == line
             and (symbol is None or r["symbol"] == symbol)
             and (decision is None or r["decision"] == decision)]
    assert len(found) == 1, (line, symbol, decision, found)
    return found[0]


def test_full_list_of_themes_in_table_order(content_db):
    labels = [r[0] for r in content_db.conn.execute("SELECT label FROM themes ORDER BY sort")]
    assert labels == THEMES


def test_every_reference_is_in_the_database(dump_rows):
    rows = index_rows(dump_rows)
    assert len(rows) == 194
    assert {r["status"] for r in rows} == {"resolved", "corrected", "unresolved"}
    # only the acknowledged 7 (i) stays unresolved
    assert [r["source_line"] for r in rows if r["status"] == "unresolved"] == [751]


@pytest.mark.parametrize("theme,count", [
    # counted by hand, rows of other themes moved by the theme fixes included,
    # rows the source printed twice (duplicate_of) excluded
    ("اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية", 15),   # 661-667, 675-682
    ("الاختصاصيون الممارسون/ العاملون", 6),                                # 693-698
    ("التدريب", 8),                                                        # 731-734, 738-741
    ("جمع المعلومات وتقاسمها (التشارك فيها) وتبادلها", 8),                # 770 (6 rows), 771, 772
    ("سلطات وأجهزة إنفاذ القانون والمسؤولون والموظفون العاملون في هذا المجال", 9),  # 798-803, 810-812
    ("المساعدة التقنية", 14),                                              # 846-851, 853-860
    ("المساعدة القانونية المتبادلة", 15),                                  # 864-868
    ("مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية", 14),  # 875-887
    ("حماية الشهود", 6),                                                   # 786-791
    ("شبكة برنامج الأمم المتحدة لمنع الجريمة والعدالة الجنائية", 1),      # 826 (825, 827 repeat)
])
def test_entry_counts_per_theme(dump_rows, theme, count):
    rows = [r for r in index_rows(dump_rows) if r["theme"] == theme and r["duplicate_of"] is None]
    assert len(rows) == count


def test_duplicates_are_kept_and_marked(dump_rows):
    dups = sorted(r["source_line"] for r in index_rows(dump_rows) if r["duplicate_of"])
    assert dups == [804, 805, 806, 825, 827]


# (line, symbol or decision, targets): across every page, both parts,
# locators, report-only rows, annex references and whole sections
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


def test_every_target_is_a_paragraph(content_db):
    missing = content_db.conn.execute(
        "SELECT COUNT(*) FROM index_targets t LEFT JOIN paragraphs p ON p.id = t.paragraph_id "
        "WHERE p.id IS NULL").fetchone()[0]
    assert missing == 0


def corrections():
    with open(paths.corrections_dir() / "index.toml", "rb") as fh:
        return tomllib.load(fh)


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


def test_acknowledged_unresolved(dump_rows, content_db):
    row = entry(dump_rows, 751)
    assert row["status"] == "unresolved" and row["targets"] == []
    ack = content_db.conn.execute(
        "SELECT acknowledged FROM index_entries WHERE source_line = 751").fetchone()[0]
    assert "7 (i)" in ack


def test_check_reports_themes_and_uncertainty(content_db):
    findings = list(thematic_index.check(content_db))
    assert not [f for f in findings if f.severity == "error"]
    infos = [f.message for f in findings if f.severity == "info"]
    assert "غسل الأموال: 3 resolved, 1 corrected, 0 unresolved" in infos
    warnings = [f.message for f in findings if f.severity == "warning"]
    # 797 by a reviewed fix, 755 by the table's own order (2018 after COP 2016)
    assert any(m.startswith("line 797 ") for m in warnings)
    assert any(m.startswith("line 755 ") and "out of the table's order" in m for m in warnings)


def test_report_paragraph_numbers(content_db):
    def rp(pid):
        return content_db.conn.execute(
            "SELECT report_paragraph, report_paragraph_certain FROM paragraphs WHERE id = ?",
            [pid]).fetchone()
    assert rp("A07/30") == ("34", 1)          # named by the index (34 <-> سابعاً-30)
    assert rp("A07/2") == ("6", 0)            # numbered by meeting 7's rule only
    assert rp("A04/1.l6.q1") == ("2 (و) '1'", 1)     # line 864: 2 (و) '1' <-> رابعاً-1 (و) '1'
    assert rp("A04/1.l6.q2") == ("2 (و) '2'", 0)     # never paired in the index
    assert rp("A05/l9") == ("4 (ط)", 1)
    assert rp("A02/13") == ("13", 0)
    assert rp("A11/l5") == ("5 (هـ)", 1)
    assert rp("A01/n1")[0] is None              # a note has no number


def build_with_index_toml(root, text):
    corr = root / "corrections"
    shutil.copytree(paths.corrections_dir(), corr)
    (corr / "index.toml").write_text(text, encoding="utf-8")
    out = root / "db.sqlite"
    builder.build(out, corrections=corr)
    return builder.open_db(out)


@pytest.fixture(scope="module")
def db_without_index_fixes(tmp_path_factory):
    """The same build with an index corrections file that fixes nothing."""
    return build_with_index_toml(tmp_path_factory.mktemp("nofix"), "# nothing reviewed\n")


@pytest.fixture(scope="module")
def db_without_theme_fixes(tmp_path_factory):
    """The same build without the reviewed [[theme_fix]] entries."""
    text = (paths.corrections_dir() / "index.toml").read_text(encoding="utf-8")
    start = text.index("[[theme_fix]]")
    end = text.rindex("[[unresolved]]")
    return build_with_index_toml(tmp_path_factory.mktemp("notheme"), text[:start] + text[end:])


def test_misplaced_labels_are_found_from_the_content(db_without_theme_fixes):
    """Without the reviewed theme fixes, check still points at each misplaced label."""
    warnings = [f.message for f in thematic_index.check(db_without_theme_fixes)
                if f.severity == "warning"]

    def flagged(line, why):
        return any(m.startswith(f"line {line} ") and why in m for m in warnings)
    # COP rows whose annex paragraphs are another theme's Working Group rows
    for line in (681, 682, 782, 817, 822):
        assert flagged(line, "are not among the Working Group rows of its theme"), line
    # Working Group rows printed after COP rows under one label: a new theme starts
    for line in (693, 798, 846, 866, 868):
        assert flagged(line, "out of the table's order"), line


def test_without_corrections_the_errors_show(db_without_index_fixes):
    db = db_without_index_fixes
    status = dict(db.conn.execute(
        "SELECT source_line, status FROM index_entries WHERE source_line IN (711, 783, 751)"))
    assert status == {711: "unresolved", 783: "unresolved", 751: "unresolved"}
    errors = [f for f in thematic_index.check(db) if f.severity == "error"]
    assert len(errors) >= 3
    assert any("line 751" in f.message for f in errors)


def test_stale_and_malformed_corrections_stop_the_build(tmp_path):
    corr = tmp_path / "corrections"
    shutil.copytree(paths.corrections_dir(), corr)
    (corr / "index.toml").write_text(
        '[[index_fix]]\nline = 12\nsymbol = "X"\nreason = "stale"\n', encoding="utf-8")
    with pytest.raises(builder.BuildError, match="line 12"):
        builder.build(tmp_path / "a.sqlite", corrections=corr)
    (corr / "index.toml").write_text('[[theme_fix]]\ntheme = "x"\n', encoding="utf-8")
    with pytest.raises(builder.BuildError, match="malformed"):
        builder.build(tmp_path / "b.sqlite", corrections=corr)


def test_numbering_rules_are_derived_from_the_index(content_db):
    rules = {r["unit_id"]: (r["rule"], r["value"], r["agreeing"], r["pairs"])
             for r in content_db.query("SELECT * FROM index_numbering")}
    assert rules["A07"][:2] == ("offset", 4)       # سابعاً-30 <-> 34
    assert rules["A04"][:2] == ("offset", 1)       # رابعاً-1 <-> 2
    assert rules["A02"][:2] == ("offset", 0)
    assert rules["A05"][:2] == ("prefix", 4)       # خامساً-(ب) <-> 4 (ب)
    assert rules["A11"][:2] == ("prefix", 5)
    # line 712 prints report "5" for حادي عشر-(ج): the one pair that disagrees
    assert rules["A11"][2:] == (7, 8)
    assert rules["B8-r4/annex"][:2] == ("annex_offset", 1)
    assert rules["B7-r3/annex1"][:2] == ("annex_offset", 0)
    warnings = [f.message for f in thematic_index.check(content_db) if f.severity == "warning"]
    assert any(m.startswith("line 712: numbering") for m in warnings)


def test_official_citation(content_db):
    assert thematic_index.official_citation(content_db, "A07/30") == (
        "CTOC/COP/WG.2/2013/5، الفقرة 34", True)
    assert thematic_index.official_citation(content_db, "A04/1.l6.q2") == (
        "CTOC/COP/WG.2/2009/4، الفقرة 2 (و) '2'", False)
    assert thematic_index.official_citation(content_db, "A01/n1") is None
    assert thematic_index.official_citation(content_db, "no such id") is None
