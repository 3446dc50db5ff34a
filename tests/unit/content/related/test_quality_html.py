"""desktop/content/related/quality_html.py: how the reader marks a paragraph
that is not the source's own text: a coloured notice, uncertain words
underlined, and the text as printed in the source under the current one.
(Rendered in the reader: test_damaged_stage.py.)"""

from __future__ import annotations

import json

from desktop.content.related import quality_html as q


def _row(**kw):
    row = {"quality": "reconstructed", "note": "إعادة بناء آلية <للنص>", "uncertain": "[]",
           "original_text": "سطر أول\n\n  سطر <ثان>  "}
    row.update(kw)
    return row


def test_marked_text_underlines_the_uncertain_spans_and_escapes():
    text = "حماية <الشهود> والضحايا"
    html = q.marked_text(text, [[6, 14]])
    assert html == (f'حماية <span style="{q.MARK_STYLE["uncertain"]}">&lt;الشهود&gt;</span> والضحايا')
    # spans that overlap an earlier one or run past the text are left out
    assert q.marked_text("ابجد", [[0, 2], [1, 3], [3, 9]]).count("<span") == 1


def test_notice_has_the_qualitys_colour_its_note_and_the_source_as_tip():
    html = q.notice(_row())
    assert f'color:{q.NOTICE_COLOUR["reconstructed"]}' in html
    assert "[إعادة بناء آلية &lt;للنص&gt;]" in html
    assert 'title="سطر أول' in html and "&lt;ثان&gt;" in html
    assert f"[{q.QUALITY_LABELS['damaged']}]" in q.notice(_row(quality="damaged", note=None))


def test_original_block_keeps_the_lines_and_indents_by_depth():
    html = q.original_block(_row(), depth=2)
    assert "سطر أول<br/>سطر &lt;ثان&gt;</p>" in html
    assert "margin-right:96px" in html and 'dir="rtl"' in html


def test_decorate_leaves_clean_text_and_shows_the_source_only_when_selected():
    assert q.decorate(None, "ن", "ن", True) == ("ن", [])
    assert q.decorate(_row(quality="clean"), "ن", "ن", True) == ("ن", [])
    text = "حماية الشهود"
    body, after = q.decorate(_row(uncertain=json.dumps([[0, 5]])), text, "BODY", selected=False)
    assert body.startswith(q.notice(_row())) and "BODY" not in body and "<span" in body
    assert after == []
    _, after = q.decorate(_row(), text, "BODY", selected=True)
    assert after == [q.original_block(_row())]
    assert q.after_selected(_row(original_text="")) == []
