"""search(db, query, filters) -> ranked results with citations and snippets.

Ranking: rows holding every term exactly as typed (folded) first, then by
bm25 over the stems (see WEIGHTS), then reading order; above RANK_LIMIT
matching rows, reading order replaces bm25 (see _page). A query that is a
locator (`سابعاً-13`, `A07/13`, `المقرر 4/3`) puts that paragraph first.
"""

from __future__ import annotations

import importlib
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from desktop.search.index import (DOCS_TABLE, FTS_TABLE, INDEX_VERSION, INFO_TABLE,
                                  THEMES_TABLE, locator_tail, normalize_locator, tag)
from desktop.search.query import Query, parse
from desktop.search.snippets import Matcher, Snippet, make_snippet

DEFAULT_LIMIT = 50
KINDS = ("paragraph", "title", "theme")
#: bm25 weights of the FTS columns exact, bare, stem, alt, meta, tags. Ranking
#: uses the lean expression (stems and symbols): bm25 reads the whole doclist
#: of every phrase for its IDF, so fewer phrases is faster; rows holding the
#: words as typed form their own, first tier anyway.
WEIGHTS = (10.0, 4.0, 2.0, 1.0, 0.5, 0.0)


class SearchError(Exception):
    """The database cannot be searched (missing, not a content database, no index)."""


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

    def as_dict(self) -> dict:
        return {"id": self.id, "citation": self.citation, "snippet": self.snippet,
                "score": self.score, "kind": self.kind}


class Results(list):
    """The requested page of results; `total` counts the matching rows.

    capped: there are more than `total` (counting stopped at COUNT_LIMIT).
    """

    total: int = 0
    capped: bool = False
    query: Query | None = None


def connect(path: Path | str) -> sqlite3.Connection:
    """Open a content database read-only for searching; SearchError if unusable."""
    path = Path(path)
    if not path.is_file():
        raise SearchError(f"database not found: {path} (run: python -m desktop.content build)")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        conn.execute(f"SELECT 1 FROM {DOCS_TABLE} LIMIT 1").fetchall()
        row = conn.execute(f"SELECT value FROM {INFO_TABLE} WHERE key = 'version'").fetchone()
    except sqlite3.DatabaseError as exc:
        msg = str(exc)
        if "no such table" in msg:
            raise SearchError(f"database {path} has no search index: rebuild it with "
                              "python -m desktop.content build") from None
        raise SearchError(f"not a usable content database: {path} ({msg})") from None
    if not row or row[0] != INDEX_VERSION:
        conn.close()
        raise SearchError(f"database {path} has a search index of another version "
                          f"({row[0] if row else 'none'}, this program reads {INDEX_VERSION}): "
                          "rebuild it with python -m desktop.content build")
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
        return [value]
    return list(value)


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
        return None
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
    row = conn.execute("SELECT citation FROM paragraphs WHERE id = ?", (pid,)).fetchone()
    return (pid, row[0] or pid) if row else None


def _resolve_with_content_layer(conn, text: str) -> str | None:
    """Use desktop.content.locators.resolve_locator when that module exists."""
    try:
        mod = importlib.import_module("desktop.content.locators")
    except ImportError:
        return None
    resolve = getattr(mod, "resolve_locator", None)
    if resolve is None:
        return None
    import sqlite_utils

    try:
        found = resolve(sqlite_utils.Database(conn), text)
    except Exception:  # a locator it does not know is not an error for search
        return None
    ids = _paragraph_ids(found)
    return ids[0] if ids else None


def _paragraph_ids(found) -> list[str]:
    if not found:
        return []
    if isinstance(found, str):
        return [found]
    for attr in ("paragraph_ids", "targets", "ids"):
        if hasattr(found, attr):
            return _paragraph_ids(getattr(found, attr))
    if hasattr(found, "id"):
        return [found.id]
    if isinstance(found, Iterable):
        out = []
        for f in found:
            out.extend(_paragraph_ids(f))
        return out
    return []


#: Above this many matching rows, bm25 is not computed for all of them (it
#: costs ~5 µs a row): rows holding the words as typed come first, ranked by
#: bm25 when there are few enough, the rest follows in reading order. A word
#: in that many rows has almost no weight in bm25 anyway.
RANK_LIMIT = 2000
#: Counting stops here: "more than COUNT_LIMIT results".
COUNT_LIMIT = 5000

_SELECT = (f"SELECT d.kind, d.ref, d.label, COALESCE(d.text, p.text, ''), {{score}}, "
           f"{{is_exact}}, p.citation "
           f"FROM {FTS_TABLE} f JOIN {DOCS_TABLE} d ON d.rowid = f.rowid "
           f"LEFT JOIN paragraphs p ON p.id = d.ref AND d.kind != 'theme' "
           f"WHERE {FTS_TABLE} MATCH ? ")
_BM25 = f"bm25({FTS_TABLE}, {', '.join(map(str, WEIGHTS))})"


def _count(conn, match: str, cap: int) -> int:
    return conn.execute(
        f"SELECT COUNT(*) FROM (SELECT 1 FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? LIMIT ?)",
        [match, cap]).fetchone()[0]


def _page(conn, q: Query, filt: str | None, limit: int, offset: int):
    """(rows, total, capped) for one page: exact-as-typed rows first, then bm25, then reading order."""
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
               + "ORDER BY is_exact DESC, score, d.sort, d.rowid LIMIT ? OFFSET ?")
        rows = conn.execute(sql, [exact, lean, limit, offset]).fetchall()
        return rows, total, capped
    # Many rows: the exact tier (ranked if small), then the rest in reading order
    # (rowid order is reading order: the index inserts paragraphs sorted).
    n_exact = _count(conn, exact, RANK_LIMIT + 1)
    rows = []
    if n_exact <= RANK_LIMIT:
        if offset < n_exact:
            sql = (_SELECT.format(score=_BM25 + " AS score", is_exact="1")
                   + "ORDER BY score, d.sort, d.rowid LIMIT ? OFFSET ?")
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
    """
    conn = _conn(db)
    q = query if isinstance(query, Query) else parse(query, as_you_type=as_you_type)
    results = Results()
    results.query = q
    limit = max(0, int(limit))
    hit = _locator_hit(conn, q)
    if hit is not None:
        pid, citation = hit
        text = conn.execute("SELECT text FROM paragraphs WHERE id = ?", (pid,)).fetchone()[0] or ""
        snip = make_snippet(text, Query(text=""))
        results.append(Result(pid, citation, snip.marked(), 0.0, "locator", True, (), snip))
        results.total = 1
    match = q.fts()
    if match is None or limit == 0:
        return results
    kinds = [k for k in kinds if k in KINDS]
    if not kinds:
        return results
    filt = _tag_filter(conn, part, unit, year, theme, document, kinds)
    try:
        rows, total, capped = _page(conn, q, filt, limit * 2 + 10, max(0, int(offset)))
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc) or "no such column" in str(exc):
            raise SearchError("the database has no search index: rebuild it with "
                              "python -m desktop.content build") from None
        # An expression FTS5 refuses (should not happen: every word is quoted).
        return results
    results.total = total + len(results)
    results.capped = capped
    seen: set[str] = {r.id for r in results}
    matcher = Matcher(q)
    for kind, ref, label, text, score, is_exact, citation in rows:
        if ref in seen and kind != "theme":
            continue
        seen.add(ref)
        snip = make_snippet(text, matcher)
        if kind == "paragraph":
            cite = citation or ref
        elif kind == "title":
            cite = _title_citation(label, citation, ref)
        else:
            cite = f"الفهرس المواضيعي: {label}"
        results.append(Result(ref, cite, snip.marked(), round(-score, 4) if score else 0.0,
                              kind, bool(is_exact),
                              snip.terms, snip))
        if len(results) >= limit:
            break
    return results
