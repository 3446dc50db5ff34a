"""A sub-item printed, exported or copied alone comes with its lead-in (the
chapeau and the item above it), set apart between «…»; switched off by the
option (print preview, export dialog, --no-lead-in)."""

from __future__ import annotations

import html as _html
import re

import pytest

from desktop.content.citations import strip_joiners
from desktop.content.store import open_store
from desktop.export import pdf
from desktop.export.clipboard import payload
from desktop.export.docx import build_document
from desktop.export.html import render_html
from desktop.export.model import ExportOptions, gather_items

ITEM = "B4-d3/l9.q2"          # الجزء باء، المقرر 3/4، (ط) '2'


@pytest.fixture(scope="module")
def store(content_db_path):
    s = open_store(content_db_path)
    yield s
    s.close()


def _plain(markup: str) -> str:
    return strip_joiners(_html.unescape(re.sub(r"<[^>]+>", "", markup)))


def test_lead_in_of_a_sub_item(store):
    (item,) = gather_items(store, [ITEM])
    assert [l.paragraph_id for l in item.lead_in] == ["B4-d3/c1", "B4-d3/l9"]
    assert item.lead_in[1].line() == f"«(ط) {store.paragraph('B4-d3/l9').text}»"
    assert item.display_label == "(ط) '2'"
    # a Part A item: the recommendation above it; a top paragraph: none
    (a_item, top) = gather_items(store, ["A02/2.l1", "A07/13"])
    assert [l.paragraph_id for l in a_item.lead_in] == ["A02/2"] and top.lead_in == ()


def test_no_repeat_when_the_lead_in_is_printed_above(store):
    chapeau, parent, item = gather_items(store, ["B4-d3/c1", "B4-d3/l9", ITEM])
    assert chapeau.lead_in == () and [l.paragraph_id for l in parent.lead_in] == []
    assert item.lead_in == ()


def test_every_writer_prints_it_before_the_text_unless_switched_off(store):
    (item,) = gather_items(store, [ITEM])
    lead = item.lead_in[1].line()
    on, off = ExportOptions(), ExportOptions(include_lead_in=False)
    for render in (lambda o: _plain(render_html([item], o)),
                   lambda o: _plain(pdf.body_html([item], o, 60)),
                   lambda o: payload([item], o).text,
                   lambda o: "\n".join(p.text for p in build_document([item], o).paragraphs)):
        text = render(on)
        assert lead in text and text.index(lead) < text.index(item.text[:30])
        assert lead not in render(off)


def test_cli_no_lead_in(tmp_path, content_db_path, store):
    from desktop.export.__main__ import main
    lead = store.paragraph("B4-d3/l9").text
    out = tmp_path / "a.html"
    assert main(["--db", str(content_db_path), "--html", str(out), ITEM]) == 0
    assert lead in _plain(out.read_text(encoding="utf-8"))
    assert main(["--db", str(content_db_path), "--no-lead-in", "--html", str(out), ITEM]) == 0
    assert lead not in _plain(out.read_text(encoding="utf-8"))


def test_print_preview_and_export_dialog_have_the_option(qapp, store):
    from desktop.app.export_dialog import ExportDialog
    from desktop.app.printing import SelectionPrintPreview
    preview = SelectionPrintPreview(gather_items(store, [ITEM]))
    assert preview.bar.lead_in.isChecked() and preview.options().include_lead_in
    preview.bar.lead_in.setChecked(False)
    assert preview.options().include_lead_in is False
    dialog = ExportDialog()
    assert dialog.lead_in.isChecked()
    dialog.lead_in.setChecked(False)
    assert dialog.options().include_lead_in is False
    preview.deleteLater()
    dialog.deleteLater()
