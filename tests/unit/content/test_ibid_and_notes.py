"""«المرجع نفسه» (ibid.) footnotes show the reference they repeat, in the
reader and in print; the agenda line's unnumbered note is "*", not "0", and
is not glued to the paragraph's last word."""

from __future__ import annotations

import pytest

from desktop.content.render import render_unit
from desktop.content.store import open_store
from desktop.export import pdf
from desktop.export.model import ExportOptions, gather_items


@pytest.fixture(scope="module")
def store(content_db_path):
    s = open_store(content_db_path)
    yield s
    s.close()


def _note(store, paragraph_id, number):
    return next(n for n in store.footnotes([paragraph_id]) if n.number == number)


@pytest.mark.parametrize("paragraph_id, number, repeated, source", [
    ("B3-d4/l2", 6, 4, "B1-d4/l1"),     # decision 4/3 note 6 -> decision 4/1 note 4
    ("B2-d6/l1", 5, 4, "B1-d4/l1"),
    ("B6-r4/pp1", 14, 13, "B5-r6/pp1"),
    ("B8-r4/pp1", 17, 13, "B5-r6/pp1"),
])
def test_ibid_notes_name_what_they_repeat(store, paragraph_id, number, repeated, source):
    note = _note(store, paragraph_id, number)
    origin = _note(store, source, repeated)
    assert note.text.startswith("المرجع نفسه")
    assert note.repeats == (f"أي: الحاشية {repeated} ({store.paragraph(source).citation}): "
                            f"{origin.text}")
    assert note.shown == f"{note.text} [{note.repeats}]"


def test_reader_and_print_show_it(store, qapp):
    html = render_unit(store, "B3-d4").html
    assert "أي: الحاشية 4 (الجزء باء، المقرر 4/1، (أ)): قرار الجمعية العامة" in html
    (item,) = gather_items(store, ["B3-d4/l2"])
    six = next(f for f in item.footnotes if f.number == 6)
    assert "أي: الحاشية 4" in six.text
    assert "أي: الحاشية 4" in pdf.body_html([item], ExportOptions(), 60)


@pytest.mark.parametrize("paragraph_id", ["cop12:1", "cop10:1"])
def test_the_agenda_note_is_a_star_set_apart(store, paragraph_id):
    (note,) = [n for n in store.footnotes([paragraph_id]) if n.number == 0]
    assert note.sign == "*"
    html = render_unit(store, store.paragraph(paragraph_id).unit_id).html
    assert '">*</a></sup>' in html and ">0</a></sup>" not in html
    assert "&nbsp;<sup><a href=\"#fn-0\"" in html
    (item,) = gather_items(store, [paragraph_id])
    kinds = [k for k, _ in item.text_segments()]
    assert kinds[-2:] == ["gap", "marker"] and item.text_segments()[-1] == ("marker", "*")
    body = pdf.body_html([item], ExportOptions(), 60)
    assert "<sup>*</sup>" in body and "<sup>0</sup>" not in body
