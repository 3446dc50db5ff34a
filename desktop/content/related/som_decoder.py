"""Machine reconstruction of the migrant-smuggling report's garbled Arabic.

The PDF of CTOC/COP/WG.7/2020/4 maps its glyphs to the wrong characters:
each letter *in a given contextual form* (isolated, initial, medial,
final) comes out as some fixed string (often the right letter, often
another letter, a space or nothing). The mapping loses information (several
glyphs give the same string, "في" gives only spaces), so it cannot be
inverted character by character. Instead:

1. learn the mapping (glyph -> string) from a small set of hand-read
   phrase pairs (SEED_ALIGNMENTS, garbled as printed / as meant) by
   expectation-maximisation over the possible alignments (som_mapping);
2. garble every word form of the clean sources (lexicon) with it;
3. segment each garbled line into garbled word forms by dynamic programming
   (most probable words; characters no word explains cost a penalty) and
   read back the clean words. A word is *uncertain* when its garbled form
   belongs to several lexicon words of comparable frequency or when a run
   of the line could not be explained at all (kept garbled, marked).

4. with a word bigram model (som_ngram), choose each piece's reading by the
   words around it (Viterbi over the candidates) and call it certain only if
   it beats the next reading by a factor of 4 on the best paths (max-marginals),
   was read from at least three garbled letters (or prints as itself), and is
   not one of the measured systematic false readings (NEVER_CERTAIN); a wide
   run of spaces between two words may be a lost «في» (inserted, uncertain).

On the hand-read reference (tests/data/som_reference.toml) words marked
certain are 98 % right (som_report.MEASURED, kept equal to a fresh measurement
by a test). bench/som_decoder_bench.py measures it on clean text garbled by the same
learned mapping (the decoder's own ambiguity) and on the held-out
hand-read pairs (how well the learned mapping fits the real source).
"""

from __future__ import annotations

import heapq
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from operator import itemgetter
from typing import TYPE_CHECKING

from desktop.content.related.lexicon import Lexicon, bare
from desktop.content.related.som_mapping import (VARIANT_MIN, GlyphMapping, garble_variants,
                                                 normalise_garbled)

if TYPE_CHECKING:
    from desktop.content.related.som_ngram import BigramModel


@dataclass
class Token:
    text: str          # the reconstructed word, or the garbled run as printed
    garbled: str       # the garbled run it stands for
    certain: bool
    read: bool = True  # a word of the lexicon (False: a run no word explains)


class Decoder:
    """Garbled line -> reconstructed words, from a lexicon and a glyph mapping."""

    NOISE = 9.0       # cost of a character no word explains
    SPACE_NOISE = 0.3  # cost of a surplus space

    def __init__(self, lexicon: Lexicon, mapping: GlyphMapping):
        self.mapping = mapping
        total = sum(lexicon.counts.values())
        # garbled form -> word -> weighted count (a share of the word's count)
        by_form: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        for word, n in lexicon.counts.items():
            best: float | None = None
            for g, p in garble_variants(word, mapping):
                g = g.strip()
                if best is None:
                    best = p
                if g and len(g) <= 40 and p >= best * VARIANT_MIN:
                    by_form[g][word] += n * p / best
        self.by_form = by_form
        self.cost = {g: -math.log(sum(c.values()) / total) for g, c in by_form.items()}
        self.max_len = max(len(g) for g in by_form)

    def candidates(self, garbled_form: str) -> dict[str, float]:
        return self.by_form.get(garbled_form, {})

    def decode(self, garbled_text: str, lm: BigramModel | None = None,
               prev: str | None = "<s>") -> list[Token]:
        """Most probable reading; punctuation, digits and Latin pass through.

        lm: a som_ngram.BigramModel choosing among a piece's candidates by
        the words around it (None: by frequency alone); prev: the word before
        the text (the previous line's last word, "<s>" at a paragraph start).
        """
        text = normalise_garbled(garbled_text)
        n = len(text)
        edge = [True] + [not _is_letter(c) for c in text]    # edge[i]: a word may start at i
        best = [math.inf] * (n + 1)
        back: list[tuple[int, str | None]] = [(0, None)] * (n + 1)
        best[0] = 0.0
        for i in range(n):
            if best[i] == math.inf:
                continue
            if edge[i] and _is_letter(text[i]):
                for L in range(1, min(self.max_len, n - i) + 1):
                    word = text[i:i + L]
                    if word in self.cost and (i + L == n or not _is_letter(text[i + L])):
                        c = best[i] + self.cost[word]
                        if c < best[i + L]:
                            best[i + L], back[i + L] = c, (i, word)
            ch = text[i]
            step = (self.NOISE if _is_letter(ch) else
                    self.SPACE_NOISE if ch == " " else 0.0)
            c = best[i] + step
            if c < best[i + 1]:
                best[i + 1], back[i + 1] = c, (i, None)
        pieces: list[tuple[str, str | None]] = []
        j = n
        while j > 0:
            i, piece = back[j]
            pieces.append((text[i:j], piece))
            j = i
        pieces.reverse()
        items: list[tuple[str, str | None]] = []      # (raw run, None) or (piece, piece)
        run = ""
        for raw, piece in pieces:
            if piece is None:
                run += raw
                continue
            if run.strip():             # spaces between words are no run
                items.append((run, None))
            elif len(run) >= FI_GAP and items:
                items.append((run, GAP))    # «في» prints as spaces only
            run = ""
            items.append((raw, piece))
        if run.strip():
            items.append((run, None))
        return self._read(items, lm, prev)

    def _read(self, items: list[tuple[str, str | None]], lm: BigramModel | None,
              prev: str | None) -> list[Token]:
        """Choose a word for each explained piece: by frequency alone, or (with
        a bigram model) by the best path through the candidates; certainty is
        the margin of the chosen word over the next best (max-marginals)."""
        gaps = {i for i, (_, piece) in enumerate(items) if piece is GAP}
        items = [it for it in items if it[1] is not GAP]
        gap_before = {i - sum(g < i for g in gaps) for i in gaps}
        slots: list[list[tuple[str, float]] | None] = []   # per item: None (a run) or [(word, log share)]
        for raw, piece in items:
            if piece is None:
                slots.append(None)
                continue
            cands = heapq.nlargest(MAX_CANDIDATES, self.by_form[piece].items(), key=itemgetter(1))
            total = sum(n for _, n in self.by_form[piece].items())
            slots.append([(w, math.log(n / total)) for w, n in cands])
        runs = {i: any(_is_letter(c) for c in raw)
                for i, (raw, piece) in enumerate(items) if piece is None}
        choice, margin = _best_path(slots, lm, prev, runs)
        tokens: list[Token] = []
        for i, ((raw, piece), slot, k, gap) in enumerate(zip(items, slots, choice, margin)):
            if i in gap_before and lm is not None and tokens and tokens[-1].read and slot:
                # a wide gap between two words: «في» if the words around read better with it
                a, b = bare(tokens[-1].text), bare(slot[k][0])
                if lm.logp(a, FI) + lm.logp(FI, b) > lm.logp(a, b):
                    tokens.append(Token(FI, "", False))
            if slot is None:
                # an unexplained run: its punctuation/digits are sure, its letters not
                for part in re.findall(r"[^\s]+", raw):
                    tokens.append(Token(part, part, not any(_is_letter(c) for c in part), read=False))
                continue
            assert piece is not None    # a piece with candidates was explained
            word = slot[k][0]
            tokens.append(Token(word, piece, gap >= CERTAIN_MARGIN and self._trusted(word, piece)))
        return tokens

    @staticmethod
    def _trusted(word: str, piece: str) -> bool:
        """Never certain: a word read from fewer than three garbled letters
        (unless it prints as itself), or one of the systematic false readings
        measured on the hand-checked reference (tests/data/som_reference.toml)."""
        if bare(word) in NEVER_CERTAIN:
            return False
        letters = sum(_is_letter(c) for c in piece)
        return len(bare(word)) >= 2 and (letters >= 3 or piece == bare(word))


#: Readings the decoder produced, marked certain, for other words: «فريق» is
#: what the pieces «ال» of تهريب/المهاجرين decode to, «يعول» stands for أيلول,
#: «كبير» fills a lost «في», «جرت»/«جدول» come from ات/دول fragments.
NEVER_CERTAIN = {"فريق", "يعول", "كبير", "جرت", "جدول"}
MAX_CANDIDATES = 6
#: «في» prints as nothing but spaces; a gap this wide between two words may be one
FI = "في"
FI_GAP = 3
GAP = "<gap>"
#: log of the factor by which the chosen reading must beat the next best
CERTAIN_MARGIN = math.log(4)


def _best_path(slots: list[list[tuple[str, float]] | None], lm: BigramModel | None,
               prev: str | None, slot_runs: dict[int, bool] | None = None
               ) -> tuple[list[int], list[float]]:
    """(index of the chosen candidate per slot, its log margin over the next
    best) by Viterbi over the candidates; a run (None) breaks the context."""
    n = len(slots)
    slot_runs = slot_runs or {}     # slot index -> the run has letters (debris)
    choice = [0] * n
    margin = [0.0] * n
    # forward: best score ending in each candidate
    fwd: list[list[float] | None] = []
    ctx_prev = prev
    last: list[tuple[str, float]] | None = None     # previous slot's (word, fwd score)
    for i, slot in enumerate(slots):
        if slot is None:
            fwd.append(None)
            last = None
            ctx_prev = None if slot_runs.get(i) else "<s>"
            continue
        scores = []
        for w, ls in slot:
            if lm is None:
                scores.append(ls)
                continue
            if last is None:
                scores.append(ls + lm.logp(ctx_prev, bare(w)))
            else:
                scores.append(ls + max(f + lm.logp(bare(pw), bare(w)) for pw, f in last))
        fwd.append(scores)
        last = list(zip([w for w, _ in slot], scores))
    # backward: best score of the rest given each candidate
    bwd: list[list[float] | None] = [None] * n
    nxt: list[tuple[str, float, float]] | None = None   # next slot's (word, log share, bwd)
    for i in range(n - 1, -1, -1):
        slot = slots[i]
        if slot is None:
            nxt = None
            continue
        scores = []
        for w, _ in slot:
            if nxt is None or lm is None:
                scores.append(0.0 if nxt is None else max(ls + b for _, ls, b in nxt))
            else:
                scores.append(max(ls + lm.logp(bare(w), bare(nw)) + b for nw, ls, b in nxt))
        bwd[i] = scores
        nxt = [(w, ls, b) for (w, ls), b in zip(slot, scores)]
    for i, slot in enumerate(slots):
        forward, backward = fwd[i], bwd[i]
        if slot is None or forward is None or backward is None:   # all three None together
            continue
        total = sorted(((f + b, k) for k, (f, b) in enumerate(zip(forward, backward))), reverse=True)
        choice[i] = total[0][1]
        margin[i] = total[0][0] - total[1][0] if len(total) > 1 else math.inf
    return choice, margin


def _is_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a"
