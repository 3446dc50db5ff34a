"""Fold Arabic text so that what a reader considers the same word compares equal.

`fold` removes what a reader does not see as part of the word (diacritics,
tatweel, invisible direction marks) and merges the letters Arabic typists use
interchangeably (alef forms, alif maqsura/ya, ta marbuta/ha, Arabic-Indic and
ASCII digits). It does not stem: the theme filter box and exact matching use
it as is. `analyze` goes further for matching: clitic stripping then the
Snowball Arabic stemmer (PyStemmer), because the stemmer alone leaves
`والشهود` whole and stems `القدرات` and `قدرات` differently.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

#: Combining marks a reader does not type: Quranic annotation signs, harakat,
#: shadda, sukun, superscript alef.
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670"
_TATWEEL = "\u0640"
#: Invisible characters that may sit inside a word in extracted text:
#: ZWNJ, ZWJ, LRM, RLM, word joiner, soft hyphen, BOM, bidi embeddings/isolates.
_INVISIBLE = "\u200b-\u200f\u2060\u00ad\ufeff\u202a-\u202e\u2066-\u2069"

_DROP_RE = re.compile(f"[{_MARKS}{_TATWEEL}{_INVISIBLE}]")
_PRESENTATION_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")

#: Letter merges, applied with str.replace (much faster than str.translate
#: on long Arabic texts, where most characters stay as they are).
_LETTER_PAIRS = (
    ("\u0623", "\u0627"),  # أ
    ("\u0625", "\u0627"),  # إ
    ("\u0622", "\u0627"),  # آ
    ("\u0671", "\u0627"),  # ٱ
    ("\u0649", "\u064a"),  # ى -> ي
    ("\u0629", "\u0647"),  # ة -> ه
)
_DIGIT_MAP = str.maketrans({
    **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
    **{chr(0x06F0 + i): str(i) for i in range(10)},  # Extended (Persian) digits
})
_DIGIT_RE = re.compile("[\u0660-\u0669\u06f0-\u06f9]")

#: A word in ORIGINAL text: letters and digits with the marks, tatweel and
#: invisible characters that may sit inside it (so a snippet can keep them).
WORD_RE = re.compile(f"(?:[^\\W_]|[{_MARKS}{_TATWEEL}\u200c\u200d\u00ad\u2060])+")
#: A word in folded text.
_FOLDED_WORD_RE = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Text as compared by search: no diacritics/tatweel, merged letter forms, ASCII digits.

    Latin letters are lower-cased; everything else (spaces, punctuation) is kept.
    """
    if not text:
        return ""
    if _PRESENTATION_RE.search(text):
        # PDF extraction sometimes yields presentation forms (ﻻ, ﷲ): decompose them.
        text = _PRESENTATION_RE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    text = _DROP_RE.sub("", text)
    for a, b in _LETTER_PAIRS:
        if a in text:
            text = text.replace(a, b)
    if _DIGIT_RE.search(text):
        text = text.translate(_DIGIT_MAP)
    return text.lower()


def strip_marks(text: str) -> str:
    """`text` without diacritics, tatweel and invisible characters (letters kept as spelled)."""
    return _DROP_RE.sub("", text or "")


def words(text: str) -> list[str]:
    """The folded words of `text`, in order (punctuation dropped)."""
    return _FOLDED_WORD_RE.findall(fold(text))


# --- clitics and stems ---------------------------------------------------

#: Definite-article clitics, longest first, optionally after a conjunction و/ف.
#: These are stripped from every word (query and index alike).
_ARTICLE_RE = re.compile("^(?:[وف])?(?:بال|كال|ال|لل)")
#: Single-letter prefixes (conjunction و/ف, prepositions ب/ك/ل): ambiguous
#: (`وزاره`, `كتاب`, `لجنه` start with them), so the index records the word
#: both with and without them and the query keeps the word as typed.
_LETTER_CLITIC_RE = re.compile("^(?:[وف](?:[بكل])?|[بكل])")

#: Shortest remainder left after stripping a clitic (in letters).
_MIN_STEM = 2
_MIN_AFTER_LETTER = 3


class _Stemmer(Protocol):
    def stemWord(self, word: str) -> str: ...


@lru_cache(maxsize=1)
def _snowball() -> _Stemmer:
    """The Snowball stemmer, loaded by the first stemming: folding alone (the
    index tab's filter, before the app's first paint) does not need its
    0.75 MiB library (issue 17)."""
    import Stemmer

    return Stemmer.Stemmer("arabic")


def strip_article(word: str) -> str:
    """`word` (folded) without a leading (و|ف)?(ال|بال|كال|لل), when enough remains."""
    m = _ARTICLE_RE.match(word)
    if m and len(word) - m.end() >= _MIN_STEM:
        return word[m.end():]
    return word


def letter_clitic_variants(word: str) -> list[str]:
    """Readings of `word` (folded, article stripped) without a single-letter clitic."""
    out = []
    m = _LETTER_CLITIC_RE.match(word)
    if m:
        for end in range(1, m.end() + 1):
            rest = word[end:]
            if len(rest) >= _MIN_AFTER_LETTER:
                out.append(strip_article(rest))
    return out


def _stem_readings(bare: str) -> tuple[str, ...]:
    """Snowball stems of an article-less folded word: noun reading first, then plain.

    Snowball takes its noun path (plural ات, ة, ية) only after an article, so
    `توصيات` and `التوصيات` stem differently; we stem `ال` + word as the noun
    reading. Folding turned ة into ه, which the stemmer reads as a pronoun:
    give it back a final ة first.
    """
    if bare.isascii() or len(bare) < 2:
        return (bare,)
    word = bare[:-1] + "\u0629" if bare.endswith("\u0647") else bare
    stemmer = _snowball()
    plain = fold(stemmer.stemWord(word))
    noun = fold(stemmer.stemWord("\u0627\u0644" + word))
    if noun.startswith("\u0627\u0644") or not noun:
        return (plain,)
    return (noun,) if noun == plain else (noun, plain)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The stem of a folded word (article stripped, Snowball noun reading)."""
    return _stem_readings(strip_article(word))[0]


@dataclass(frozen=True)
class Analysis:
    """One folded word as the index sees it.

    exact: the folded word; bare: without the article; stems: its stem
    readings (noun reading first); variants: other forms it may stand for
    (the other stem readings, and the word read without a single-letter clitic).
    """

    exact: str
    bare: str
    stems: tuple[str, ...]
    variants: tuple[str, ...]

    @property
    def stem(self) -> str:
        return self.stems[0]


@lru_cache(maxsize=65536)
def analyze(word: str) -> Analysis:
    """Analyse one folded word (see Analysis)."""
    bare = strip_article(word)
    stems = _stem_readings(bare)
    variants: list[str] = list(stems[1:])
    for v in letter_clitic_variants(bare):
        for form in (v, *_stem_readings(v)):
            if form not in variants and form != bare and form != stems[0]:
                variants.append(form)
    return Analysis(word, bare, stems, tuple(variants))
