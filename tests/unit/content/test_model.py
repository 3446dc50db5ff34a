"""desktop/content/model.py: the shapes every parser produces, footnote
markers taken out of the text with their offsets, continuation lines."""

from __future__ import annotations

import pytest

from desktop.content.model import (SUP_MARKER, Footnote, Node, Paragraph, Parsed,
                                   strip_markers)


def test_strip_markers_reads_superscript_markers_and_their_offsets():
    text, markers = strip_markers("حماية الشهود⁽¹²⁾ والضحايا⁽³⁾.")
    assert text == "حماية الشهود والضحايا."
    assert markers == [(12, len("حماية الشهود")), (3, len("حماية الشهود والضحايا"))]


def test_strip_markers_reads_the_compendiums_sup_markers():
    text, markers = strip_markers("نص<sup>(7)</sup> آخر", SUP_MARKER)
    assert (text, markers) == ("نص آخر", [(7, 2)])
    assert strip_markers("بلا حواشٍ") == ("بلا حواشٍ", [])


def _para(text=""):
    return Paragraph(id="p", node_id="n", unit_id="u", kind="numbered", label="1-",
                     label_path=["1"], text=text, citation="1", depth=0,
                     source_line=10, source_line_end=10)


def test_append_joins_a_continuation_line_and_moves_its_markers():
    para = _para("السطر الأول")
    para.append("والثاني⁽⁴⁾ هنا", line=12)
    assert para.text == "السطر الأول والثاني هنا"
    assert para.markers == [(4, len("السطر الأول والثاني"))]
    assert para.source_line_end == 12
    empty = _para()
    empty.append("أول⁽¹⁾", line=11, sep="\n")
    assert empty.text == "أول" and empty.markers == [(1, 3)]


def test_parsed_finds_nodes_and_paragraphs_by_id():
    parsed = Parsed(nodes=[Node("A07", "meeting", "سابعاً")], paragraphs=[_para("x")],
                    footnotes=[Footnote(1, "حاشية", 3)])
    assert parsed.node("A07").heading == "سابعاً"
    assert parsed.paragraph("p").text == "x"
    with pytest.raises(KeyError):
        parsed.node("A08")
    with pytest.raises(KeyError):
        parsed.paragraph("q")
