"""Quality marks travel: what the reader marks (machine reconstruction,
automatic repair, damaged source, corrected and uncertain words) is marked in
print/PDF, Word, HTML and the clipboard with the same words, and a legend
opens the output whenever any mark occurs."""

from __future__ import annotations

import html as _html
import re

import pytest

from desktop.content import citations
from desktop.content.store import open_store
from desktop.export import pdf
from desktop.export.clipboard import payload
from desktop.export.docx import build_document
from desktop.export.html import render_html
from desktop.export.model import ExportOptions, gather_items, legend

MARKED = ["som:2", "cop6:agenda/1", "A08/14", "cop12:r1/1"]


@pytest.fixture(scope="module")
def store(content_db_path):
    s = open_store(content_db_path)
    yield s
    s.close()


@pytest.fixture(scope="module")
def items(store):
    return {i.paragraph_id: i for i in gather_items(store, MARKED)}


def _plain(markup: str) -> str:
    return citations.strip_joiners(_html.unescape(re.sub(r"<[^>]+>", "", markup)))


def test_items_carry_the_readers_marks(store, items):
    som = items["som:2"]
    assert som.quality == "reconstructed" and som.quality_note.startswith("إعادة بناء آلية")
    assert any(m.kind == "uncertain" for m in som.marks)
    assert som.citation_line().endswith(citations.RECONSTRUCTION_NOTICE)
    assert items["cop6:agenda/1"].quality == "repaired"
    assert "أُصلح آلياً" in items["cop6:agenda/1"].quality_note
    corrected = items["A08/14"]
    assert corrected.quality == "" and "«أن تتظر» ← «أن تنظر»" in corrected.quality_note \
        or "«تتظر» ← «تنظر»" in corrected.quality_note
    assert [m.kind for m in corrected.marks] == ["corrected"]
    assert [k for k, _ in corrected.text_segments()].count("corrected") == 1
    # the segments put the text back together exactly
    for item in items.values():
        assert "".join(v for k, v in item.text_segments() if k != "marker") == item.text
    assert [k for k, _ in legend(list(items.values()))] == [
        "reconstructed", "repaired", "uncertain", "corrected"]
    assert legend([gather_items(store, ["A07/13"])[0]]) == []


def test_every_writer_says_the_same_words(items):
    chosen = list(items.values())
    options = ExportOptions()
    page = _plain(render_html(chosen, options))
    body = _plain(pdf.body_html(chosen, options, 60))
    clip = payload(chosen).text
    word = "\n".join(p.text for p in build_document(chosen, options).paragraphs)
    for text in (page, body, clip, word):
        assert citations.LEGEND_TITLE in text
        for _, words in legend(chosen):
            assert words in text
        for item in chosen:
            assert f"[{item.quality_note}]" in text, item.paragraph_id
            assert item.citation_line() in text
    # the legend comes first, before any item
    for text in (page, body, clip, word):
        assert text.index(citations.LEGEND_TITLE) < text.index(chosen[0].quality_note)
    # uncertain words: coloured spans in HTML/PDF, a sign in plain text
    uncertain = [v for k, v in items["som:2"].text_segments() if k == "uncertain"]
    assert f"{uncertain[0]}(؟)" in clip
    assert f'class="uncertain" style="{citations.MARK_STYLE["uncertain"]}">' \
        f'{_html.escape(uncertain[0], quote=False)}' in render_html(chosen, options)
    assert pdf.body_html(chosen, options, 60).count(citations.MARK_STYLE["uncertain"]) \
        >= len(uncertain)


def test_plain_source_text_has_no_legend(store):
    (item,) = gather_items(store, ["A07/13"])
    assert citations.LEGEND_TITLE not in payload([item]).text
    assert citations.LEGEND_TITLE not in render_html([item], ExportOptions())
