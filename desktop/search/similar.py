"""Find agreed language: the paragraphs a draft comes from (Qt-free).

A draft rarely repeats agreed text word for word: a word is added, a verb
changed, a clause dropped, two paragraphs merged. Word search needs every
word, so here:

1. candidates: FTS5 over the stem column (folded, article stripped,
   Snowball-stemmed, as the index stores it), an OR of the draft's most
   distinctive stems (fewest paragraphs), the best CANDIDATES by bm25;
2. a cheap first pass (shared distinct stems, IDF-weighted) keeps the
   RESCORE best; they are re-ranked on the stem sequences (the stem column
   of each candidate, the same analysis applied to the draft) by
   - shared word sequences: the words of each text inside a word pair
     (2-shingle) the other text also has, weighted by IDF, as an F-measure
     that weighs the draft's side 4 times (F2: a fragment of a long paragraph
     still points at it; a short paragraph whose words a long draft happens
     to contain does not);
   - shared words in any order (the same F2 over single words);
   - TF-IDF cosine of the two texts.
   score = SEQ_WEIGHT·sequences + BAG_WEIGHT·words + COS_WEIGHT·cosine, 0–1.

Different paragraphs with the same text (a recommendation and the decision
repeating it, a resolution in the supplement and in the report) get the same
score: scores are compared to TIE places, and ties go to the older paragraph
(year, then reading order, which puts the Working Group before the COP).
"""

from __future__ import annotations

import dataclasses
import math
import os
import re
import sqlite3
from collections import Counter
from typing import Iterable

from desktop.content.database import HasConnection
from desktop.search.connection import content_store
from desktop.search.index import DOCS_TABLE, FTS_TABLE
from desktop.search.normalize import analyze, words

#: Longest draft read, in characters (about 3,000 words: several pages).
MAX_CHARS = 20_000
#: Paragraphs re-ranked per draft, and the most stems in the candidate query.
CANDIDATES = 80
QUERY_TERMS = 16
#: Candidates compared in full (after a cheap first pass over all CANDIDATES).
RESCORE = 30
DEFAULT_LIMIT = 10
SEQ_WEIGHT, BAG_WEIGHT, COS_WEIGHT = 0.5, 0.2, 0.3
#: Scores equal to this many decimal places are a tie (older first).
TIE = 2
#: "More like this" lists paragraphs at least this similar.
MORE_LIKE_THIS_MIN = 0.3

_SURROGATE_RE = re.compile("[\ud800-\udfff]")


class SimilarInputError(ValueError):
    """The draft cannot be compared; str(exc) is an Arabic message for the user."""


@dataclasses.dataclass(frozen=True)
class Match:
    """One paragraph like the draft. score 0–1; coverage: share of the draft's
    weight found in the paragraph's word sequences; year and sort: its age."""

    id: str
    citation: str
    score: float
    text: str
    year: int | None
    sort: int | None
    coverage: float = 0.0
    cosine: float = 0.0
    kind: str = "paragraph"
    #: other paragraphs with this text and citation (the same place printed twice)
    also: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        return {"id": self.id, "citation": self.citation, "score": self.score,
                "kind": self.kind, "coverage": self.coverage, "cosine": self.cosine,
                "year": self.year, "also": list(self.also)}


class Matches(list[Match]):
    """The ranked matches; notice: a remark for the user (the text was cleaned);
    words: how many words of the draft were compared."""

    def __init__(self, items: Iterable[Match] = (), notice: str = "", words: int = 0):
        super().__init__(items)
        self.notice = notice
        self.words = words


class _Corpus:
    """IDF of every stem of the stem column, read once per database file."""

    def __init__(self, conn: sqlite3.Connection):
        conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.similar_vocab "
                     f"USING fts5vocab(main, {FTS_TABLE}, 'col')")
        self.n = conn.execute(f"SELECT COUNT(*) FROM {DOCS_TABLE}").fetchone()[0] or 1
        self.df: dict[str, int] = dict(conn.execute(
            "SELECT term, doc FROM temp.similar_vocab WHERE col = 'stem'"))
        n = self.n
        self.idf_map = {t: math.log(1.0 + n / (df + 1.0)) for t, df in self.df.items()}
        #: a stem in no row: as rare as can be
        self.unknown = math.log(1.0 + n)

    def idf(self, term: str) -> float:
        return self.idf_map.get(term, self.unknown)


_CORPORA: dict[tuple, _Corpus] = {}


def _corpus(conn: sqlite3.Connection) -> _Corpus:
    path = next((r[2] for r in conn.execute("PRAGMA database_list") if r[1] == "main"), "")
    key: tuple[str, int, int] | tuple[str, int]
    if path:
        st = os.stat(path)
        key = (path, st.st_mtime_ns, st.st_size)
    else:
        key = ("memory", id(conn))
    corpus = _CORPORA.get(key)
    if corpus is None:
        if len(_CORPORA) >= 4:  # a rebuilt or another database: forget the oldest
            _CORPORA.pop(next(iter(_CORPORA)))
        corpus = _CORPORA[key] = _Corpus(conn)
    return corpus


def draft_stems(text: str) -> list[str]:
    """The draft as the index sees a paragraph: one stem per folded word."""
    return [analyze(w).stem for w in words(text)]


def clean_draft(text: object) -> tuple[str, str]:
    """(text to compare, notice) or SimilarInputError with an Arabic message."""
    if text is None or not str(text).strip():
        raise SimilarInputError("اكتب نص المشروع أو الصقه للبحث عن صياغة متفق عليها.")
    text = str(text)
    notice = ""
    if _SURROGATE_RE.search(text):
        text = _SURROGATE_RE.sub(" ", text)
        notice = "حُذفت من النص محارف غير صالحة."
    if len(text) > MAX_CHARS:
        raise SimilarInputError(
            f"النص طويل جداً ({len(text):,} حرفاً): الحد {MAX_CHARS:,} حرف. "
            "ابحث بفقرة واحدة أو بضع فقرات.")
    if not words(text):
        raise SimilarInputError("لا كلمات في النص: أدخل نصاً عربياً أو رمز وثيقة للبحث عنه.")
    return text, notice


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _weights(stems: list[str], idf: dict[str, float], unknown: float) -> dict[str, float]:
    """TF-IDF vector (1 + log tf) of a stem sequence."""
    return {t: (1.0 + _LOG[c] if c < len(_LOG) else 1.0 + math.log(c)) * idf.get(t, unknown)
            for t, c in Counter(stems).items()}


_LOG = [0.0] + [math.log(c) for c in range(1, 64)]


def _cosine(a: dict[str, float], b: dict[str, float], norm_a: float) -> float:
    dot = sum(w * b[t] for t, w in a.items() if t in b)
    nb = math.sqrt(sum(w * w for w in b.values()))
    return dot / (norm_a * nb) if norm_a and nb else 0.0


def _f2(recall: float, precision: float) -> float:
    """F-measure weighing recall (the draft's side) 4 times as much as precision."""
    if recall <= 0 or precision <= 0:
        return 0.0
    return 5 * precision * recall / (4 * precision + recall)


def _covered(seq: list[str], other_pairs: set[tuple[str, str]]) -> list[bool]:
    """Which words of seq lie in a word pair the other text also has."""
    cov = [False] * len(seq)
    for i in range(len(seq) - 1):
        if (seq[i], seq[i + 1]) in other_pairs:
            cov[i] = cov[i + 1] = True
    return cov


def _pairs(seq: list[str]) -> set[tuple[str, str]]:
    return set(zip(seq, seq[1:]))


class _Draft:
    """The draft's stems with what every candidate is compared against."""

    def __init__(self, stems: list[str], corpus: _Corpus):
        idf, unknown = corpus.idf_map, corpus.unknown
        self.stems = stems
        self.weights = [idf.get(t, unknown) for t in stems]
        self.total = sum(self.weights)
        self.pairs = _pairs(stems)
        self.set = set(stems)
        self.vec = _weights(stems, idf, unknown)
        self.norm = math.sqrt(sum(w * w for w in self.vec.values()))


def _score(d: _Draft, c: list[str], corpus: _Corpus) -> tuple[float, float, float]:
    """(score, draft coverage, cosine) of one candidate's stem sequence."""
    if not c:
        return 0.0, 0.0, 0.0
    idf, unknown = corpus.idf_map, corpus.unknown
    c_w = [idf.get(t, unknown) for t in c]
    total_c = sum(c_w)
    c_set = set(c)
    seq = rec = 0.0
    if len(d.stems) > 1 and len(c) > 1:
        cov_d = _covered(d.stems, _pairs(c))
        cov_c = _covered(c, d.pairs)
        rec = sum([w for w, k in zip(d.weights, cov_d) if k]) / d.total
        prec = sum([w for w, k in zip(c_w, cov_c) if k]) / total_c
        seq = _f2(rec, prec)
    bag_rec = sum([w for t, w in zip(d.stems, d.weights) if t in c_set]) / d.total
    bag_prec = sum([w for t, w in zip(c, c_w) if t in d.set]) / total_c
    bag = _f2(bag_rec, bag_prec)
    cos = _cosine(d.vec, _weights(c, idf, unknown), d.norm)
    if len(d.stems) == 1:  # one word: sequences say nothing
        return min(1.0, 0.7 * bag + 0.3 * cos), bag_rec, cos
    return min(1.0, SEQ_WEIGHT * seq + BAG_WEIGHT * bag + COS_WEIGHT * cos), rec, cos


def find_similar(db: sqlite3.Connection | HasConnection, text: str, limit: int = DEFAULT_LIMIT, exclude: set[str] | None = None,
                 kinds: Iterable[str] = ("paragraph",)) -> Matches:
    """The paragraphs closest to `text`, best first (ties: older first).

    db: a sqlite3.Connection (or a sqlite-utils Database) on a built content
    database. Raises SimilarInputError (Arabic message) for unusable text,
    never anything else for any text.
    """
    conn = db if isinstance(db, sqlite3.Connection) else db.conn
    text, notice = clean_draft(text)
    out = Matches(notice=notice)
    d = draft_stems(text)
    out.words = len(d)
    limit = max(0, int(limit))
    if not limit:
        return out
    corpus = _corpus(conn)
    # The most distinctive stems the corpus has (a stem in no paragraph finds nothing).
    known = sorted({t for t in d if corpus.df.get(t)}, key=lambda t: (corpus.df[t], t))
    terms = known[:QUERY_TERMS]
    if not terms:
        return out
    kind_filter = " OR ".join(_quote("k" + k) for k in kinds)
    match = f"stem : ({' OR '.join(map(_quote, terms))}) AND tags : ({kind_filter})"
    # Rowids only while FTS5 ranks every matching row; the columns and the
    # joins for the best CANDIDATES after (reading them for every match costs
    # several times more on a large database).
    best = [r for (r,) in conn.execute(
        f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? "
        f"ORDER BY bm25({FTS_TABLE}, 0, 0, 1, 0, 0, 0), rowid LIMIT ?", (match, CANDIDATES))]
    if not best:
        return out
    rows = conn.execute(
        f"SELECT d.ref, f.stem, d.year, d.sort FROM {FTS_TABLE} f "
        f"JOIN {DOCS_TABLE} d ON d.rowid = f.rowid "
        f"WHERE f.rowid IN ({','.join('?' * len(best))}) ORDER BY f.rowid", best).fetchall()
    store = content_store(conn)
    texts = store.paragraph_texts(row[0] for row in rows)   # the index's rows name paragraphs
    rows = [row for row in rows if row[0] in texts]
    draft = _Draft(d, corpus)
    exclude = exclude or set()
    idf, unknown = corpus.idf_map, corpus.unknown
    uniq_total = sum(idf.get(t, unknown) for t in draft.set)
    # Cheap first pass (shared distinct stems, IDF-weighted, cosine-like):
    # the full comparison runs on the RESCORE best only.
    quick = []
    for row in rows:
        if row[0] in exclude:
            continue
        c = (row[1] or "").split()
        c_set = set(c)
        shared = sum(idf.get(t, unknown) for t in c_set & draft.set)
        if shared:
            c_total = sum(idf.get(t, unknown) for t in c_set)
            quick.append((shared / math.sqrt(uniq_total * c_total), c, row))
    quick.sort(key=lambda q: -q[0])
    scored = []
    for _, c, (ref, _stem, year, sort) in quick[:max(RESCORE, limit)]:
        score, cov, cos = _score(draft, c, corpus)
        if score <= 0:
            continue
        scored.append(Match(ref, ref, round(score, 4), texts[ref] or "", year, sort,
                            round(cov, 4), round(cos, 4)))
    scored.sort(key=_rank_key)
    best = scored[:2 * limit]
    cited = {p.id: p.citation or p.id for p in store.paragraphs(m.id for m in best)}
    out.extend(_one_per_place([dataclasses.replace(m, citation=cited.get(m.id, m.id))
                               for m in best])[:limit])
    return out


def _one_per_place(matches: list[Match]) -> list[Match]:
    """One entry for a text printed twice under one citation (resolution 12/2
    in the supplement and in the COP 12 report): the first, naming the other
    paragraph in `also`."""
    out: list[Match] = []
    at: dict[tuple, int] = {}
    for m in matches:
        key = (m.citation, round(m.score, TIE))
        if key in at:
            kept = out[at[key]]
            out[at[key]] = dataclasses.replace(kept, also=(*kept.also, m.id))
            continue
        at[key] = len(out)
        out.append(m)
    return out


def _rank_key(m: Match) -> tuple[float, int, int, str]:
    return (-round(m.score, TIE), m.year if m.year is not None else 9999,
            m.sort if m.sort is not None else 1 << 40, m.id)


def more_like_this(db: sqlite3.Connection | HasConnection, paragraph_id: str, limit: int = DEFAULT_LIMIT,
                   minimum: float = MORE_LIKE_THIS_MIN) -> Matches:
    """Paragraphs most like one paragraph (not itself), oldest first: how the language grew."""
    conn = db if isinstance(db, sqlite3.Connection) else db.conn
    store = content_store(conn)
    text = store.paragraph_texts([paragraph_id]).get(paragraph_id) or ""
    if not words(text):
        return Matches()
    found = find_similar(conn, text[:MAX_CHARS], limit=limit + 1, exclude={paragraph_id})
    own = next((p.citation or p.id for p in store.paragraphs([paragraph_id])), None)
    out = Matches(words=found.words)
    # not the same place printed twice (the supplement's copy of a report paragraph)
    kept = [m for m in found
            if m.score >= minimum and not (m.citation == own and m.score >= 0.99)][:limit]
    out.extend(sorted(kept, key=lambda m: (m.year if m.year is not None else 9999,
                                           m.sort if m.sort is not None else 1 << 40, m.id)))
    return out
