"""Spelling suggestions: the corpus words closest to a word the corpus lacks.

The index stores the corpus vocabulary (search_vocab: folded word, its most
common spelling in the texts, its count). A typed word is compared with it
through an Arabic-aware skeleton, so that what typists confuse costs nothing:
folding already merges ه/ة, ى/ي and the alef hamza forms; the skeleton also
drops the hamza and its seats ؤ ئ ء (مسؤولية, مسئولية, مسوولية), and collapses doubled letters (حمايه الشهوود).
Then plain edit distance (rapidfuzz, C++) counts dropped, added or swapped
letters. Ties go to the word the texts use most.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from dataclasses import dataclass
from typing import Iterable

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from desktop.search.normalize import fold, strip_article

VOCAB_TABLE = "search_vocab"
_ARABIC_RE = re.compile("[\u0621-\u064a]")
_DOUBLE_RE = re.compile(r"(.)\1+")
_SKELETON_PAIRS = (("\u0624", ""), ("\u0626", ""), ("\u0621", ""))


def skeleton(word: str) -> str:
    """The folded word with hamza seats merged, hamza dropped, doubled letters single."""
    w = fold(word)
    for a, b in _SKELETON_PAIRS:
        w = w.replace(a, b)
    bare = strip_article(w)  # the article's ل before a ل (اللاجئين) is not a doubled letter
    return w[:len(w) - len(bare)] + _DOUBLE_RE.sub(r"\1", bare)


def max_distance(word: str) -> int:
    """Edits allowed for a word (skeleton) of this length, the article not counted.

    Two edits only for words of seven letters or more: with two, a five-letter
    word reaches too many others (الإرهاب -> الآراء, القرصنة -> البرهنة).
    """
    n = len(strip_article(word))
    return 0 if n < 3 else 1 if n < 7 else 2


@dataclass(frozen=True)
class Suggestion:
    word: str       # folded corpus word
    display: str    # as the texts spell it (no diacritics)
    distance: int
    count: int


class Vocabulary:
    """The corpus words of one database, with their skeletons."""

    def __init__(self, rows: Iterable[tuple[str, str | None, int]]):
        self.display: dict[str, str] = {}
        self.count: dict[str, int] = {}
        words, skeletons = [], []
        for word, display, n in rows:
            self.display[word] = display or word
            self.count[word] = n
            if _ARABIC_RE.search(word):
                words.append(word)
                skeletons.append(skeleton(word))
        self._words = words
        self._skeletons = skeletons

    def __contains__(self, word: str) -> bool:
        return word in self.count

    def suggest(self, word: str, limit: int = 3) -> list[Suggestion]:
        """Closest corpus words to folded `word`, best first (empty if none is close)."""
        if not _ARABIC_RE.search(word):
            return []
        sk = skeleton(word)
        cutoff = max_distance(sk)
        if cutoff == 0:
            return []
        found = process.extract(sk, self._skeletons, scorer=Levenshtein.distance,
                                score_cutoff=cutoff, limit=50)
        out = []
        for _, dist, i in found:
            w = self._words[i]
            if w == word:
                continue
            # Among equally close skeletons: fewer edits on the folded words, then the commoner word.
            out.append((dist, Levenshtein.distance(word, w), -self.count[w], w))
        out.sort()
        return [Suggestion(w, self.display[w], d, -negn) for d, _, negn, w in out[:limit]]


_cache: dict[tuple, Vocabulary] = {}
_lock = threading.Lock()


def database_key(conn: sqlite3.Connection) -> tuple | None:
    """(database file, index build stamp): what caches of one built database are keyed by."""
    try:
        name = conn.execute("PRAGMA database_list").fetchone()[2]
        stamp = conn.execute("SELECT value FROM search_info WHERE key = 'vocab'").fetchone()
    except Exception:
        return None
    return (name or id(conn), stamp[0] if stamp else None)


def vocabulary(conn: sqlite3.Connection) -> Vocabulary:
    """This database's vocabulary (read once per database file and index build)."""
    key = database_key(conn)
    if key is None:
        return Vocabulary([])
    with _lock:
        vocab = _cache.get(key)
    if vocab is None:
        try:
            rows = conn.execute(f"SELECT word, display, n FROM {VOCAB_TABLE}").fetchall()
        except Exception:
            rows = []
        vocab = Vocabulary(rows)
        with _lock:
            if len(_cache) > 8:
                _cache.clear()
            _cache[key] = vocab
    return vocab
