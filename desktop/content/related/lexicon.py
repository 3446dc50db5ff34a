"""Word forms of the clean sources, to tell words from extraction debris.

Both damaged sources (the COP 6 agenda and the migrant-smuggling report)
are judged against the vocabulary of the clean ones (compendium, COP 10
note, COP 12 report): a COP 6 token that is no word and splits into two
words is a fused span; a garbled token of the smuggling report is decoded
by looking its garbled form up among these words garbled the same way.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, Mapping
from pathlib import Path

#: The clean sources whose word forms make the lexicon.
CLEAN_SOURCES = ("compendium.txt", "cop10-note.txt", "cop12-report.txt")

WORD = re.compile(r"[\u0621-\u063a\u0641-\u064a\u064b-\u065f\u0670\u0640]+")
_MARKS = re.compile(r"[\u064b-\u065f\u0670\u0640]")
PREFIXES = ("", "و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "لل", "فال", "كال",
            "ولل", "وب", "ول", "وك", "س", "وس")


def bare(word: str) -> str:
    """A word without diacritics and tatweel."""
    return _MARKS.sub("", word)


class Lexicon:
    def __init__(self, counts: Mapping[str, float]):
        #: word -> how often it occurs (a derived form weighs a fraction)
        self.counts = counts
        #: forms no clean text has, made from stems and clitics (som_report.report_lexicon)
        self.derived: set[str] = set()

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> "Lexicon":
        counts: Counter = Counter()
        for text in texts:
            counts.update(bare(w) for w in WORD.findall(text))
        counts.pop("", None)
        return cls(counts)

    @classmethod
    def from_sources(cls, sources: Path, names: Iterable[str] = CLEAN_SOURCES) -> "Lexicon":
        return cls.from_texts((Path(sources) / n).read_text(encoding="utf-8") for n in names)

    def __contains__(self, word: str) -> bool:
        return bare(word) in self.counts

    def known(self, word: str) -> bool:
        """In the lexicon, possibly behind a clitic prefix (و، ب، ال ...)."""
        w = bare(word)
        for p in PREFIXES:
            if w.startswith(p) and len(w) - len(p) >= 2:
                rest = w[len(p):]
                if rest in self.counts or "ال" + rest in self.counts:
                    return True
        return False

    def debris(self, word: str) -> bool:
        """A token that cannot be a word: a fragment or two words fused.

        ة/ى inside a word, a short unknown piece, an unknown token too long
        for one Arabic word, or an unknown token that splits into two known
        words (the extractor dropped the space between two spans).
        """
        w = bare(word)
        if not w or self.known(w):
            return False
        if re.search("[ةى].", w):
            return True
        if len(w) <= 3 or len(w) >= 11:
            return True
        return any(self.known(w[:i]) and self.known(w[i:]) for i in range(2, len(w) - 1))
