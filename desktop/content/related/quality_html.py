"""Reader marks for repaired, damaged and reconstructed source text (Qt-free).

A delegate must always tell source text from repaired or machine-made text.
For every paragraph with a row in ``paragraph_quality`` (built by
damaged_stage) the reader gets:

* a coloured notice before the text saying what it is and why
  ("نص المصدر تالف: ..." / "إعادة بناء آلية: ..." / "أُصلح آلياً: ...");
* in a machine reconstruction, the uncertain words underlined in red;
* the text as extracted from the source, on demand: shown under the
  paragraph when the paragraph is selected (clicked or reached by a link),
  and as the notice's tooltip.
"""

from __future__ import annotations

import json

from desktop.content.citations import MARK_STYLE, NOTICE_COLOUR, QUALITY_LABELS, join_symbols
from desktop.content.html_escape import escape


def marked_text(text: str, uncertain: list) -> str:
    """The escaped text with the uncertain character spans underlined."""
    out, pos = [], 0
    for start, end in sorted(uncertain):
        if start < pos or end > len(text):
            continue
        out.append(escape(join_symbols(text[pos:start])))
        out.append(f'<span style="{MARK_STYLE["uncertain"]}">'
                   f"{escape(join_symbols(text[start:end]))}</span>")
        pos = end
    out.append(escape(join_symbols(text[pos:])))
    return "".join(out)


def notice(row: dict) -> str:
    quality = row["quality"]
    colour = NOTICE_COLOUR.get(quality, "#555555")
    label = QUALITY_LABELS.get(quality, quality)   # when a row has no note
    tip = escape(row["original_text"] or "", quote=True)
    return (f'<span style="color:{colour}; font-size:small" title="{tip}">'
            f'[{escape(row["note"] or label)}]</span><br/>')


def original_block(row: dict, depth: int = 0) -> str:
    lines = "<br/>".join(escape(l.strip()) for l in (row["original_text"] or "").split("\n")
                         if l.strip())
    return (f'<p dir="rtl" align="right" style="margin-right:{32 * max(depth, 0) + 32}px;'
            f' margin-top:0; font-size:small; color:#666666; background-color:#f3f3f3;'
            f' white-space:pre-wrap">'
            f'<b>النص كما ورد في المصدر:</b><br/>{lines}</p>')


def decorate(row: dict | None, text: str, body: str, selected: bool, depth: int = 0
             ) -> tuple[str, list[str]]:
    """(paragraph body HTML with its marks, blocks to add after the paragraph)."""
    if row is None or row["quality"] == "clean":
        return body, []
    uncertain = json.loads(row["uncertain"] or "[]")
    if uncertain:
        body = marked_text(text, uncertain)
    return notice(row) + body, after_selected(row, depth) if selected else []


def after_selected(row: dict | None, depth: int = 0) -> list[str]:
    """Blocks shown after the paragraph while it is the current one: its
    text as printed in the source, when it was damaged or rebuilt."""
    if row is None or row["quality"] == "clean" or not row["original_text"]:
        return []
    return [original_block(row, depth)]
