"""Snippets of the ORIGINAL text (diacritics and all) with the matched words marked.

The FTS index only chooses the rows. Here the original text is cut into
words with a pattern that keeps marks and tatweel inside them; each word is
folded and analysed like the index does, and compared with the query terms.
So what is highlighted is exactly a span of the original text: removing the
highlight marks from a snippet always gives back a substring of the text.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

from desktop.content.html_escape import escape
from desktop.search.normalize import WORD_RE, Analysis, analyze, words
from desktop.search.query import Query

#: Highlight marks used in the plain-text form of a snippet (CLI, JSON).
MARK_OPEN = "<mark>"
MARK_CLOSE = "</mark>"
#: Words shown in a snippet.
SNIPPET_WORDS = 30


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    analysis: Analysis | None


@lru_cache(maxsize=131072)
def _token_analysis(raw: str) -> Analysis | None:
    ws = words(raw)
    return analyze(ws[0]) if len(ws) == 1 else None


@lru_cache(maxsize=4096)
def _tokenized(text: str) -> tuple[tuple[Token, ...], tuple[str, ...]]:
    toks = tuple(Token(m.start(), m.end(), _token_analysis(m.group()))
                 for m in WORD_RE.finditer(text))
    return toks, tuple(t.analysis.exact if t.analysis else "" for t in toks)


def tokens(text: str) -> tuple[Token, ...]:
    """The words of the original text with their spans and analyses (cached:
    typing a query re-reads the same paragraphs on every keystroke)."""
    return _tokenized(text)[0]


@lru_cache(maxsize=262144)
def _forms(word: str) -> frozenset[str]:
    """Every form a folded word can match by: itself, bare, stems, variants."""
    a = analyze(word)
    return frozenset((a.exact, a.bare, *a.stems, *a.variants))


@lru_cache(maxsize=524288)
def word_matches(word: str, term_word: str, prefix: bool, variants: bool) -> bool:
    """Does folded `word` match folded `term_word`? (keys are strings: cheap to hash)"""
    return _word_matches(analyze(word), analyze(term_word), prefix, variants)


def _word_matches(a: Analysis, term_word: Analysis, prefix: bool, variants: bool) -> bool:
    if prefix:
        if a.exact.startswith(term_word.exact) or a.bare.startswith(term_word.bare):
            return True
        return variants and any(v.startswith(term_word.bare) for v in a.variants)
    if a.exact == term_word.exact or a.bare == term_word.bare:
        return True
    if not variants:  # phrases match position by position on the first stem only
        return a.stem == term_word.stem
    readings = (*a.stems, *a.variants)
    return term_word.bare in a.variants or any(st in readings for st in term_word.stems)


class Matcher:
    """Which original words match a query's included terms (memoised per word)."""

    def __init__(self, query: Query):
        self.terms = [(t, [analyze(w) for w in t.words]) for t in query.include]
        #: folded word -> ((term index, word position in the term), ...) it matches
        self._memo: dict[str, tuple[tuple[int, int], ...]] = {"": ()}
        self._spans_memo: dict[str, list[tuple[int, int, int]]] = {}
        # Cheap pre-test: a word can match only if it shares a form with a
        # term word, or starts like a prefix term.
        self._keys = {f for _, tw in self.terms for a in tw for f in (a.exact, a.bare, *a.stems)}
        self._starts = tuple({f for t, tw in self.terms if t.prefix or t.open_end
                              for f in (tw[-1].exact, tw[-1].bare)})

    def _hits(self, e: str) -> tuple[tuple[int, int], ...]:
        forms = _forms(e)
        if self._keys.isdisjoint(forms) and not (
                self._starts and any(f.startswith(self._starts) for f in forms)):
            return ()
        out = []
        for ti, (term, tw) in enumerate(self.terms):
            n = len(tw)
            for k in range(n):
                prefix = term.prefix and k == n - 1
                if word_matches(e, tw[k].exact, prefix, n == 1) or (
                        term.open_end and word_matches(e, tw[k].exact, True, True)):
                    out.append((ti, k))
        return tuple(out)

    def spans(self, text: str) -> list[tuple[int, int, int]]:
        """(start, end, term index) of every match in `text`, in order, without overlaps."""
        spans = self.all_spans(text)
        merged: list[tuple[int, int, int]] = []
        for s, e, ti in spans:
            if merged and s < merged[-1][1]:
                # Overlapping matches (a word, and a phrase starting with it) mark their union.
                if e > merged[-1][1]:
                    merged[-1] = (merged[-1][0], e, merged[-1][2])
                continue
            merged.append((s, e, ti))
        return merged

    def terms_in(self, text: str) -> set[int]:
        """Indexes of the query terms that match somewhere in `text`."""
        return {ti for _, _, ti in self.all_spans(text or "")}

    def all_spans(self, text: str) -> list[tuple[int, int, int]]:
        """Every (start, end, term index) match, sorted, overlaps kept (memoised per text)."""
        found = self._spans_memo.get(text)
        if found is None:
            if len(self._spans_memo) > 512:
                self._spans_memo.clear()
            found = self._spans_memo[text] = self._all_spans(text)
        return found

    def _all_spans(self, text: str) -> list[tuple[int, int, int]]:
        toks, exacts = _tokenized(text)
        memo = self._memo
        for e in set(exacts).difference(memo):
            memo[e] = self._hits(e)
        matched = {e for e in set(exacts) if memo[e]}
        spans: list[tuple[int, int, int]] = []
        if matched:
            size = len(toks)
            for i in [i for i, e in enumerate(exacts) if e in matched]:
                for ti, k in memo[exacts[i]]:
                    if k:
                        continue
                    n = len(self.terms[ti][1])
                    if i + n <= size and all((ti, kk) in memo[exacts[i + kk]]
                                             for kk in range(1, n)):
                        spans.append((toks[i].start, toks[i + n - 1].end, ti))
        spans.sort()
        return spans


def match_spans(text: str, query: Query | Matcher) -> list[tuple[int, int, int]]:
    """(start, end, term index) of every match of the query's included terms, in order."""
    matcher = query if isinstance(query, Matcher) else Matcher(query)
    return matcher.spans(text or "")


@dataclass(frozen=True)
class Snippet:
    """A window of the original text, as (text, highlighted) segments.

    cut_start/cut_end: the window does not reach the start/end of the text.
    """

    segments: tuple[tuple[str, bool], ...]
    cut_start: bool
    cut_end: bool
    #: distinct original spellings matched anywhere in the text, in order
    terms: tuple[str, ...] = ()

    def plain(self) -> str:
        return "".join(t for t, _ in self.segments)

    def marked(self, open_: str = MARK_OPEN, close: str = MARK_CLOSE) -> str:
        """The snippet text with highlights between open_ and close (text not escaped)."""
        return "".join(f"{open_}{t}{close}" if hl else t for t, hl in self.segments)

    def html(self, open_: str = "<b>", close: str = "</b>") -> str:
        """HTML-escaped snippet with highlights and ellipses where the text was cut."""
        body = "".join(f"{open_}{escape(t)}{close}" if hl else escape(t)
                       for t, hl in self.segments)
        return ("… " if self.cut_start else "") + body + (" …" if self.cut_end else "")

    @property
    def highlighted(self) -> list[str]:
        return [t for t, hl in self.segments if hl]


def make_snippet(text: str, query: Query | Matcher, max_words: int = SNIPPET_WORDS) -> Snippet:
    """The best window of `text` for `query`: the most distinct terms, then most hits."""
    text = text or ""
    toks = tokens(text)
    spans = match_spans(text, query)
    if len(toks) <= max_words:
        lo, hi = 0, len(text)
    else:
        starts = [t.start for t in toks]
        best = (-1, -1, 0)
        best_i = 0
        # Candidate windows start a little before each hit (the first 40 hits).
        span_tok = [bisect.bisect_right(starts, s) - 1 for s, _, _ in spans]
        for i in sorted({max(0, st - 3) for st in span_tok[:40]}) or [0]:
            j = i + max_words
            inside = spans[bisect.bisect_left(span_tok, i):bisect.bisect_left(span_tok, j)]
            score = (len({ti for _, _, ti in inside}), len(inside), -i)
            if score > best:
                best, best_i = score, i
        i = min(best_i, max(0, len(toks) - max_words))
        j = min(len(toks), i + max_words)
        lo = 0 if i == 0 else toks[i].start
        hi = len(text) if j >= len(toks) else toks[j - 1].end
    segments: list[tuple[str, bool]] = []
    pos = lo
    for s, e, _ in spans:
        if e <= lo or s >= hi:
            continue
        s, e = max(s, lo), min(e, hi)
        if s > pos:
            segments.append((text[pos:s], False))
        segments.append((text[s:e], True))
        pos = e
    if pos < hi:
        segments.append((text[pos:hi], False))
    found: list[str] = []
    for s, e, _ in spans:
        if text[s:e] not in found:
            found.append(text[s:e])
    return Snippet(tuple(segments), lo > 0, hi < len(text), tuple(found))


def matched_words(text: str, query: Query | Matcher) -> list[str]:
    """The distinct original spellings the query matched in `text`, in order of appearance."""
    out: list[str] = []
    for s, e, _ in match_spans(text, query):
        w = text[s:e]
        if w not in out:
            out.append(w)
    return out
