"""Word-level comparison of a draft with an agreed text (Qt-free).

Both texts are cut into words of the ORIGINAL text (marks kept, as the
snippets do) and compared word by word on their stems, so a changed
diacritic, hamza form or clitic is not a difference but a changed or added
word is. The result keeps every character of both texts: joining a side's
segments gives that text back exactly, so the app can show them side by side.

Kinds of segment: "same" (in both), "added" (only in the draft), "dropped"
(only in the agreed text), "" (spaces and punctuation between a change and
what is kept).
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from desktop.content import html_escape
from desktop.search.normalize import WORD_RE, analyze, words

SAME, ADDED, DROPPED, NEUTRAL = "same", "added", "dropped", ""
#: Shortest run of shared words highlighted as "shared wording" (one common
#: word such as في matched between two changes is not wording).
MIN_SHARED_RUN = 2


@lru_cache(maxsize=131072)
def word_key(raw: str) -> str:
    """What two words must share to count as the same word: the stem of the folded word."""
    ws = words(raw)
    return " ".join(analyze(w).stem for w in ws)


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), word_key(m.group())) for m in WORD_RE.finditer(text)]


@dataclass(frozen=True)
class Segment:
    text: str
    kind: str


@dataclass(frozen=True)
class WordDiff:
    """draft/agreed: each side as segments; shared: runs of at least
    MIN_SHARED_RUN words in both, as (start, end) character spans of the agreed text."""

    draft: tuple[Segment, ...]
    agreed: tuple[Segment, ...]
    shared: tuple[tuple[int, int], ...]
    draft_words: int
    agreed_words: int
    same_words: int

    @property
    def added(self) -> list[str]:
        return [s.text for s in self.draft if s.kind == ADDED]

    @property
    def dropped(self) -> list[str]:
        return [s.text for s in self.agreed if s.kind == DROPPED]

    def html(self, side: str) -> str:
        """One side as escaped HTML: additions underlined on green, drops struck on red."""
        segs = self.draft if side == "draft" else self.agreed
        return "".join(_segment_html(s) for s in segs)


_STYLE = {ADDED: "background-color:#c8f0c8; text-decoration:underline",
          DROPPED: "background-color:#f6c9c9; text-decoration:line-through"}


def _segment_html(s: Segment) -> str:
    text = html_escape.escape(s.text)
    style = _STYLE.get(s.kind)
    return f'<span style="{style}">{text}</span>' if style else text


def _segments(text: str, toks: list[tuple[int, int, str]], kinds: list[str]) -> tuple[Segment, ...]:
    """Cut text into segments: a gap between two words of one kind takes that kind."""
    out: list[list] = []

    def push(piece: str, kind: str) -> None:
        if not piece:
            return
        if out and out[-1][1] == kind:
            out[-1][0] += piece
        else:
            out.append([piece, kind])

    pos = 0
    for i, (s, e, _) in enumerate(toks):
        push(text[pos:s], kinds[i] if i and kinds[i - 1] == kinds[i] else NEUTRAL)
        push(text[s:e], kinds[i])
        pos = e
    push(text[pos:], NEUTRAL)
    return tuple(Segment(t, k) for t, k in out)


def compare(draft: str, agreed: str) -> WordDiff:
    """The word-level differences between a draft and an agreed text."""
    draft, agreed = draft or "", agreed or ""
    dt, at = _tokens(draft), _tokens(agreed)
    dk = [k for _, _, k in dt]
    ak = [k for _, _, k in at]
    dkinds, akinds = [ADDED] * len(dt), [DROPPED] * len(at)
    shared: list[tuple[int, int]] = []
    same = 0
    for a, b, n in SequenceMatcher(None, dk, ak, autojunk=False).get_matching_blocks():
        if not n:
            continue
        same += n
        dkinds[a:a + n] = [SAME] * n
        akinds[b:b + n] = [SAME] * n
        if n >= MIN_SHARED_RUN:
            shared.append((at[b][0], at[b + n - 1][1]))
    return WordDiff(_segments(draft, dt, dkinds), _segments(agreed, at, akinds),
                    tuple(shared), len(dt), len(at), same)


def highlight_shared(text: str, diff: WordDiff, open_: str = "<b>", close: str = "</b>") -> str:
    """The agreed text as escaped HTML with the shared wording between open_ and close."""
    out, pos = [], 0
    for s, e in diff.shared:
        out.append(html_escape.escape(text[pos:s]))
        out.append(open_ + html_escape.escape(text[s:e]) + close)
        pos = e
    out.append(html_escape.escape(text[pos:]))
    return "".join(out)
