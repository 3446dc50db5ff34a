"""desktop/content/related/stage.py: the build stage of the COP 12 report,
the COP 10 note and the supplement: documents rows, gaps, corrected words
marked with their originals, the dump and the check."""

from __future__ import annotations

import json

import pytest

from desktop.content.related import stage


@pytest.fixture(scope="module")
def db(content_db):
    return content_db


def _node(db, node_id):
    return dict(next(db.query("SELECT * FROM nodes WHERE id = ?", [node_id])))


def _paras(db, where, args=()):
    return [dict(r) for r in db.query(f"SELECT * FROM paragraphs WHERE {where} ORDER BY sort", args)]


def test_gaps_show_only_what_is_known(db):
    a12 = _node(db, "A12")
    assert (a12["kind"], a12["dates"], a12["symbol"], a12["document"]) == (
        "gap", "يومي 9 و10 تموز/يوليه 2020", "CTOC/COP/WG.2/2020/3", "cop10-note")
    for gap in ("A12", "A13", "B9", "B10", "B11"):
        assert _node(db, gap)["kind"] == "gap"
        assert _paras(db, "node_id = ? OR unit_id = ?", [gap, gap]) == []   # no invented text
    known = {r["node_id"]: json.loads(r["known"]) for r in db.query("SELECT * FROM gaps")}
    assert known["A12"][0]["paragraph_id"] == "cop10:18"
    assert any(k["text"].startswith("القرار 1/9") for k in known["B9"])
    assert any(k["text"].startswith("القرار 2/11") for k in known["B11"])
    assert known["A13"] == []


def test_documents_rows(db):
    rows = {r["id"]: dict(r) for r in db.query("SELECT * FROM documents")}
    assert rows["cop12-report"]["quality"] == "repaired"
    assert rows["cop12-report"]["date"] == "2024-11-11"
    assert rows["cop10-note"]["quality"] == "clean"


def test_corrections_applied_and_original_kept(db):
    assert db.execute("SELECT count(*) FROM corrections WHERE file = 'cop12-report.txt'").fetchone()[0] >= 98 + 30
    for p in _paras(db, "document = 'cop12-report'"):
        assert "تنتظر" not in p["text"] and "تتنظر" not in p["text"]
        assert "الاحتيايل" not in p["text"] and "يُتَّرى" not in p["text"]
    words = [dict(r) for r in db.query("SELECT * FROM text_corrections WHERE paragraph_id = 'B12-r2/1'")]
    assert [(w["original"], w["corrected"], w["offset"]) for w in words] == [("يُتَّرى", "يُقرّ", 0)]
    text = _paras(db, "id = 'cop12:r2/1'")[0]["text"]
    assert text.startswith("يُقرّ التوصيات")
    assert _paras(db, "id = 'cop12:r2/pp1'")[0]["text"].startswith("إذ يؤكد")
    assert _paras(db, "id = 'cop12:r2/c1'")[0]["text"].startswith("إن مؤتمر الأطراف")
    assert "المراقبان عن الإنتربول ومنظمة الدول الأمريكية" in _paras(db, "id = 'cop12:37'")[0]["text"]
    online = _paras(db, "id = 'cop12:r2/annex1/l4'")[0]["text"]
    assert "عبر الإنترنت" in online                      # "online" is not INTERPOL
    for w in db.query("SELECT t.*, p.text FROM text_corrections t JOIN paragraphs p "
                      "ON p.id = t.paragraph_id"):
        assert w["text"][w["offset"]:w["offset"] + len(w["corrected"])] == w["corrected"]
        assert w["reason"]


def test_dump_paragraphs_keep_their_document(dump_rows):
    rows = {r["id"]: r for r in dump_rows if r["type"] == "paragraph"}
    assert rows["B12-r2/annex2/l19"]["document"] == "cop12-report"
    assert rows["B12-r2/annex2/l19"]["part"] == "B"
    assert rows["cop10:16"]["document"] == "cop10-note"
    # THE citation: the report named, then the place in it
    assert rows["cop12:r2/annex2/l19"]["citation"] == (
        "تقرير مؤتمر الأطراف عن أعمال دورته الثانية عشرة (2024)، القرار 2/12، المرفق الثاني، (ق)")
    assert rows["cop12:r2/1"]["corrections"][0]["original"] == "يُتَّرى"
    for key in ("type", "id", "document", "citation", "symbol", "part", "unit", "label",
                "text", "footnotes"):
        assert key in rows["cop12:29.l1"]
    assert rows["cop12:r2/pp1"]["footnotes"][0]["number"] == 6


def test_word_changes_report_whole_words_and_offsets():
    from desktop.content.related.stage import word_changes
    before = "تُشجّع الأطراف على أن تنتظر في (الإنترنت)، وأن تتنظر"
    after = "تُشجّع الأطراف على أن تنظر في (الإنتربول)، وأن تنظر"
    changes = list(word_changes(before, after))
    assert [(o, c) for o, _, c in changes] == [
        (after.index("تنظر"), "تنظر"), (after.index("الإنتربول"), "الإنتربول"),
        (after.rindex("تنظر"), "تنظر")]
    assert [orig for _, orig, _ in changes] == ["تنتظر", "الإنترنت", "تتنظر"]


def test_reader_notice_for_corrected_paragraphs(db):
    from desktop.content.related import quality_html
    row = dict(next(db.query("SELECT * FROM paragraph_quality WHERE paragraph_id = 'B12-r2/1'")))
    assert row["quality"] == "repaired" and "«يُتَّرى» ← «يُقرّ»" in row["note"]
    assert row["original_text"].startswith("يُتَّرى التوصيات")
    text = _paras(db, "id = 'B12-r2/1'")[0]["text"]
    body, after = quality_html.decorate(row, text, text, selected=True)
    assert "«يُتَّرى» ← «يُقرّ»" in body and body.endswith(text)
    assert "النص كما ورد في المصدر" in after[0] and "يُتَّرى التوصيات" in after[0]
    untouched = db.execute("SELECT count(*) FROM paragraph_quality WHERE paragraph_id = 'cop12:r2/annex1/l1'").fetchone()[0]
    assert untouched == 0


def test_check_reports_the_hand_counted_figures(db):
    findings = list(stage.check(db))
    assert not [f for f in findings if f.severity == "error"], findings
    infos = {f.message for f in findings if f.severity == "info"}
    for name, value in stage.EXPECTED.items():
        assert f"{name}: {value}" in infos
    assert stage.counts(db) == stage.EXPECTED


def test_check_names_a_count_that_differs(db, monkeypatch):
    monkeypatch.setitem(stage.EXPECTED, "cop12-report footnotes", 23)
    errors = [f.message for f in stage.check(db) if f.severity == "error"]
    assert "cop12-report footnotes: 22, expected 23" in errors
