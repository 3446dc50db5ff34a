"""The supplement from resolution 12/2 in the compendium's tree, the gaps, and the corrections."""

from __future__ import annotations

import json

import pytest

from desktop.content import ids


@pytest.fixture(scope="module")
def db(content_db):
    return content_db


def _node(db, node_id):
    return dict(next(db.query("SELECT * FROM nodes WHERE id = ?", [node_id])))


def _paras(db, where, args=()):
    return [dict(r) for r in db.query(f"SELECT * FROM paragraphs WHERE {where} ORDER BY sort", args)]


def test_session_12_and_resolution_12_2_in_part_b(db):
    b12 = _node(db, "B12")
    assert (b12["parent_id"], b12["kind"], b12["document"]) == ("B", "session", "cop12-report")
    assert "ليس جزءاً من طبعة الخلاصة الوافية لعام 2021" in b12["title"].replace("وليس", "ليس")
    res = _node(db, "B12-r2")
    assert (res["parent_id"], res["kind"], res["session"], res["decision_number"]) == (
        "B12", "resolution", 12, 2)
    paras = _paras(db, "unit_id = 'B12-r2' AND node_id = 'B12-r2'")
    assert [p["label"] for p in paras if p["kind"] == "preamble"] == [f"ف.د {i}" for i in range(1, 7)]
    assert [p["id"] for p in paras if p["kind"] == "numbered"] == ["B12-r2/1", "B12-r2/2"]
    assert all(p["document"] == "cop12-report" and p["part"] == "B" for p in paras)
    assert paras[1]["citation"] == "الجزء باء، القرار 2/12، ف.د 1"


@pytest.mark.parametrize("annex, count", [("B12-r2/annex1", 11), ("B12-r2/annex2", 24)])
def test_annexes_items_in_abjad_order(db, annex, count):
    items = _paras(db, "node_id LIKE ? AND kind = 'item'", [annex + "%"])
    assert [p["label"] for p in items] == [f"({ids.ABJAD[i]})" for i in range(count)]
    assert items[0]["citation"].startswith("الجزء باء، القرار 2/12، المرفق ")


@pytest.mark.parametrize("node_id, dates, symbol, annex", [
    ("A14", "يومي 29 و30 أيار/مايو 2023", "CTOC/COP/WG.2/2023/4", "المرفق الأول"),
    ("A15", "يومي 3 و4 حزيران/يونيه 2024", "CTOC/COP/WG.2/2024/5", "المرفق الثاني")])
def test_meetings_14_and_15_are_notes_pointing_to_12_2(db, node_id, dates, symbol, annex):
    node = _node(db, node_id)
    assert (node["parent_id"], node["kind"], node["dates"], node["symbol"]) == (
        "A", "meeting", dates, symbol)
    [note] = _paras(db, "node_id = ?", [node_id])
    assert note["kind"] == "note" and note["document"] == "cop12-report"
    assert f"في {annex} للقرار 2/12" in note["text"]


def test_tree_order_after_the_compendium(db):
    part_a = [r["id"] for r in db.query("SELECT id FROM nodes WHERE parent_id = 'A' ORDER BY sort")]
    assert part_a[-4:] == ["A12", "A13", "A14", "A15"] and part_a[0] == "A01"
    part_b = [r["id"] for r in db.query("SELECT id FROM nodes WHERE parent_id = 'B' ORDER BY sort")]
    assert part_b[-4:] == ["B9", "B10", "B11", "B12"]


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


def test_tree_shows_supplement_and_gaps_after_the_compendium(content_db_path):
    from desktop.app.tree_model import node_text
    from desktop.content.store import open_store
    store = open_store(content_db_path)
    assert [n.id for n in store.children("A")][-5:] == ["A11", "A12", "A13", "A14", "A15"]
    assert [n.id for n in store.children("B")][-5:] == ["B8", "B9", "B10", "B11", "B12"]
    assert node_text(store.node("A12")).endswith("— غير وارد في المصادر")
    assert "(يومي 9 و10 تموز/يوليه 2020)" in node_text(store.node("A12"))
    assert node_text(store.node("B12")).endswith("— ملحق، ليس من طبعة 2021")
    assert "ملحق" not in node_text(store.node("B8"))
