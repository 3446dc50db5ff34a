"""Ids and labels: one vocabulary of label kinds for the parsers (ids and
label paths) and the locator grammar (which reads the labels back)."""

from __future__ import annotations

import pytest

from desktop.content import ids
from desktop.content.locators import LABEL_KINDS, label_level, parse


@pytest.mark.parametrize("kind,value,code,printed", [
    (ids.NUMBER, 13, "13", "13"),
    (ids.LETTER, "ب", "l2", "(ب)"),
    (ids.LETTER, "هـ", "l5", "(هـ)"),
    (ids.QUOTED, 2, "q2", "'2'"),
    (ids.PREAMBLE, 1, "pp1", "ف.د 1"),
])
def test_a_label_kind_gives_its_id_code_and_its_printed_label(kind, value, code, printed):
    assert ids.label_code(kind, value) == code
    assert ids.printed_label(kind, value) == printed


def test_labels_without_print_have_a_code_only():
    assert [ids.label_code(k, 1) for k in (ids.CHAPEAU, ids.NOTE, ids.TEXT)] == ["c1", "n1", "t1"]
    with pytest.raises(ValueError):
        ids.printed_label(ids.CHAPEAU, 1)
    with pytest.raises(ValueError):
        ids.label_code("num", 1)        # the locators' old private name is not a kind


def test_the_grammar_reads_back_what_the_parsers_print():
    printed = [ids.printed_label(ids.NUMBER, 4), ids.printed_label(ids.LETTER, "و"),
               ids.printed_label(ids.QUOTED, 2)]
    [ref] = parse("رابعاً-" + " ".join(printed)).refs
    assert ref.path == tuple(printed)
    [ref] = parse(ids.printed_label(ids.PREAMBLE, 3), part="B", unit=6).refs
    assert ref.path == ("ف.د 3",)


def test_the_grammar_uses_the_same_kinds_and_levels():
    assert {ids.NUMBER, ids.LETTER, ids.QUOTED, ids.PREAMBLE} <= set(LABEL_KINDS)
    assert [label_level(k) for k in (ids.NUMBER, ids.PREAMBLE, ids.LETTER, ids.QUOTED)] == [0, 0, 1, 2]
    assert label_level(f"{ids.LETTER}_range") == 1
