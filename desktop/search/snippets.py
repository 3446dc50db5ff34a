"""Snippets of the ORIGINAL text (diacritics and all) with the matched words marked.

The FTS index only chooses the rows. Here the original text is cut into
words with a pattern that keeps marks and tatweel inside them; each word is
folded and analysed like the index does, and compared with the query terms.
So what is highlighted is exactly a span of the original text: removing the
highlight marks from a snippet always gives back a substring of the text.
"""

from __future__ import annotations

import bisect
import html
from dataclasses import dataclass

from desktop.search.normalize import WORD_RE, Analysis, analyze, words
from desktop.search.query import Query, Term

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


def tokens(text: str) -> list[Token]:
    """The words of the original text with their spans and analyses."""
    out = []
    for m in WORD_RE.finditer(text):
        ws = words(m.group())
        out.append(Token(m.start(), m.end(), analyze(ws[0]) if len(ws) == 1 else None))
    return out


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


def match_spans(text: str, query: Query, toks: list[Token] | None = None
                ) -> list[tuple[int, int, int]]:
    """(start, end, term index) of every match of the query's included terms, in order."""
    toks = tokens(text) if toks is None else toks
    spans: list[tuple[int, int, int]] = []
    for ti, term in enumerate(query.include):
        spans.extend((s, e, ti) for s, e in _term_spans(toks, term))
    spans.sort()
    # Drop overlaps (two terms matching the same word): keep the first.
    merged: list[tuple[int, int, int]] = []
    for s, e, ti in spans:
        if merged and s < merged[-1][1]:
            continue
        merged.append((s, e, ti))
    return merged


def _term_spans(toks: list[Token], term: Term) -> list[tuple[int, int]]:
    tw = [analyze(w) for w in term.words]
    n = len(tw)
    out = []
    for i in range(len(toks) - n + 1):
        ok = True
        for k in range(n):
            a = toks[i + k].analysis
            last = k == n - 1
            if a is None or not _word_matches(a, tw[k], term.prefix and last, variants=n == 1):
                ok = False
                break
        if ok:
            out.append((toks[i].start, toks[i + n - 1].end))
    return out


@dataclass(frozen=True)
class Snippet:
    """A window of the original text, as (text, highlighted) segments.

    cut_start/cut_end: the window does not reach the start/end of the text.
    """

    segments: tuple[tuple[str, bool], ...]
    cut_start: bool
    cut_end: bool

    def plain(self) -> str:
        return "".join(t for t, _ in self.segments)

    def marked(self, open_: str = MARK_OPEN, close: str = MARK_CLOSE) -> str:
        """The snippet text with highlights between open_ and close (text not escaped)."""
        return "".join(f"{open_}{t}{close}" if hl else t for t, hl in self.segments)

    def html(self, open_: str = "<b>", close: str = "</b>") -> str:
        """HTML-escaped snippet with highlights and ellipses where the text was cut."""
        body = "".join(f"{open_}{html.escape(t)}{close}" if hl else html.escape(t)
                       for t, hl in self.segments)
        return ("… " if self.cut_start else "") + body + (" …" if self.cut_end else "")

    @property
    def highlighted(self) -> list[str]:
        return [t for t, hl in self.segments if hl]


def make_snippet(text: str, query: Query, max_words: int = SNIPPET_WORDS) -> Snippet:
    """The best window of `text` for `query`: the most distinct terms, then most hits."""
    text = text or ""
    toks = tokens(text)
    spans = match_spans(text, query, toks)
    if len(toks) <= max_words:
        lo, hi = 0, len(text)
    else:
        starts = [t.start for t in toks]
        best = (-1, -1, 0)
        best_i = 0
        # Candidate windows start a little before each hit.
        span_tok = [bisect.bisect_right(starts, s) - 1 for s, _, _ in spans]
        for i in ([max(0, st - 3) for st in span_tok] or [0]):
            j = i + max_words
            inside = [spans[k] for k in range(len(spans)) if i <= span_tok[k] < j]
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
    return Snippet(tuple(segments), lo > 0, hi < len(text))


def matched_words(text: str, query: Query) -> list[str]:
    """The distinct original spellings the query matched in `text`, in order of appearance."""
    out: list[str] = []
    for s, e, _ in match_spans(text, query):
        w = text[s:e]
        if w not in out:
            out.append(w)
    return out
