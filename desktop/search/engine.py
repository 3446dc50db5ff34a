"""search(db, query, filters) -> ranked results with citations and snippets.

Ranking, first to last (see search()):
0. the index entry of a theme the query names;
1. rows holding every term exactly as typed (folded), by bm25;
2. the paragraphs the editors indexed under a theme the query names (by its
   label or a lexicon form linked to it), those matching the words first;
3. the other rows matching every term in some form (stems, clitics, lexicon
   variants, a spelling correction), by bm25 over the stems (see WEIGHTS);
4. when 1-3 are fewer than PARTIAL_BELOW: rows matching only some of the
   terms, more terms first, then bm25 («نتائج تطابق بعض كلمات البحث»).
Above RANK_LIMIT matching rows, reading order replaces bm25 (see _page). A
query that is a locator (`سابعاً-13`, `A07/13`, `المقرر 4/3`) puts that
paragraph first; a document symbol lists its paragraphs in reading order.
The same text printed in two documents is one hit («وارد أيضاً في …»).
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from desktop.content.database import ContentDatabaseError, open_readonly, reading
from desktop.search.index import (DOCS_TABLE, FTS_TABLE, INDEX_VERSION, INFO_TABLE,
                                  THEMES_TABLE, locator_tail, normalize_locator, tag)
from desktop.search import lexicon as lexicon_mod
from desktop.search import suggest as suggest_mod
from desktop.search.normalize import WORD_RE, analyze, fold, words
from desktop.search.query import Alternative, Query, Term, parse, valid_text
from desktop.search.snippets import Matcher, Snippet, make_snippet

DEFAULT_LIMIT = 50
KINDS = ("paragraph", "title", "theme")
#: bm25 weights of the FTS columns exact, bare, stem, alt, meta, tags. Ranking
#: uses the lean expression (stems and symbols): bm25 reads the whole doclist
#: of every phrase for its IDF, so fewer phrases is faster; rows holding the
#: words as typed form their own, first tier anyway.
WEIGHTS = (10.0, 4.0, 2.0, 1.0, 0.5, 0.0)


class SearchError(ContentDatabaseError):
    """The database cannot be searched (missing, not a content database, no
    index): one of the content opener's errors (``kind``, ``arabic``)."""

    def __init__(self, detail: str, path=None, kind: str | None = None):
        super().__init__(path, detail, kind)


@dataclass(frozen=True)
class Result:
    """One hit. id: the paragraph id to open (or the theme name for kind "theme").

    kind: "paragraph", "title" (a decision/annex/section title; id is its
    first paragraph), "theme" (a thematic-index theme) or "locator".
    snippet: the original text window with <mark>…</mark> around matches.
    terms: the original spellings matched in the whole text (for the reader).
    """

    id: str
    citation: str
    snippet: str
    score: float
    kind: str = "paragraph"
    exact: bool = False
    terms: tuple[str, ...] = ()
    snippet_parts: Snippet | None = field(default=None, compare=False, repr=False)
    #: the other forms this row matched by, when not the words as typed
    #: (lexicon variants, a spelling correction), e.g. ("غسل الأموال",)
    variants: tuple[str, ...] = ()
    #: True: the row matches only some of the query's terms (matched of total)
    partial: bool = False
    matched: int = 0
    #: the thematic-index theme that brought this paragraph forward, if any
    theme: str = ""
    #: citations of the other places the same text is printed
    also_in: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        return {"id": self.id, "citation": self.citation, "snippet": self.snippet,
                "score": self.score, "kind": self.kind, "exact": self.exact,
                "variants": list(self.variants), "partial": self.partial,
                "theme": self.theme, "also_in": list(self.also_in)}


class Results(list):
    """The requested page of results; `total` counts the matching rows.

    capped: there are more than `total` (counting stopped at COUNT_LIMIT).
    suggestion: the query with unknown words replaced by the closest corpus
    words («هل تقصد: …؟»), or None. notes: what was done to the query, in
    Arabic (English terms read as Arabic). themes: the themes it named.
    partial_start: index of the first partial match on this page, or None.
    """

    total: int = 0
    capped: bool = False
    query: Query | None = None
    suggestion: str | None = None
    notes: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    partial_start: int | None = None


def connect(path: Path | str, *, check: bool = True) -> sqlite3.Connection:
    """Open a content database read-only for searching (through the one opener,
    desktop.content.database); SearchError if unusable. ``check=False`` skips
    the page check for a file the app has already opened and checked."""
    path = Path(path)
    try:
        conn = open_readonly(path, check=check)
    except ContentDatabaseError as exc:
        raise SearchError(str(exc), path, exc.kind) from None
    try:
        with reading(path):
            conn.execute(f"SELECT 1 FROM {DOCS_TABLE} LIMIT 1").fetchall()
            row = conn.execute(
                f"SELECT value FROM {INFO_TABLE} WHERE key = 'version'").fetchone()
    except ContentDatabaseError as exc:
        conn.close()
        if "no such table" in str(exc):
            raise SearchError(f"database {path} has no search index", path,
                              "no-index") from None
        raise SearchError(str(exc), path, exc.kind) from None
    if not row or row[0] != INDEX_VERSION:
        conn.close()
        raise SearchError(f"database {path} has a search index of another version "
                          f"({row[0] if row else 'none'}, this program reads {INDEX_VERSION})",
                          path, "no-index")
    return conn


def _conn(db) -> sqlite3.Connection:
    if isinstance(db, sqlite3.Connection):
        return db
    if isinstance(db, (str, Path)):
        return connect(db)
    conn = getattr(db, "conn", None)
    if isinstance(conn, sqlite3.Connection):
        return conn
    raise SearchError(f"cannot search {db!r}: not a database")


def _as_list(value) -> list | None:
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, (str, int)):
        value = [value]
    return [valid_text(v) if isinstance(v, str) else v for v in value]


def _tag_filter(conn, part, unit, year, theme, document, kinds) -> str | None:
    """Filters as an FTS5 expression over the tags column (see index.tag)."""
    clauses = []

    def any_of(tags: list[str]) -> str:
        return "tags : (" + " OR ".join(f'"{t}"' for t in tags) + ")"

    for kind, value in (("p", part), ("u", unit), ("y", year)):
        values = _as_list(value)
        if values:
            clauses.append(any_of([tag(kind, v) for v in values]))
    themes = _as_list(theme)
    if themes:
        keys = [k for (k,) in conn.execute(
            f"SELECT DISTINCT key FROM {THEMES_TABLE} WHERE theme IN "
            f"({','.join('?' * len(themes))})", themes)]
        clauses.append(any_of([tag("t", k) for k in keys] or ["tnone"]))
    documents = _as_list(document)
    if documents:
        tags = [tag("d", d) for d in documents]
        if "theme" in kinds:  # themes belong to no document: the filter does not hide them
            tags.append(tag("k", "theme"))
        clauses.append(any_of(tags))
    if set(kinds) != set(KINDS):
        clauses.append(any_of([tag("k", k) for k in kinds] or ["knone"]))
    return " AND ".join(clauses) or None


def _locator_hit(conn: sqlite3.Connection, q: Query) -> tuple[str, str] | None:
    """(paragraph id, citation) when the query text names one paragraph or unit."""
    text = q.locator_text
    if text is None:
        return _printed_reference(conn, q.text)
    pid = None
    if conn.execute("SELECT 1 FROM paragraphs WHERE id = ?", (text.strip(),)).fetchone():
        pid = text.strip()
    if pid is None:  # a citation as printed, with or without the part (indexed look-up)
        loc = normalize_locator(text)
        row = conn.execute(
            f"SELECT ref FROM {DOCS_TABLE} WHERE (locator = ? OR loc_tail = ?) "
            f"AND kind IN ('paragraph', 'title') ORDER BY kind = 'title', sort LIMIT 1",
            (loc, locator_tail(loc))).fetchone()
        pid = row[0] if row else None
    if pid is None:  # ranges, lists, `انظر الجزء ألف- سابعاً`...
        pid = _resolve_with_content_layer(conn, text)
    if pid is None:
        return None
    para = _citations(conn, [pid])
    return (pid, para[pid]) if pid in para else None


def _printed_reference(conn, text: str) -> tuple[str, str] | None:
    """A paragraph id (``som:2``) or a citation as the app prints it, short or
    full («تقرير مؤتمر الأطراف عن أعمال دورته الثانية عشرة (2024)، الفقرة 81»),
    through the content layer's one resolver; None for anything else."""
    from desktop.content.locate import by_citation
    from desktop.content.store import ContentStore

    text = " ".join((text or "").split())
    if not text or len(text) > 400:
        return None
    try:
        store = ContentStore.over(conn)
        pid = text if store.paragraph(text) else by_citation(store, text)
    except (UnicodeError, sqlite3.Error):   # text SQLite cannot take (lone surrogates)
        return None
    if pid is None:
        return None
    cited = _citations(conn, [pid])
    return (pid, cited[pid]) if pid in cited else None


#: (database, index build) -> {paragraph id: citation}: a citation never
#: changes within one built database, and typing re-reads the same rows on
#: every keystroke (building one through the store costs ~0.2 ms).
_CITED: dict[tuple, dict[str, str]] = {}


def _citations(conn, ids) -> dict[str, str]:
    """paragraph id -> THE citation (desktop.content.citations, short form)."""
    from desktop.content.store import ContentStore

    key = suggest_mod.database_key(conn)
    cache = _CITED.get(key) if key else None
    if cache is None:
        cache = {}
        if key:
            if len(_CITED) > 8:
                _CITED.clear()
            _CITED[key] = cache
    missing = [i for i in dict.fromkeys(ids) if i not in cache]
    if missing:
        for p in ContentStore.over(conn).paragraphs(missing):
            cache[p.id] = p.citation or p.id
    return {i: cache[i] for i in ids if i in cache}


def _resolve_with_content_layer(conn, text: str) -> str | None:
    """The content layer's one locator resolver (desktop.content.locate)."""
    from desktop.content.locate import resolve
    from desktop.content.store import ContentStore

    try:
        ids = resolve(ContentStore.over(conn), text)
    except Exception:  # a locator it does not know is not an error for search
        return None
    return ids[0] if ids else None


#: Above this many matching rows, bm25 is not computed for all of them (it
#: costs ~5 µs a row): rows holding the words as typed come first, ranked by
#: bm25 when there are few enough, the rest follows in reading order. A word
#: in that many rows has almost no weight in bm25 anyway.
RANK_LIMIT = 2000
#: Counting stops here: "more than COUNT_LIMIT results".
COUNT_LIMIT = 5000

_SELECT = (f"SELECT d.kind, d.ref, d.label, COALESCE(d.text, p.text, ''), {{score}}, "
           f"{{is_exact}}, p.citation, d.rowid, d.twin, d.sort "
           f"FROM {FTS_TABLE} f JOIN {DOCS_TABLE} d ON d.rowid = f.rowid "
           f"LEFT JOIN paragraphs p ON p.id = d.ref AND d.kind != 'theme' "
           f"WHERE {FTS_TABLE} MATCH ? ")
_BM25 = f"bm25({FTS_TABLE}, {', '.join(map(str, WEIGHTS))})"


def _count(conn, match: str, cap: int) -> int:
    return conn.execute(
        f"SELECT COUNT(*) FROM (SELECT 1 FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? LIMIT ?)",
        [match, cap]).fetchone()[0]


def _page(conn, q: Query, filt: str | None, limit: int, offset: int, in_order: bool = False):
    """(rows, total, capped) for one page: exact-as-typed rows first, then bm25, then reading order.

    in_order: reading order instead of bm25 (a document symbol: every row matches alike).
    """
    def with_filter(expr: str) -> str:
        return f"({expr}) AND {filt}" if filt else expr

    lean, exact = with_filter(q.lean_fts()), with_filter(q.exact_fts(exclusions=True))
    total = _count(conn, lean, COUNT_LIMIT + 1)
    capped = total > COUNT_LIMIT
    total = min(total, COUNT_LIMIT)
    if total == 0:
        return [], 0, False
    if total <= RANK_LIMIT:
        sql = (f"WITH exact AS (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?) "
               + _SELECT.format(score=_BM25 + " AS score", is_exact="f.rowid IN exact AS is_exact")
               + ("ORDER BY is_exact DESC, d.sort, d.rowid LIMIT ? OFFSET ?" if in_order else
                  "ORDER BY is_exact DESC, score, d.sort, d.rowid LIMIT ? OFFSET ?"))
        rows = conn.execute(sql, [exact, lean, limit, offset]).fetchall()
        return rows, total, capped
    # Many rows: the exact tier (ranked if small), then the rest in reading order
    # (rowid order is reading order: the index inserts paragraphs sorted).
    n_exact = _count(conn, exact, RANK_LIMIT + 1)
    rows = []
    if n_exact <= RANK_LIMIT:
        if offset < n_exact:
            sql = (_SELECT.format(score=_BM25 + " AS score", is_exact="1")
                   + ("ORDER BY d.sort, d.rowid LIMIT ? OFFSET ?" if in_order else
                      "ORDER BY score, d.sort, d.rowid LIMIT ? OFFSET ?"))
            rows = conn.execute(sql, [exact, limit, offset]).fetchall()
        rest_offset = max(0, offset - n_exact)
    else:  # the exact tier alone is huge: reading order all along
        sql = _SELECT.format(score="NULL", is_exact="1") + "ORDER BY f.rowid LIMIT ? OFFSET ?"
        rows = conn.execute(sql, [exact, limit, offset]).fetchall()
        if len(rows) == limit:
            return rows, total, capped
        n_exact = conn.execute(f"SELECT COUNT(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?",
                               [exact]).fetchone()[0]
        rest_offset = max(0, offset - n_exact)
    if len(rows) < limit:
        rest = with_filter(f"({q.lean_fts()}) NOT ({q.exact_fts()})")
        sql = _SELECT.format(score="NULL", is_exact="0") + "ORDER BY f.rowid LIMIT ? OFFSET ?"
        rows += conn.execute(sql, [rest, limit - len(rows), rest_offset]).fetchall()
    return rows, total, capped


def _title_citation(label: str | None, citation: str | None, ref: str) -> str:
    """`الجزء باء، القرار 4/6` for a hit on that resolution's title."""
    if label and citation:
        at = citation.find(label)
        if at >= 0:
            return citation[:at + len(label)]
        return f"{citation} ({label})"
    return label or citation or ref


#: Fewer rows matching every term than this: partial matches fill the page
#: below them (and below the named themes' paragraphs).
PARTIAL_BELOW = 10
#: Partial matches are ranked by bm25 over at most PARTIAL_TERMS of the
#: rarest terms, each in at most PARTIAL_DF rows: a word in more rows weighs
#: almost nothing in bm25, and scoring all its rows would cost ~5 µs a row.
PARTIAL_TERMS = 4
PARTIAL_DF = 1000
PARTIAL_FETCH = 80
#: A word the corpus lacks is searched as its suggestion when this many
#: edits away or fewer (after folding, hamza seats and doubled letters).
AUTO_CORRECT = 1
#: Most paragraphs a named theme brings forward.
THEME_FETCH = 400
#: Longest query echoed back in a message (characters).
SHORT_QUERY = 60
#: A document symbol (CTOC/COP/WG.2/2013/5): its paragraphs in reading order.
SYMBOL_RE = re.compile(r"[A-Za-z][A-Za-z0-9.\-]*(?:/[A-Za-z0-9.\-]+)+")
_ARABIC_RE = re.compile("[\u0621-\u064a]")


def short_query(text: str, n: int = SHORT_QUERY) -> str:
    """The query as echoed in a message: one line, at most about n characters."""
    t = " ".join(str(text or "").split())
    if len(t) <= n:
        return t
    cut = t[:n]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


@dataclass
class _Plan:
    """What the engine made of the query: the expanded Query and what it means."""

    q: Query
    suggestion: str | None = None
    notes: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    #: alternative term index in the matcher's query -> (concept, label)
    labels: dict = field(default_factory=dict)
    #: typed term index -> concept
    concept_of: dict = field(default_factory=dict)
    n_concepts: int = 0
    matcher: Matcher | None = None
    #: the query used quotes or exclusions: no themes, no partial matches
    strict: bool = False


def _spelling(conn, q: Query) -> dict[int, "suggest_mod.Suggestion"]:
    """{include index: closest corpus word} for the typed words nothing matches."""
    out = {}
    vocab = None
    for i, t in enumerate(q.include):
        if t.is_phrase or t.prefix or not _ARABIC_RE.search(t.words[0]):
            continue
        if _count(conn, t.lean_fts(), 1):
            continue
        vocab = vocab or suggest_mod.vocabulary(conn)
        found = vocab.suggest(t.words[0], 1)
        if found:
            out[i] = found[0]
    return out


def _suggestion_text(text: str, fixes: dict[str, str]) -> str:
    """`text` with each word whose folded form is in `fixes` replaced (punctuation kept)."""
    return WORD_RE.sub(lambda m: fixes.get(fold(m.group()), m.group()), text)


def _themes_named(conn, q: Query, matches, extra_words) -> list[str]:
    """Themes the query names: linked to a lexicon form in it, or all their label's words in it."""
    stems = {analyze(w).stem for t in q.include for w in t.words}
    stems.update(analyze(w).stem for w in extra_words)
    linked = [t for m in matches for t in m.group.themes]
    named = []
    for theme, n in conn.execute(f"SELECT theme, COUNT(*) FROM {THEMES_TABLE} GROUP BY theme"):
        if theme in linked:
            named.append((0, linked.index(theme), n, theme))
        else:
            label = lexicon_mod.theme_label_stems(theme)
            if label and label <= stems:
                named.append((1, 0, n, theme))
    return [t for *_, t in sorted(named)]


def _plan(conn, text: str, q: Query, as_you_type: bool) -> _Plan:
    """Spelling, glossary, lexicon variants and themes applied to a parsed query."""
    lex = lexicon_mod.for_connection(conn, INFO_TABLE)
    notes: list[str] = []
    translated = lex.translate(text)
    if translated is not None:
        q = parse(translated.text, as_you_type=as_you_type)
        for en, ar in translated.replaced:
            notes.append(f"بحث عن «{ar}» ترجمةً لـ«{en}»")
    fixes = _spelling(conn, q)
    suggestion = None
    if fixes:
        vocab = suggest_mod.vocabulary(conn)
        replace = {t.words[0]: fixes[i].display for i, t in enumerate(q.include) if i in fixes}
        for w in words(q.text):  # words as the texts spell them (حمايه -> حماية)
            if w not in replace and w in vocab and vocab.display[w] != w:
                replace[w] = vocab.display[w]
        suggestion = _suggestion_text(q.text, replace)
    stems: list[str | None] = []
    for i, t in enumerate(q.include):
        if t.is_phrase or t.prefix:
            stems.append(None)
        else:
            fixed = i in fixes and fixes[i].distance <= AUTO_CORRECT
            stems.append(analyze(fixes[i].word if fixed else t.words[0]).stem)
    matches = lex.find(stems)
    alternatives, covered, extra = [], set(), []
    for m in matches:
        typed = tuple(q.include[k].words[0] for k in range(m.start, m.end))
        terms = []
        for form in m.group.forms:
            ws = tuple(words(form))
            if ws and ws != typed and all(ws != t.words for _, t in terms):
                terms.append((form, Term(ws)))
                extra.extend(ws)
        if terms:
            alternatives.append(Alternative(m.start, m.end, tuple(terms)))
            covered.update(range(m.start, m.end))
    for i, s in fixes.items():
        # Searched as corrected only when one slip away; a farther word is only suggested.
        if i not in covered and s.distance <= AUTO_CORRECT:
            alternatives.append(Alternative(i, i + 1, ((s.display, Term((s.word,))),)))
    # A theme's label counts as named by the words typed (or corrected), not by variants.
    extra = [s.word for s in fixes.values() if s.distance <= AUTO_CORRECT]
    q.alternatives = sorted(alternatives, key=lambda a: a.start)
    # Quotes or exclusions ask for exactly these words: no themes brought forward.
    # A document symbol narrows like a filter.
    strict = (bool(q.exclude) or any(c in q.text for c in '"«»“”')
              or bool(SYMBOL_RE.search(q.text)))
    themes = _themes_named(conn, q, matches, extra) if q.include and not strict else []
    labelled = [f for a in q.alternatives for f, _ in a.terms if not any(
        i in fixes for i in range(a.start, a.end))]
    if labelled:
        notes.append("وبصيغ أخرى: " + "، ".join(labelled[:6]) + ("…" if len(labelled) > 6 else ""))
    plan = _Plan(q, suggestion, tuple(notes), tuple(themes))
    # The matcher's query: the typed terms, then every alternative term.
    include = list(q.include)
    for c, (start, end, alt) in enumerate(q.concept_spans()):
        for k in range(start, end):
            plan.concept_of[k] = c
        for label, term in (alt.terms if alt else ()):
            plan.labels[len(include)] = (c, label)
            include.append(term)
    plan.n_concepts = len(q.concept_spans())
    plan.strict = strict
    plan.matcher = Matcher(Query(q.text, include=include))
    return plan


def _coverage(plan: _Plan, hits: set[int]) -> tuple[int, tuple[str, ...]]:
    """(typed words matched, labels of the alternatives a row matched by instead of the typed words).

    A typed word counts as matched when it is in the row, or when an
    alternative of its span (a lexicon form, a spelling correction) is.
    """
    typed_ok: dict[int, bool] = {}
    for k, c in plan.concept_of.items():
        typed_ok[c] = typed_ok.get(c, True) and k in hits
    alt_label: dict[int, str] = {}
    for ti, (c, label) in plan.labels.items():
        if ti in hits and c not in alt_label:
            alt_label[c] = label
    matched = sum(1 for k, c in plan.concept_of.items() if k in hits or c in alt_label)
    variants = tuple(dict.fromkeys(alt_label[c] for c in range(plan.n_concepts)
                                   if not typed_ok.get(c) and c in alt_label))
    return matched, variants


def _theme_rows(conn, plan: _Plan, filt: str | None):
    """(rows of the named themes' paragraphs, {ref: theme}, rowids also matching every term)."""
    names = list(plan.themes)
    marks = ",".join("?" * len(names))
    theme_of: dict[str, str] = {}
    keys = set()
    for theme, pid, key in conn.execute(
            f"SELECT theme, paragraph_id, key FROM {THEMES_TABLE} WHERE theme IN ({marks})", names):
        keys.add(key)
        if pid not in theme_of or names.index(theme) < names.index(theme_of[pid]):
            theme_of[pid] = theme
    if not keys:
        return [], {}, set()
    expr = "tags : (" + " OR ".join(f'"{tag("t", k)}"' for k in sorted(keys)) + ")"
    if filt:
        expr = f"{expr} AND {filt}"
    rows = conn.execute(_SELECT.format(score="NULL", is_exact="0")
                        + "ORDER BY d.sort LIMIT ?", [expr, THEME_FETCH]).fetchall()
    lean = plan.q.lean_fts()
    full = {r for (r,) in conn.execute(
        f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?", [f"({lean}) AND {expr}"])}
    return rows, theme_of, full


def _partial_rows(conn, plan: _Plan, filt: str | None) -> list:
    """Rows matching some but not all of the query's concepts, best first (see PARTIAL_*)."""
    q = plan.q
    if len(q.include) < 2:
        return []
    # One expression per typed word, OR the alternatives of its span.
    concepts = []
    for start, end, alt in q.concept_spans():
        others = [t.lean_fts() for _, t in alt.terms] if alt else []
        for t in q.include[start:end]:
            concepts.append("(" + " OR ".join([t.lean_fts(), *others]) + ")" if others
                            else t.lean_fts())

    def with_filter(expr: str) -> str:
        return f"({expr}) AND {filt}" if filt else expr

    dfs = sorted((_count(conn, with_filter(c), PARTIAL_DF + 1), i, c) for i, c in enumerate(concepts))
    usable = [d for d in dfs if 0 < d[0] <= PARTIAL_DF][:PARTIAL_TERMS]
    in_order = False
    if not usable:  # every term is very common: the rarest one, in reading order
        usable = [d for d in dfs if d[0] > 0][:1]
        in_order = True
    if not usable:
        return []
    expr = f"({' OR '.join(c for *_, c in usable)}) NOT ({q.lean_fts()})"
    if q.exclude:
        expr = f"({expr}) NOT ({' OR '.join(t.lean_fts() for t in q.exclude)})"
    if in_order:
        sql = _SELECT.format(score="NULL", is_exact="0") + "ORDER BY d.sort LIMIT ?"
    else:
        sql = _SELECT.format(score=_BM25 + " AS score", is_exact="0") + "ORDER BY score LIMIT ?"
    rows = conn.execute(sql, [with_filter(expr), PARTIAL_FETCH]).fetchall()
    if not rows:
        return []
    # How many of the typed words each row holds: one small MATCH per word over
    # these rows only (cheaper than reading every candidate's text in Python).
    # Words in more than PARTIAL_DF rows are not counted: they tell rows apart
    # little, and reading their long doclists is what would cost.
    ids = [r[7] for r in rows]
    marks = ",".join("?" * len(ids))
    matched = dict.fromkeys(ids, 0)
    for c in [c for n, _, c in dfs if 0 < n <= PARTIAL_DF] or [c for *_, c in usable]:
        for (rowid,) in conn.execute(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? AND rowid IN ({marks})",
                [c, *ids]):
            matched[rowid] += 1
    order = {rowid: n for n, rowid in enumerate(ids)}
    return sorted(rows, key=lambda r: (-matched[r[7]], order[r[7]]))


def _copies(conn, twins) -> dict[str, list[tuple[str, str | None, str]]]:
    """twin key -> (id, part, local place) of every copy of that text, in reading order."""
    if not twins:
        return {}
    twins = list(dict.fromkeys(twins))
    out: dict[str, list[tuple[str, str | None, str]]] = {}
    for twin, ref, part, local in conn.execute(
            f"SELECT d.twin, d.ref, p.part, p.citation FROM {DOCS_TABLE} d "
            f"JOIN paragraphs p ON p.id = d.ref WHERE d.kind = 'paragraph' AND d.twin IN "
            f"({','.join('?' * len(twins))}) ORDER BY d.sort", twins):
        out.setdefault(twin, []).append((ref, part, local or ref))
    return out


def _copy_place(copy_cite: str, hit_cite: str, part: str | None, local: str) -> str:
    """Where else a text is printed. The supplement copy of a COP 12 resolution
    has the same citation as the report's: then say which copy it is."""
    if copy_cite != hit_cite:
        return copy_cite
    if part:
        return f"{local} (الملحق المستمد من التقرير)"
    return f"{copy_cite} (متن التقرير)"


def search(db, query: str | Query, part=None, unit=None, year=None, theme=None,
           document=None, limit: int = DEFAULT_LIMIT, offset: int = 0,
           kinds: Iterable[str] = KINDS, as_you_type: bool = False) -> Results:
    """Search the content database. Never raises for any query text.

    db: a path, a sqlite3.Connection or anything with a `.conn` (sqlite_utils
    Database, ContentStore). Filters accept one value or a list: part "A"/"B",
    unit a meeting/session/decision node id ("A07", "B6", "B6-r4"), year,
    theme (a theme name as printed), document ("compendium", ...).
    as_you_type: the word being typed (last, no space after it) also matches
    as a prefix. Theme-name hits appear only without part/unit/year/theme filters. Filters
    are FTS5 terms over the tags column, so they cost no join.
    Raises SearchError only for a database that cannot be searched (also
    one whose pages turn out damaged in the middle of the query).
    """
    conn = _conn(db)
    q = query if isinstance(query, Query) else parse(query, as_you_type=as_you_type)
    if valid_text(q.text) != q.text:     # lone surrogates: SQLite cannot take them
        q = parse(q.text, as_you_type=as_you_type)
    try:
        with reading(getattr(conn, "path", None)):
            return _search_query(conn, q, part, unit, year, theme, document, limit, offset,
                                 kinds, as_you_type)
    except ContentDatabaseError as exc:
        raise SearchError(str(exc), exc.path, exc.kind) from None


def _search_query(conn, q: Query, part, unit, year, theme, document, limit, offset, kinds,
                  as_you_type) -> Results:
    results = Results()
    results.query = q
    limit = max(0, int(limit))
    offset = max(0, int(offset))
    try:
        hit = _locator_hit(conn, q)
    except sqlite3.OperationalError:
        hit = None
    if hit is not None:
        pid, citation = hit
        text = conn.execute("SELECT text FROM paragraphs WHERE id = ?", (pid,)).fetchone()[0] or ""
        snip = make_snippet(text, Query(text=""))
        results.append(Result(pid, citation, snip.marked(), 0.0, "locator", True, (), snip))
        results.total = 1
    if limit == 0:
        return results
    kinds = [k for k in kinds if k in KINDS]
    if not kinds:
        return results
    try:
        return _search(conn, q, results, hit, part, unit, year, theme, document,
                       limit, offset, kinds, as_you_type)
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc) or "no such column" in str(exc):
            raise SearchError("the database has no search index", None, "no-index") from None
        # An expression FTS5 refuses (should not happen: every word is quoted).
        return results


def _search(conn, q, results, hit, part, unit, year, theme, document, limit, offset, kinds,
            as_you_type) -> Results:
    symbol = bool(SYMBOL_RE.fullmatch(q.text.strip()))
    if hit is None and not symbol:
        plan = _plan(conn, q.text, q, as_you_type)
    else:
        plan = _Plan(q, matcher=Matcher(q), n_concepts=len(q.include),
                     concept_of={i: i for i in range(len(q.include))})
    q = plan.q
    results.query = q
    results.suggestion, results.notes, results.themes = plan.suggestion, plan.notes, plan.themes
    if q.fts() is None:
        return results
    filt = _tag_filter(conn, part, unit, year, theme, document, kinds)
    want = offset + limit
    rows, total, capped = _page(conn, q, filt, want * 2 + 10, 0, in_order=symbol)
    # Tiers (see the module docstring): 0 exact, 1 named themes, 2 other full, 3 partial.
    ordered: list[tuple[int, tuple, str]] = []
    full_ids = {r[7] for r in rows}
    # The index entry of a theme the query names comes first (it opens the whole theme).
    named = [r for r in rows if r[0] == "theme" and r[1] in plan.themes]
    named.sort(key=lambda r: plan.themes.index(r[1]))
    ordered.extend((0, r, "") for r in named)
    ordered.extend((0, r, "") for r in rows if r[5])
    extra = 0
    t_full: set[int] = set()
    if plan.themes and "paragraph" in kinds:
        t_rows, theme_of, t_full = _theme_rows(conn, plan, filt)
        rank = {r[7]: n for n, r in enumerate(rows)}
        t_rows.sort(key=lambda r: (r[7] not in t_full, rank.get(r[7], len(rank)),
                                   plan.themes.index(theme_of.get(r[1], plan.themes[-1])),
                                   r[9] if r[9] is not None else 0))
        ordered.extend((1, r, theme_of.get(r[1], "")) for r in t_rows)
        extra = sum(1 for r in t_rows if r[7] not in t_full)
    ordered.extend((2, r, "") for r in rows if not r[5])
    found = total + extra
    if total < PARTIAL_BELOW and len(rows) < want and not plan.strict:
        p_rows = [r for r in _partial_rows(conn, plan, filt) if r[7] not in full_ids]
        ordered.extend((3, r, "") for r in p_rows)
        found += len(p_rows)
    results.total = found + len(results)
    results.capped = capped
    seen: set[str] = {r.id for r in results}
    twins: set[str] = set()
    skipped = 0
    page: list[tuple[int, tuple, str]] = []
    exhausted = True
    for item in ordered:
        row = item[1]
        kind, ref, twin = row[0], row[1], row[8]
        key = ("theme:" + ref) if kind == "theme" else ref
        if key in seen or (twin and twin in twins):
            continue
        seen.add(key)
        if twin:
            twins.add(twin)
        if skipped < offset:
            skipped += 1
            continue
        page.append(item)
        if len(results) + len(page) >= limit:
            exhausted = False
            break
    if exhausted and len(rows) >= total and not capped:
        # Every candidate was read: count what is shown (a text printed twice is one hit).
        results.total = skipped + len(results) + len(page)
    # THE citation of each paragraph (desktop.content.citations), not the
    # index's own column: a related document's paragraph names its document.
    copies = _copies(conn, [r[8] for _, r, _ in page if r[8]])
    cited = _citations(conn, [r[1] for _, r, _ in page if r[0] != "theme"]
                       + [c for ids in copies.values() for c, _, _ in ids])
    for tier, row, theme_name in page:
        kind, ref, label, text, score, is_exact, citation, rowid, twin, _sort = row
        if kind != "theme":
            citation = cited.get(ref, citation)
        snip = make_snippet(text, plan.matcher)
        if plan.labels or tier == 3:
            matched, variants = _coverage(plan, plan.matcher.terms_in(text))
        else:  # no alternatives: a full match holds every typed word
            matched, variants = (len(q.include) if tier != 1 or rowid in t_full else 0), ()
        if kind == "paragraph":
            cite = citation or ref
        elif kind == "title":
            cite = _title_citation(label, citation, ref)
        else:
            cite = f"الفهرس المواضيعي: {label}"
        if tier == 3 and results.partial_start is None:
            results.partial_start = len(results)
        also = tuple(_copy_place(cited.get(c, c), cite, part, local)
                     for c, part, local in copies.get(twin, ()) if c != ref) if twin else ()
        results.append(Result(
            ref, cite, snip.marked(), round(-score, 4) if score else 0.0, kind,
            bool(is_exact), snip.terms, snip, variants=variants, partial=tier == 3,
            matched=matched, theme=theme_name, also_in=also))
    return results


def result_notes(r: Result) -> list[str]:
    """What a reader should know about one hit, in Arabic (the app and the CLI show these)."""
    out = []
    if r.variants:
        out.append("بصيغة: " + "، ".join(r.variants))
    if r.theme:
        out.append(f"من الفهرس المواضيعي: {r.theme}")
    if r.also_in:
        out.append("وارد أيضاً في " + "؛ ".join(r.also_in))
    return out
