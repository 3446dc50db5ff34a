"""Printed pages on the built database: a citation never opens a page by
itself, and a citation names the document when its own words do not."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPdfWriter

from desktop.content.citations import DOCUMENT_NAMES
from desktop.export import pdf
from desktop.export.model import ExportOptions, gather_items


@pytest.fixture(scope="module")
def db(content_db_path):
    from desktop.content.store import open_store
    store = open_store(content_db_path)
    yield store
    store.close()


def _selection(db):
    # the selection looked at while writing this: 40 paragraphs of meeting 7
    # and resolution 12/2, whose ف.د 5 citation fell alone on top of page 6
    return [p.id for unit in ("A07", "B12-r2") for p in db.unit_paragraphs(unit)][:40]


def _writer(tmp_path):
    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    writer.setResolution(pdf.PDF_DPI)
    writer.setPageLayout(pdf._a4_layout())
    return writer


def test_citation_is_not_stranded_at_the_top_of_a_page(qapp, tmp_path, db, monkeypatch):
    items = gather_items(db, _selection(db))
    options = ExportOptions()
    # without the rule this selection strands at least one citation
    monkeypatch.setattr(pdf, "keep_notes_with_text", lambda doc, h: 0)
    plain = pdf.PageLayouter(_writer(tmp_path), items, options)
    assert pdf.stranded_items(plain.document, plain.body_h)
    monkeypatch.undo()
    kept = pdf.PageLayouter(_writer(tmp_path), items, options)
    assert pdf.stranded_items(kept.document, kept.body_h) == []
    assert kept.page_count() >= plain.page_count()
    out = tmp_path / "kept.pdf"
    assert pdf.write_pdf(items, out, options) == kept.page_count()


def test_related_documents_are_named_in_citations(db):
    by_id = {i.paragraph_id: i for i in gather_items(
        db, ["cop10:18", "B12-r2/1", "cop12:r2/annex2/l17", "A07/13", "cop6:agenda/1.l1"])}
    assert by_id["cop10:18"].citation_line().startswith(DOCUMENT_NAMES["cop10-note"])
    for pid in ("B12-r2/1", "cop12:r2/annex2/l17"):
        assert "أعمال دورته الثانية عشرة" in by_id[pid].citation_line()
    assert by_id["A07/13"].cite.document == ""
    cop6 = by_id["cop6:agenda/1.l1"]
    assert cop6.citation_line().count("CTOC/COP/2012/1") == 1     # not printed twice
    assert by_id["A07/13"].citation_line().count("CTOC/COP/WG.2/2013/5") == 1
