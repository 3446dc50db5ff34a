"""Splitting the merged cells of the thematic index: one cell of the printed
table often holds a locator and the report paragraphs run together
(`سابعاً-8 وسابعاً-14 12 و17`); split_cell and groups take them apart
with the locator grammar (desktop.content.locators)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.content.locators import LABEL_KINDS, Token, clean, label_level, tokenize


@dataclass
class Segment:
    kind: str   # "locator" or "report"
    text: str


def _is_label(tok: Token) -> bool:
    return tok.kind in LABEL_KINDS


def split_cell(text: str) -> list[Segment]:
    """Split one index cell into locator and report-paragraph segments.

    A locator segment starts at `الجزء`, `انظر` or an ordinal; a report
    segment is a label list without ordinal. Within a segment a label that
    follows a finished label with only a space between (no `و`, no dash)
    and does not go down a level starts a new segment: `سابعاً-8 وسابعاً-14 12 و17`
    is locator `سابعاً-8 وسابعاً-14` then report `12 و17`. After `انظر … سابعاً`
    an annex label is the report (the decision's own annex).
    Segments keep the printed text.
    """
    text = clean(text)
    tokens = tokenize(text)
    segments: list[tuple[str, int, int]] = []   # kind, start, end
    kind: str | None = None
    start = 0
    prev: Token | None = None          # previous significant token
    sep = ""             # separator text between prev and this token
    see_mode = False     # after "انظر الجزء ألف": an annex is the decision's own
    pending_and: int | None = None   # start offset of a و not yet attached

    def open_seg(new_kind: str, at: int) -> None:
        nonlocal kind, start
        if kind is not None:
            segments.append((kind, start, last_end))
        kind, start = new_kind, at

    last_end = 0
    for tok in tokens:
        if tok.kind in ("space", "dash"):
            sep += tok.text
            continue
        if tok.kind == "and":
            pending_and = tok.start
            sep += tok.text
            continue
        at = pending_and if pending_and is not None else tok.start
        joined = pending_and is not None or "-" in sep or ":" in sep
        if tok.kind == "see":
            see_mode = True
            open_seg("locator", at)
        elif tok.kind == "part":
            if kind == "locator" and prev is not None and prev.kind == "see":
                see_mode = tok.value == "A"     # "انظر الجزء ألف": back to Part A
            else:
                see_mode = False
                open_seg("locator", at)
        elif tok.kind == "ord":
            # "وسابعاً-6", "الجزء ألف سابعاً" continue a locator; a bare ordinal starts one
            if not (kind == "locator" and (joined or prev is None or prev.kind in ("part", "see"))):
                see_mode = False
                open_seg("locator", at)
        elif tok.kind == "annex":
            if (kind is None or (kind == "locator" and see_mode)
                    or (prev is not None and _is_label(prev) and (not joined or kind == "report"))):
                see_mode = False
                open_seg("report", at)
        elif _is_label(tok) or tok.kind == "other":
            if kind is None:
                open_seg("report", at)
            elif prev is not None and _is_label(prev) and not joined and _is_label(tok):
                if label_level(tok.kind) <= label_level(prev.kind):
                    open_seg("report", at)
        prev = tok
        sep = ""
        pending_and = None
        last_end = tok.end
    if kind is not None:
        segments.append((kind, start, last_end))
    out = []
    for k, s, e in segments:
        piece = re.sub(r"^و\s*", "", text[s:e].strip())
        if piece:
            out.append(Segment(k, piece))
    return out


def groups(text: str) -> list[str]:
    """Split a flattened locator or report cell into per-document groups.

    A new group starts where a new list starts without `و`: a new ordinal,
    `الجزء`, `انظر`, or (in a report cell) a new top-level label. `المرفق
    الأول … المرفق الثاني …` stays one group (both annexes of one resolution).
    """
    out: list[str] = []
    for seg in split_cell(text):
        out.append(seg.text)
    merged: list[str] = []
    for g in out:
        if merged:
            prev_annex = annex_number(merged[-1])
            this_annex = annex_number(g)
            if prev_annex and this_annex and this_annex == prev_annex + 1:
                merged[-1] = merged[-1] + " " + g
                continue
            # "انظر الجزء ألف- سابعاً" + "وثامناً" is one group
        merged.append(g)
    return merged


def annex_number(text: str) -> int | None:
    """The numbered annex (1, 2) a report group ends in, else None."""
    toks = [t for t in tokenize(text) if t.kind not in ("space", "dash")]
    annexes = [t.value for t in toks if t.kind == "annex"]
    return annexes[-1] if annexes and annexes[-1] else None
