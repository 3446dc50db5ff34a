"""desktop/export/clipboard.py: what a copy puts on the clipboard: plain text
(RLM-led lines, citation in parentheses, footnotes) and the rich HTML
fragment, both without word joiners."""

from __future__ import annotations

import dataclasses

from desktop.export.clipboard import payload, plain_text
from desktop.content.citations import WORD_JOINER
from desktop.export.model import ExportOptions, gather_items
from tests.unit.export.fixture_db import FOOTNOTE, PREAMBLE, SYMBOL_A07, SYMBOL_B6, WITNESS


def test_clipboard_payload_has_plain_and_rich_text_with_citations(fixture_db):
    items = gather_items(fixture_db, ["A07/13", "B6-r4/pp1"])
    data = payload(items)
    assert WORD_JOINER not in data.text and WORD_JOINER not in data.html
    lines = [line.lstrip("\u200f") for line in data.text.splitlines()]
    assert lines[0] == f"13- {WITNESS}"
    assert lines[1] == f"(الجزء ألف، سابعاً-13، الوثيقة {SYMBOL_A07}، الفقرة 34)"
    assert lines[3] == f"ف.د 1 {PREAMBLE}(14)"
    assert lines[5] == f"(14) {FOOTNOTE}"
    assert SYMBOL_B6 in data.html and 'dir="rtl"' in data.html
    quiet = plain_text(items, ExportOptions(include_citations=False, include_footnotes=False))
    assert SYMBOL_A07 not in quiet and "(14)" not in quiet


def test_plain_text_opens_with_the_key_to_the_marks_and_the_notice(fixture_db):
    from desktop.content.citations import LEGEND, LEGEND_TITLE

    item = dataclasses.replace(gather_items(fixture_db, ["A07/13"])[0],
                               quality="damaged", quality_note="نص تالف")
    lines = plain_text([item], ExportOptions()).splitlines()
    assert all(line.startswith("\u200f") for line in lines if line)
    lines = [line.lstrip("\u200f") for line in lines]
    assert lines[:2] == [f"{LEGEND_TITLE}:", f"[…] {LEGEND['damaged']}"]
    assert lines[3] == "[نص تالف]" and lines[4] == f"13- {WITNESS}"


def test_plain_text_of_nothing_is_empty():
    assert plain_text([], ExportOptions()) == ""
    assert payload([]).text == ""
