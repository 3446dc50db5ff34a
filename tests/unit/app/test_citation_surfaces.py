"""Every surface cites a paragraph as desktop.content.citations.cite does.

For a sample of paragraphs of every document (first, middle, last of each
document and part), the reader's status bar and hover, the links panel, the
search result, the selection list, the clipboard, print/PDF body, Word, HTML,
the export command line and the dump all give THE citation.
"""

from __future__ import annotations

import html as _html
import json
import re

import pytest
from PySide6.QtCore import QPoint

from desktop.content import citations
from desktop.content.citations import RLM, strip_joiners
from desktop.content.store import open_store


@pytest.fixture(scope="module")
def store(content_db_path):
    s = open_store(content_db_path)
    yield s
    s.close()


@pytest.fixture(scope="module")
def search_conn(content_db_path):
    """The search functions' own connection (the app's search opens one from the path)."""
    from desktop.search.connection import connect
    conn = connect(content_db_path)
    yield conn
    conn.close()


def _sample(store) -> list[str]:
    from desktop.content.database import open_readonly
    groups: dict[tuple, list[str]] = {}
    conn = open_readonly(store.path)     # the test's own SQL; the app asks the store
    try:
        for pid, document, part in conn.execute(
                "SELECT id, document, part FROM paragraphs ORDER BY sort"):
            groups.setdefault((document, part), []).append(pid)
    finally:
        conn.close()
    out = []
    for ids in groups.values():
        out += list(dict.fromkeys([ids[0], ids[len(ids) // 2], ids[-1]]))
    return out


def _plain(markup: str) -> str:
    return strip_joiners(_html.unescape(re.sub(r"<[^>]+>", "", markup)))


def test_sample_covers_every_document(store):
    ids = _sample(store)
    documents = {store.paragraph(pid).document for pid in ids}
    assert documents == {d.id for d in store.documents()} and len(ids) >= 15


def test_every_non_compendium_citation_names_its_document(store):
    for pid in _sample(store):
        para = store.paragraph(pid)
        cite = store.citation(para)
        assert para.citation == cite.short
        if para.document != "compendium":
            name = citations.document_name(store.document(para.document))
            assert cite.short.startswith(name) and re.search(r"\(\d{4}\)", name), pid


def test_reader_status_bar_hover_and_links_panel(make_window, content_db_path, store):
    window = make_window(content_db_path)
    reader = window.reader
    for pid in _sample(store):
        cite = store.citation(pid)
        assert reader.open_paragraph(pid)
        assert window.citation_label.text() == RLM + cite.short, pid
        official = window.official_label.text()
        assert official == (RLM + cite.status_line if cite.status_line else ""), pid
        assert window.citation_label.toolTip() == cite.full
        if para_quality := cite.quality:
            assert citations.QUALITY_LABELS[para_quality] in official
        window.show_links(pid)
        assert window.links_panel.title.text() == f"ما يحيل إلى: {cite.short}"
        from tests.helpers.reader_qt import paragraph_block
        block = paragraph_block(reader, pid)
        reader.ensureCursorVisible()
        rect = reader.document().documentLayout().blockBoundingRect(block)
        reader.verticalScrollBar().setValue(int(rect.top()))
        y = int(rect.top()) + 3 - reader.verticalScrollBar().value()
        points = [QPoint(x, y) for x in range(reader.viewport().width() - 8, 8, -12)]
        on_text = [p for p in points if reader.paragraph_at(p) == pid]
        assert on_text, pid
        for point in on_text:
            href = reader.anchorAt(point)
            if href.startswith("para:"):     # a link: the hover cites its target
                assert reader._tooltip_under(point).startswith(store.citation(href[5:]).full)
            elif not href:
                assert reader._tooltip_under(point) == cite.full, pid


def test_search_results_cite_the_same(store, search_conn):
    from desktop.search.engine import search
    ids = _sample(store)
    found = 0
    for pid in ids:
        words = re.findall(r"[\u0621-\u064a]{3,}", store.paragraph(pid).text)[:5]
        results = {r.id: r for r in search(search_conn, " ".join(words), limit=200)}
        if pid in results:
            found += 1
            assert results[pid].citation == store.citation(pid).short, pid
    assert found >= len(ids) * 0.8
    # a paragraph named by its citation: the locator hit cites it the same way
    hit = search(search_conn, "الجزء باء، المقرر 3/4، (ط) '2'", limit=1)[0]
    assert hit.citation == store.citation(hit.id).short


def test_selection_clipboard_print_word_html(make_window, content_db_path, store):
    from desktop.app.selection import install_selection
    from desktop.export import pdf
    from desktop.export.clipboard import payload
    from desktop.export.docx import build_document
    from desktop.export.html import render_html
    from desktop.export.model import ExportOptions, gather_items

    ids = _sample(store)
    window = make_window(content_db_path)
    panel = install_selection(window, ":memory:")
    panel.add_paragraphs(ids)
    items = gather_items(store, ids)
    options = ExportOptions()
    clip = payload(items).text
    page = _plain(render_html(items, options))
    body = _plain(pdf.body_html(items, options, 60))
    word = "\n".join(p.text for p in build_document(items, options).paragraphs)
    for row, item in enumerate(items):
        full = store.citation(item.paragraph_id).full
        assert item.citation_line() == full
        assert strip_joiners(panel.list.item(row).text()).endswith(f"({full})")
        assert f"{RLM}({full})" in clip
        assert full in page and f"({full})" in body and f"({full})" in word, item.paragraph_id


def test_export_cli_and_dump(tmp_path, content_db_path, store, dump_rows):
    from desktop.export.__main__ import main
    ids = _sample(store)
    out = tmp_path / "x.html"
    assert main(["--db", str(content_db_path), "--html", str(out), *ids]) == 0
    page = _plain(out.read_text(encoding="utf-8"))
    dumped = {r["id"]: r for r in dump_rows if r["type"] == "paragraph"}
    for pid in ids:
        cite = store.citation(pid)
        assert cite.full in page
        assert dumped[pid]["citation"] == cite.short
    # the dump names the document of EVERY paragraph outside the compendium
    for row in dumped.values():
        if row["document"] != "compendium":
            name = citations.document_name(store.document(row["document"]))
            assert row["citation"].startswith(name + "، "), row["id"]


@pytest.mark.parametrize("typed", ["short", "full"])
def test_a_printed_citation_resolves_back(store, typed):
    from desktop.content.locate import resolve
    for pid in _sample(store):
        para = store.paragraph(pid)
        text = getattr(store.citation(para), typed)
        found = resolve(store, text)
        assert found and store.citation(found[0]).short == store.citation(para).short, pid


def test_search_goes_to_a_paragraph_named_by_id_or_printed_citation(store, search_conn):
    from desktop.search.engine import search
    for pid in _sample(store):
        for typed in (pid, store.citation(pid).short, store.citation(pid).full):
            hit = search(search_conn, typed, limit=1)[0]
            assert hit.kind == "locator" and store.citation(hit.id).short == \
                store.citation(pid).short, typed
