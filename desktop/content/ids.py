"""Stable, readable ids for nodes and paragraphs, and the abjad order.

Ids are ASCII so they travel in URLs (``para:A07/13``) and JSON unchanged:

    A07                 Part A, meeting 7
    A07/13              its paragraph 13
    A04/1.l6.q2         meeting 4, 1 (و) '2'   (l = abjad letter by rank,
                                               q = quoted number '2')
    A10/l1              meeting 10, (أ)
    B3                  Part B, session 3
    B3-d4               session 3, decision number 4 (Arabic "المقرر 4/3")
    B6-r4               session 6, resolution number 4 (Arabic "القرار 4/6")
    B6-r4/pp1           its first preamble paragraph (ف.د 1)
    B6-r4/c1            its opening words ("إن مؤتمر الأطراف ...")
    B6-r4/annex         its only annex ("المرفق"); annex1, annex2 when numbered
    B6-r4/annex/l2.q3   (ب) '3' of that annex
    A01/n1              the note standing in for meeting 1's recommendations
"""

from __future__ import annotations

#: Arabic abjad order used for lettered items: (أ) (ب) (ج) (د) (هـ) ...
ABJAD = ["أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م",
         "ن", "س", "ع", "ف", "ص", "ق", "ر", "ش", "ت", "ث", "خ", "ذ", "ض",
         "ظ", "غ"]

#: Ordinal words of meeting/session headings and their numbers.
ORDINALS = {
    "أولاً": 1, "ثانياً": 2, "ثالثاً": 3, "رابعاً": 4, "خامساً": 5,
    "سادساً": 6, "سابعاً": 7, "ثامناً": 8, "تاسعاً": 9, "عاشراً": 10,
    "حادي عشر": 11, "ثاني عشر": 12, "ثالث عشر": 13, "رابع عشر": 14,
    "خامس عشر": 15,
}
ORDINAL_WORDS = {v: k for k, v in ORDINALS.items()}


def abjad_rank(letter: str) -> int:
    """1-based rank of an abjad letter (``"هـ"`` and ``"ه"`` both give 5)."""
    if letter == "ه":
        letter = "هـ"
    return ABJAD.index(letter) + 1


def meeting_id(number: int) -> str:
    return f"A{number:02d}"


def session_id(number: int) -> str:
    return f"B{number}"


def decision_id(session: int, number: int, kind: str) -> str:
    """kind: "decision" (مقرر) or "resolution" (قرار)."""
    return f"B{session}-{'d' if kind == 'decision' else 'r'}{number}"


def annex_id(unit_id: str, ordinal: int | None) -> str:
    """ordinal None for an unnumbered "المرفق"."""
    return f"{unit_id}/annex" if ordinal is None else f"{unit_id}/annex{ordinal}"


#: The kinds of a label component: one vocabulary for the parsers, which
#: build ids (label_code) and label paths (printed_label), and for the locator
#: grammar, which reads printed labels back (desktop.content.locators).
NUMBER = "number"       # 13
LETTER = "letter"       # (ب), an abjad letter
QUOTED = "quoted"       # '2'
PREAMBLE = "preamble"   # ف.د 1
CHAPEAU = "chapeau"     # opening words (no printed label)
NOTE = "note"           # a note standing in for recommendations (no printed label)
TEXT = "text"           # running text (no printed label)
#: the printed labels' depth in a paragraph's label path
LABEL_LEVELS = {NUMBER: 0, PREAMBLE: 0, LETTER: 1, QUOTED: 2}


#: how each kind is written in an id (a letter by its abjad rank) and printed
#: in a label path (the kinds without a printed label have none)
_CODE = {NUMBER: "{}", LETTER: "l{}", QUOTED: "q{}", PREAMBLE: "pp{}", CHAPEAU: "c{}",
         NOTE: "n{}", TEXT: "t{}"}
_PRINTED = {NUMBER: "{}", LETTER: "({})", QUOTED: "'{}'", PREAMBLE: "ف.د {}"}


def label_code(kind: str, value: str | int) -> str:
    """One component of a paragraph id (see the kinds above)."""
    if kind not in _CODE:
        raise ValueError(f"unknown label kind {kind!r}")
    return _CODE[kind].format(abjad_rank(str(value)) if kind == LETTER else value)


def printed_label(kind: str, value: str | int) -> str:
    """One component of a label path, as the source prints it:
    ``13``, ``(ب)``, ``'2'``, ``ف.د 1``."""
    if kind not in _PRINTED:
        raise ValueError(f"label kind {kind!r} has no printed label")
    return _PRINTED[kind].format(value)


def paragraph_id(container_id: str, codes: list[str]) -> str:
    return f"{container_id}/{'.'.join(codes)}"
