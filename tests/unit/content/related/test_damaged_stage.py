"""The damaged-documents stage in the built database, its dump, and the reader's marks."""

import json

import pytest

from desktop.content.related import quality_html
from desktop.content.store import open_store


@pytest.fixture(scope="module")
def store(content_db_path):
    s = open_store(content_db_path)
    yield s
    s.close()


def test_documents_rows(content_db):
    docs = {r["id"]: r for r in content_db.query("SELECT * FROM documents")}
    assert docs["cop6-agenda"]["symbol"] == "CTOC/COP/2012/1"
    assert docs["cop6-agenda"]["quality"] == "damaged"
    assert docs["som-wg-2020"]["symbol"] == "CTOC/COP/WG.7/2020/4"
    assert docs["som-wg-2020"]["quality"] == "reconstructed"


def test_every_paragraph_has_a_quality_row(content_db):
    for doc, prefix in (("cop6-agenda", "cop6:"), ("som-wg-2020", "som:")):
        rows = list(content_db.query(
            "SELECT p.id, q.quality, q.original_text FROM paragraphs p "
            "LEFT JOIN paragraph_quality q ON q.paragraph_id = p.id WHERE p.document = ?", [doc]))
        assert rows
        for r in rows:
            assert r["id"].startswith(prefix)
            assert r["quality"] in ("repaired", "damaged", "reconstructed")
            assert r["original_text"]


def test_dump_paragraph_format(dump_rows):
    paras = [r for r in dump_rows if r["type"] == "paragraph" and r["document"] == "som-wg-2020"]
    assert len(paras) == 34 + 22
    p = next(r for r in paras if r["id"] == "som:7")
    for key in ("id", "document", "citation", "symbol", "part", "unit", "label", "text",
                "footnotes", "quality"):
        assert key in p
    assert p["part"] is None and p["footnotes"] == [] and p["label"] == "7"
    cop6 = [r for r in dump_rows if r["type"] == "paragraph" and r["document"] == "cop6-agenda"]
    assert {r["quality"] for r in cop6} == {"repaired", "damaged"}
    assert json.dumps(cop6[0], ensure_ascii=False)


def test_rendered_marks(store):
    from desktop.content.render import render_unit
    html = render_unit(store, "cop6:i1", "cop6:i1/1").html
    assert "نص المصدر تالف" in html and "النص كما ورد في المصدر" in html
    html = render_unit(store, "som:ch2").html
    assert "إعادة بناء آلية" in html and quality_html.MARK_STYLE["uncertain"] in html
    assert "النص كما ورد في المصدر" not in html            # original only on demand


def test_reader_marks_damaged_text(qtbot, store):
    from desktop.app.reader import ReaderView
    view = ReaderView(store)
    qtbot.addWidget(view)
    assert view.open_paragraph("cop6:i1/2")
    text = view.toPlainText()
    assert "نص المصدر تالف" in text
    assert "أجزاء السطر مقلوبة الترتيب" in text              # the reason
    assert "٢٢تقضي المادة" in text                           # the source, on demand
    assert view.open_paragraph("som:r2")
    text = view.toPlainText()
    assert "إعادة بناء آلية" in text
    assert "عحغ  لتدو  الأاااف" in text                      # the garbled original
    assert "text-decoration:underline" in view.toHtml().replace(" ", "")
    # a clean compendium paragraph carries no mark
    first = store.first_paragraph(store.top_nodes()[0].id)
    assert view.open_paragraph(first.id)
    assert "نص المصدر تالف" not in view.toPlainText()
    assert "إعادة بناء آلية" not in view.toPlainText()
