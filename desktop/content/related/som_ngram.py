"""A word bigram model of UN Arabic, from the clean sources, for the smuggling report.

The garbled report is decoded piece by piece; a garbled piece often stands for
several words («مع» for مع and for جمع, whose initial ج prints as nothing).
The words around it decide: «عمليات جمع وتحليل», not «عمليات مع وتحليل». The
same model tells whether a decoded line reads better rotated (the PDF put some
lines' pieces in visual order: «في أوقات الأزمات من خلال ينبغي للدول ...»).

Interpolated bigram, over bare word forms, with "<s>" at the start of every
line and after sentence punctuation; unknown words get the smoothed unigram
floor. Pure Python, built in well under a second from the three clean sources.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Iterable, Iterator

from desktop.content.related.lexicon import WORD, bare

START = "<s>"
_BREAK = re.compile(r"[.؛:؟!\n()\"«»]|،")


def sentences(text: str) -> Iterator[list[str]]:
    """Runs of bare words between line ends and sentence punctuation."""
    for chunk in _BREAK.split(text):
        words = [bare(w) for w in WORD.findall(chunk)]
        if words:
            yield words


class BigramModel:
    #: weight of the bigram estimate against the unigram one
    LAMBDA = 0.8

    def __init__(self, texts: Iterable[str]):
        self.uni: Counter = Counter()
        self.bi: Counter = Counter()
        self.ctx: Counter = Counter()
        for text in texts:
            for words in sentences(text):
                prev = START
                for w in words:
                    self.uni[w] += 1
                    self.bi[(prev, w)] += 1
                    self.ctx[prev] += 1
                    prev = w
        self.total = sum(self.uni.values())
        self.vocab = len(self.uni) + 1

    def p_uni(self, word: str) -> float:
        return (self.uni[word] + 0.1) / (self.total + 0.1 * self.vocab)

    def logp(self, prev: str | None, word: str) -> float:
        """log P(word | prev); prev None: no context (after debris)."""
        uni = self.p_uni(word)
        if prev is None or not self.ctx[prev]:
            return math.log(uni)
        big = self.bi[(prev, word)] / self.ctx[prev]
        return math.log(self.LAMBDA * big + (1 - self.LAMBDA) * uni)

    def score(self, words: list[str | None], prev: str | None = START) -> float:
        """Log probability of a word sequence; None (an unread run) breaks the context."""
        total = 0.0
        for w in words:
            if w is None:
                prev = None
                continue
            total += self.logp(prev, w)
            prev = w
        return total
