"""How right is the migrant-smuggling reconstruction? Measured on a hand-checked reference.

The reference (tests/data/som_reference.toml, with how it was made) gives the
text of real paragraphs of CTOC/COP/WG.7/2020/4 as the report means them;
«?» stands for a word that could not be read and is left out of both measures:

* certain precision: of the words the decoder marks certain, the share found
  among the paragraph's reference words (a bag: the source's lines are partly
  in visual order, which is measured by word accuracy instead);
* word accuracy: reference words recovered in order (difflib matching blocks
  over bare forms) / reference words.

Used by bench/som_decoder_bench.py and by the test that keeps the figures the
reader shows (som_report.MEASURED) equal to what this module measures.
"""

from __future__ import annotations

import difflib
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from desktop.content.related.lexicon import WORD, bare

UNKNOWN = "?"


def reference_words(text: str) -> list[str]:
    """Bare words of a reference text; «?» kept as UNKNOWN."""
    out = []
    for token in text.split():
        if token.strip("،,.؛:()\"«»") == UNKNOWN:
            out.append(UNKNOWN)
        else:
            out.extend(bare(w) for w in WORD.findall(token))
    return out


def load_reference(path: Path) -> dict[str, list[str]]:
    """paragraph id -> its reference words."""
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    return {p["id"]: reference_words(p["text"]) for p in data["paragraph"]}


def load_visual_order(path: Path) -> dict[str, list[int]]:
    """paragraph id -> its source lines (1-based) printed in visual order."""
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    return {p["id"]: list(p.get("visual_order_lines", [])) for p in data["paragraph"]}


@dataclass
class OrderScore:
    lines: int = 0              # lines in visual order (by hand)
    restored: int = 0           # of them, rotated back by the decoder
    marked: int = 0             # of them, marked "order not verified"
    false_marks: int = 0        # lines in the right order marked or rotated anyway


def score_order(visual: dict[str, list[int]], reordered: dict[str, list[int]],
                doubted: dict[str, list[int]], line_counts: dict[str, int]) -> OrderScore:
    """How the decoder's order marks meet the hand-read visual-order lines."""
    s = OrderScore()
    for pid, bad in visual.items():
        rot, doubt = set(reordered.get(pid, [])), set(doubted.get(pid, []))
        for line in range(1, line_counts.get(pid, 0) + 1):
            if line in bad:
                s.lines += 1
                s.restored += line in rot
                s.marked += line in doubt
            elif line in rot or line in doubt:
                s.false_marks += 1
    return s


@dataclass
class Score:
    certain: int = 0            # letter words marked certain
    certain_right: int = 0
    reference: int = 0          # reference words that could be read (not «?»)
    recovered: int = 0          # of them, recovered in order
    wrong_certain: Counter = field(default_factory=Counter)

    def add(self, other: "Score") -> None:
        self.certain += other.certain
        self.certain_right += other.certain_right
        self.reference += other.reference
        self.recovered += other.recovered
        self.wrong_certain.update(other.wrong_certain)

    @property
    def precision(self) -> float:
        return self.certain_right / self.certain if self.certain else 1.0

    @property
    def accuracy(self) -> float:
        return self.recovered / self.reference if self.reference else 0.0


def score(tokens: list[tuple[str, bool]], reference: list[str]) -> Score:
    """tokens: the decoder's output words in order, each with its certainty."""
    s = Score()
    out: list[str] = []
    certain_words: list[str] = []
    for text, certain in tokens:
        words = [bare(w) for w in WORD.findall(text)]
        out.extend(words)               # punctuation and digits are not words
        if certain:
            certain_words.extend(words)
    s.certain = len(certain_words)
    bag = Counter(w for w in reference if w != UNKNOWN)
    for w in certain_words:
        if bag[w] > 0:
            bag[w] -= 1
            s.certain_right += 1
        else:
            s.wrong_certain[w] += 1
    ref = [w if w != UNKNOWN else None for w in reference]
    s.reference = sum(w is not None for w in ref)
    # «?» never matches: a placeholder no output word equals
    ref_seq = [w if w is not None else "\0?" for w in ref]
    sm = difflib.SequenceMatcher(a=ref_seq, b=out, autojunk=False)
    s.recovered = sum(b.size for b in sm.get_matching_blocks())
    return s


def tokens_of(text: str, uncertain: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """A reconstructed paragraph's words with their certainty, from its
    text and its uncertain character spans (paragraph_quality.uncertain)."""
    out, pos = [], 0
    spans = [tuple(s) for s in uncertain]
    for word in text.split(" "):
        if word:
            out.append((word, not any(a <= pos < b for a, b in spans)))
        pos += len(word) + 1
    return out
