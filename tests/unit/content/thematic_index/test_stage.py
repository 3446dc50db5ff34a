"""desktop/content/thematic_index/stage.py: the thematic index in the database
(themes, entries, targets, check, dump, official citations).

Expected values were worked out by hand from data/sources/compendium.txt
(the table at lines 655-887 and the paragraphs it points at).
"""

from __future__ import annotations


import pytest

from desktop.content import thematic_index
from tests.unit.content.thematic_index.conftest import entry, index_rows

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


def test_every_target_is_a_paragraph(content_db):
    missing = content_db.conn.execute(
        "SELECT COUNT(*) FROM index_targets t LEFT JOIN paragraphs p ON p.id = t.paragraph_id "
        "WHERE p.id IS NULL").fetchone()[0]
    assert missing == 0


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


def test_official_citation(content_db):
    assert thematic_index.official_citation(content_db, "A07/30") == (
        "CTOC/COP/WG.2/2013/5، الفقرة 34", True)
    assert thematic_index.official_citation(content_db, "A04/1.l6.q2") == (
        "CTOC/COP/WG.2/2009/4، الفقرة 2 (و) '2'", False)
    assert thematic_index.official_citation(content_db, "A01/n1") is None
    assert thematic_index.official_citation(content_db, "no such id") is None
