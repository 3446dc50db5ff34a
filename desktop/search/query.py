"""The query language a user can guess, turned into FTS5 MATCH expressions.

    حماية الشهود          every word must match (in any clitic/stem form)
    "حماية الشهود"        a phrase: the words in this order
    -الضحايا              exclude paragraphs with this word
    تقني*                 words starting with تقني (also after ال, و, ب ...)
    CTOC/COP/WG.2/2013/5  a chunk with inner punctuation is a phrase of its parts

Anything else (unbalanced quotes, FTS operators, punctuation, Latin text,
very long input) is read as words, never an error: the user's text never
reaches FTS5 unquoted. Locators (`سابعاً-13`) are recognised here and resolved
by the engine, which has the database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.search.normalize import analyze, fold, strip_article, words

#: Longest query text read (characters) and most terms used; the rest is ignored.
MAX_QUERY_CHARS = 500
MAX_TERMS = 12
#: Shortest prefix (letters after the article) that `*` expands.
MIN_PREFIX = 3

_QUOTES = str.maketrans({c: '"' for c in "«»“”„‟″〝〞＂"})
_DASHES = "-\u2212\u2013\u2014\u2010\u2011"
_PHRASE_RE = re.compile(f'(?:(?<=\\s)|^)([{_DASHES}]?)"([^"]*)"')
_STAR = "*\u066d\uff0a"  # ASCII star, Arabic five-pointed star, full-width star


@dataclass(frozen=True)
class Term:
    """One unit of the query: a word (one folded word) or a phrase (several).

    prefix: the last word matches as a prefix (typed `*`).
    open_end: the word matches as itself OR as a prefix (the word being typed
    when searching as you type).
    """

    words: tuple[str, ...]
    prefix: bool = False
    open_end: bool = False

    def _open_parts(self) -> str:
        a = analyze(self.words[0])
        return f"{{exact meta}} : {_quote(a.exact)}* OR {{bare alt}} : {_quote(a.bare)}*"

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1

    def fts(self) -> str:
        """FTS5 expression matching this term in any indexed form."""
        analyses = [analyze(w) for w in self.words]
        if self.is_phrase:
            exact = _quote(" ".join(a.exact for a in analyses))
            bare = _quote(" ".join(a.bare for a in analyses))
            stem = _quote(" ".join(a.stem for a in analyses))
            if self.prefix:
                return f"({{exact meta}} : {exact}* OR bare : {bare}*)"
            return f"({{exact meta}} : {exact} OR bare : {bare} OR stem : {stem})"
        a = analyses[0]
        if self.prefix:
            return f"({{exact meta}} : {_quote(a.exact)}* OR {{bare alt}} : {_quote(a.bare)}*)"
        parts = [f"{{exact meta}} : {_quote(a.exact)}", f"{{bare alt}} : {_quote(a.bare)}"]
        parts.extend(f"{{stem alt}} : {_quote(st)}" for st in a.stems if st != a.bare)
        if self.open_end:
            parts.append(self._open_parts())
        return "(" + " OR ".join(parts) + ")"

    def lean_fts(self) -> str:
        """The same rows as fts(), with fewer phrases (cheap to count and page).

        A word found as typed or without its article also has its stem in
        the stem column, so the stem phrases (and the symbol column) suffice.
        """
        analyses = [analyze(w) for w in self.words]
        if self.prefix:
            return self.fts()
        if self.is_phrase:
            exact = _quote(" ".join(a.exact for a in analyses))
            stem = _quote(" ".join(a.stem for a in analyses))
            return f"(meta : {exact} OR stem : {stem})"
        a = analyses[0]
        parts = [f"meta : {_quote(a.exact)}"]
        parts.extend(f"{{stem alt}} : {_quote(st)}" for st in a.stems)
        if self.open_end:
            parts.append(self._open_parts())
        return "(" + " OR ".join(parts) + ")"

    def exact_fts(self) -> str:
        """FTS5 expression matching this term only as typed (folded)."""
        star = "*" if self.prefix or self.open_end else ""
        return f"{{exact meta}} : {_quote(' '.join(self.words))}{star}"


def _quote(s: str) -> str:
    return '"' + s.replace('"', '""') + '"'


@dataclass(frozen=True)
class Alternative:
    """Other ways of saying included terms start..end (end excluded).

    terms: (label, term) pairs; a row matches the span if it holds all the
    typed terms OR any alternative. label is the form shown to the user
    («بصيغة: غسل الأموال»). Made by the engine from the lexicon and spelling.
    """

    start: int
    end: int
    terms: tuple[tuple[str, Term], ...]


@dataclass
class Query:
    """A parsed query. `text` is the input as read (after truncation)."""

    text: str
    include: list[Term] = field(default_factory=list)
    exclude: list[Term] = field(default_factory=list)
    #: non-overlapping alternatives for spans of `include` (see Alternative)
    alternatives: list[Alternative] = field(default_factory=list)

    def _concepts(self, method: str) -> list[str]:
        """One expression per concept: a term, or a span of terms OR its alternatives."""
        out = []
        for start, end, alt in self.concept_spans():
            if alt is None:
                out.append(getattr(self.include[start], method)())
                continue
            typed = " AND ".join(getattr(t, method)() for t in self.include[start:end])
            others = [getattr(t, method)() for _, t in alt.terms]
            out.append("(" + " OR ".join([f"({typed})", *others]) + ")")
        return out

    def concept_spans(self) -> list[tuple[int, int, Alternative | None]]:
        """(start, end, alternative) for each concept, in order."""
        at = {a.start: a for a in self.alternatives}
        out: list[tuple[int, int, Alternative | None]] = []
        i = 0
        while i < len(self.include):
            alt = at.get(i)
            if alt is None or alt.end <= i:
                out.append((i, i + 1, None))
                i += 1
            else:
                out.append((i, alt.end, alt))
                i = alt.end
        return out

    def concept_fts(self, lean: bool = True) -> list[str]:
        """The MATCH expression of each concept alone (for partial matching)."""
        return self._concepts("lean_fts" if lean else "fts")

    @property
    def is_empty(self) -> bool:
        """True when nothing can match (no words, or only exclusions)."""
        return not self.include

    def fts(self) -> str | None:
        """The MATCH expression, or None when the query cannot match anything."""
        return self._all_of(self._concepts("fts"), "fts")

    def lean_fts(self) -> str | None:
        """The rows of fts() through a cheaper expression (see Term.lean_fts)."""
        return self._all_of(self._concepts("lean_fts"), "lean_fts")

    def exact_fts(self, exclusions: bool = False) -> str | None:
        """MATCH expression for rows holding every term exactly as typed."""
        return self._all_of([t.exact_fts() for t in self.include],
                            "lean_fts" if exclusions else None)

    def _all_of(self, parts: list[str], excluded_as: str | None) -> str | None:
        """Every part, without the rows of an excluded term (each written by
        its Term method ``excluded_as``; None: exclusions left out)."""
        if not self.include:
            return None
        expr = " AND ".join(parts)
        if excluded_as and self.exclude:
            expr = f"({expr}) NOT ({' OR '.join(getattr(t, excluded_as)() for t in self.exclude)})"
        return expr

    @property
    def locator_text(self) -> str | None:
        """The input, if it could be a locator (`سابعاً-13`, `A07/13`); else None."""
        t = self.text.strip()
        if not t or len(t) > 80 or '"' in t:
            return None
        if LOCATOR_HINT_RE.search(fold(t)):
            return t
        return None


#: Something shaped like a locator (folded): a paragraph id, an ordinal with a
#: number, or a decision/resolution number.
LOCATOR_HINT_RE = re.compile(
    r"(?:^[ab]\d+(?:-[dr]\d+)?(?:/\S+)?$)"
    r"|(?:(?:اولا|ثانيا|ثالثا|رابعا|خامسا|سادسا|سابعا|ثامنا|تاسعا|عاشرا|عشر)\s*[-–]\s*\d)"
    r"|(?:^(?:الجزء \S+ )?(?:ال)?(?:مقرر|قرار)\s*\d+\s*/\s*\d+)", re.IGNORECASE)


def valid_text(text: str) -> str:
    """``text`` with each lone surrogate (a broken paste; a command line's
    undecodable byte under Python's surrogateescape) as U+FFFD: SQLite takes
    only encodable UTF-8 and the encoder raises on them. Pairs are joined."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def parse(text: str, as_you_type: bool = False) -> Query:
    """Parse user input into a Query; never raises for any string.

    as_you_type: the last word, if the text does not end with a space, also
    matches as the start of a word (at least MIN_PREFIX letters), so results
    show while a word is being typed.
    """
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    text = valid_text(text[:MAX_QUERY_CHARS])
    q = Query(text=text)
    src = text.translate(_QUOTES)
    found: list[tuple[bool, Term]] = []

    def add(chunk: str, negative: bool, phrase: bool) -> None:
        prefix = False
        stripped = chunk.rstrip()
        if stripped and stripped[-1] in _STAR:
            prefix = True
        ws = words(chunk)
        if not ws:
            return
        if prefix and len(strip_article(ws[-1])) < MIN_PREFIX:
            prefix = False  # `ال*`, `م*`: too broad to be useful, read as typed
        if phrase or len(ws) > 1:
            # A star inside the chunk (تقن*ية) only splits it; a final one marks a prefix.
            found.append((negative, Term(tuple(ws), prefix)))
        else:
            found.append((negative, Term((ws[0],), prefix)))

    # Balanced quotes first; a lone quote left over is just a separator.
    rest_parts = []
    pos = 0
    for m in _PHRASE_RE.finditer(src):
        rest_parts.append(src[pos:m.start()])
        add(m.group(2), bool(m.group(1)), True)
        pos = m.end()
    rest_parts.append(src[pos:])
    rest = " ".join(rest_parts).replace('"', " ")
    for chunk in rest.split():
        negative = len(chunk) > 1 and chunk[0] in _DASHES
        if negative:
            chunk = chunk[1:]
        # Stars inside a chunk separate words; only a trailing one means prefix.
        pieces = re.split(f"[{re.escape(_STAR)}](?=.)", chunk)
        for piece in pieces:
            add(piece, negative, False)

    seen: set[tuple[bool, Term]] = set()
    for negative, term in found:
        if (negative, term) in seen:
            continue
        seen.add((negative, term))
        (q.exclude if negative else q.include).append(term)
    # An excluded term that is also required cannot match anything useful: keep the requirement.
    q.exclude = [t for t in q.exclude if t not in q.include][:MAX_TERMS]
    q.include = q.include[:MAX_TERMS]
    if as_you_type and q.include and found and not found[-1][0] and src[-1:].strip() \
            and src[-1] not in _STAR and src[-1] != '"':
        last = q.include[-1]
        if (last == found[-1][1] and not last.is_phrase and not last.prefix
                and len(strip_article(last.words[0])) >= MIN_PREFIX):
            q.include[-1] = Term(last.words, open_end=True)
    return q
