"""desktop/content/dump_rows.py: one shape for every stage's dump objects:
the same keys in the same order, THE citation, footnotes by paragraph."""

from __future__ import annotations

from desktop.content.dump_rows import footnotes_by_paragraph, node_objects, paragraph_objects

KEYS = ["type", "id", "document", "citation", "symbol", "part", "unit", "label",
        "label_path", "kind", "text", "footnotes"]


def test_paragraph_objects_have_one_shape_and_extra_keys_last(content_db):
    rows = list(paragraph_objects(content_db, ["cop10-note"], lambda row: {"x": row["id"]}))
    assert rows and all(list(r) == KEYS + ["x"] for r in rows)
    sorts = [content_db.query("SELECT sort FROM paragraphs WHERE id = ?", [r["id"]]).__next__()["sort"]
             for r in rows]
    assert sorts == sorted(sorts)                         # reading order
    assert all(r["x"] == r["id"] and r["document"] == "cop10-note" for r in rows)
    assert all(isinstance(r["label_path"], list) for r in rows)


def test_the_citation_is_the_one_that_names_the_document(content_db, content_db_path):
    from desktop.content.store import open_store

    row = next(paragraph_objects(content_db, ["cop12-report"], lambda row: {}))
    store = open_store(content_db_path)
    try:
        assert row["citation"] == store.citation(row["id"]).short
        assert row["citation"] != content_db.query(
            "SELECT citation FROM paragraphs WHERE id = ?", [row["id"]]).__next__()["citation"]
    finally:
        store.close()


def test_footnotes_by_paragraph_in_number_order(content_db):
    notes = footnotes_by_paragraph(content_db, ["compendium"])
    total = content_db.query("SELECT count(*) AS n FROM footnotes WHERE document = 'compendium'"
                             ).__next__()["n"]
    assert total and sum(len(v) for v in notes.values()) == total
    for pid, fns in notes.items():
        assert [f["number"] for f in fns] == sorted(f["number"] for f in fns)
        assert set(fns[0]) == {"number", "text", "offset"}
    assert footnotes_by_paragraph(content_db, ["no-such-document"]) == {}


def test_node_objects_in_tree_order(content_db):
    nodes = list(node_objects(content_db, ["compendium"], lambda row: {"n": 1}))
    assert nodes[0]["type"] == "node" and nodes[-1]["n"] == 1
    ids = [n["id"] for n in nodes]
    assert ids.index("A") < ids.index("A07") < ids.index("B") < ids.index("B6-r4")
    assert next(n for n in nodes if n["id"] == "A07")["parent"] == "A"
