"""desktop/content/related/supplement.py: the supplement from resolution 12/2
in the compendium's tree (the stage that writes it, its gaps and
corrections: test_stage.py)."""

from __future__ import annotations


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
