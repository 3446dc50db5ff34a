"""An editor's read (issue 18): the named typos and wrong words are fixed in the built
database, headings and footnotes included, and the build reports each fix."""

from __future__ import annotations

import pytest

#: (where, the wrong text as printed, the fixed text)
FIXED = [
    ("A02/8", "بصفقتها", "بصفتها"),
    ("B3-d4/l4", "المنصلة", "المتصلة"),
    ("A08/9", "وراذعة", "ورادعة"),
    ("A08/8", "رهنأ", "رهناً"),
    ("A02/12", "مؤسّرات", "مؤشّرات"),
    ("B3-d4/7.l1", "المهزّبين", "المهرّبين"),
    ("B4-d3/l14", "التويه", "التنويه"),
    ("fn-compendium-2", "منع وجمع", "منع وقمع"),
    ("fn-compendium-2", "الممثل لاتفاقية", "المكمّل لاتفاقية"),
    ("cop12:r1/annex2/l2", "النظم الآتية", "النظم الآنية"),
    ("cop12:r1/annex2/l4", "التشغيل البيئي", "التشغيل البيني"),
    ("cop12:r3/3", "مواصلة تشريعاتها", "مواءمة تشريعاتها"),
    ("fn-cop12-report-10", "والوثقتين", "والوثيقتين"),
    ("cop12:18", "ممثلا لمتطلبات", "ممتثلا لمتطلبات"),
    ("cop12:4", "المديرية التنفيذية", "المديرة التنفيذية"),
    ("cop12:r3/18", "ومصدرها ومسارها", "ومصدّريها وسماسرتها"),
]


def _text(db, where):
    table = "footnotes" if where.startswith("fn-") else "paragraphs"
    row = db.execute(f"SELECT text FROM {table} WHERE id = ?", [where]).fetchone()
    assert row, where
    return row[0]


@pytest.mark.parametrize("where,wrong,right", FIXED)
def test_named_error_is_fixed_in_the_built_database(content_db, where, wrong, right):
    text = _text(content_db, where)
    assert right in text and wrong not in text


def test_headings_are_fixed_too(content_db):
    headings = [r[0] for r in content_db.execute(
        "SELECT coalesce(heading, '') || ' ' || coalesce(title, '') FROM nodes")]
    assert not [h for h in headings if "اتخذته المؤتمر" in h]
    assert sum("اتخذه المؤتمر" in h for h in headings) >= 5
    assert not [h for h in headings if "الجتماع" in h or "المداولت" in h]
    som = dict(content_db.execute("SELECT id, title FROM nodes WHERE document = 'som-wg-2020'"))
    assert som["som:ch3"] == "ملخص الرئيس بشأن المداولات"


def test_build_reports_and_dump_lists_every_fix(content_db, dump_rows):
    wrong = {w for _, w, _ in FIXED}
    recorded = {r[0] for r in content_db.execute("SELECT original FROM corrections")}
    for w in wrong:
        assert any(w in original for original in recorded), w
    dumped = [r for r in dump_rows if r["type"] == "correction"]
    assert any(r["original"] == "والوثقتين" and r["line"] == 337 for r in dumped)
    assert all(r["reason"] for r in dumped)


def test_every_correction_has_a_reason_and_line(content_db):
    for row in content_db.query("SELECT * FROM corrections"):
        assert row["reason"].strip() and row["source_line"] > 0
