"""The SQL over the search index: one page of matching rows (exact-as-typed
first, then bm25, then reading order), counts, filters as FTS5 tag terms,
and the copies of a text printed twice. The paragraphs' texts and places
come from the content store (desktop.content.store), not from SQL here."""

from __future__ import annotations

import sqlite3
from typing import Collection, Iterable, Sequence, TypeAlias

from desktop.search.connection import content_store
from desktop.search.index import DOCS_TABLE, FTS_TABLE, THEMES_TABLE, tag
from desktop.search.query import Query, valid_text
from desktop.search.results import KINDS


#: A search filter: one value or several (engine.search: part, unit, year, theme, document).
Filter: TypeAlias = "str | int | Sequence[str | int] | None"

#: bm25 weights of the FTS columns exact, bare, stem, alt, meta, tags. Ranking
#: uses the lean expression (stems and symbols): bm25 reads the whole doclist
#: of every phrase for its IDF, so fewer phrases is faster; rows holding the
#: words as typed form their own, first tier anyway.
WEIGHTS = (10.0, 4.0, 2.0, 1.0, 0.5, 0.0)


def _as_list(value: Filter) -> list[str | int] | None:
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, (str, int)):
        value = [value]
    return [valid_text(v) if isinstance(v, str) else v for v in value]


def tag_filter(conn: sqlite3.Connection, part: Filter, unit: Filter, year: Filter, theme: Filter,
               document: Filter, kinds: Collection[str]) -> str | None:
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


#: Above this many matching rows, bm25 is not computed for all of them (it
#: costs ~5 µs a row): rows holding the words as typed come first, ranked by
#: bm25 when there are few enough, the rest follows in reading order. A word
#: in that many rows has almost no weight in bm25 anyway.
RANK_LIMIT = 2000
#: Counting stops here: "more than COUNT_LIMIT results".
COUNT_LIMIT = 5000

#: One row: (kind, ref, label, text, score, is_exact, rowid, twin, sort). The
#: text is None for a paragraph (the index keeps it in the content database:
#: the page asks the store for the texts it shows, see page_texts).
REF, TEXT, ROWID, TWIN, SORT = 1, 3, 6, 7, 8
SELECT = (f"SELECT d.kind, d.ref, d.label, d.text, {{score}}, "
           f"{{is_exact}}, d.rowid, d.twin, d.sort "
           f"FROM {FTS_TABLE} f JOIN {DOCS_TABLE} d ON d.rowid = f.rowid "
           f"WHERE {FTS_TABLE} MATCH ? ")
BM25 = f"bm25({FTS_TABLE}, {', '.join(map(str, WEIGHTS))})"


def count_matches(conn: sqlite3.Connection, match: str, cap: int) -> int:
    return conn.execute(
        f"SELECT COUNT(*) FROM (SELECT 1 FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? LIMIT ?)",
        [match, cap]).fetchone()[0]


def fetch_page(conn: sqlite3.Connection, q: Query, filt: str | None, limit: int, offset: int,
               in_order: bool = False) -> tuple[list, int, bool]:
    """(rows, total, capped) for one page: exact-as-typed rows first, then bm25, then reading order.

    in_order: reading order instead of bm25 (a document symbol: every row matches alike).
    """
    def with_filter(expr: str) -> str:
        return f"({expr}) AND {filt}" if filt else expr

    lean_expr, exact_expr = q.lean_fts(), q.exact_fts(exclusions=True)
    if lean_expr is None or exact_expr is None:   # no included word: nothing to match
        return [], 0, False
    lean, exact = with_filter(lean_expr), with_filter(exact_expr)
    total = count_matches(conn, lean, COUNT_LIMIT + 1)
    capped = total > COUNT_LIMIT
    total = min(total, COUNT_LIMIT)
    if total == 0:
        return [], 0, False
    if total <= RANK_LIMIT:
        sql = (f"WITH exact AS (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?) "
               + SELECT.format(score=BM25 + " AS score", is_exact="f.rowid IN exact AS is_exact")
               + ("ORDER BY is_exact DESC, d.sort, d.rowid LIMIT ? OFFSET ?" if in_order else
                  "ORDER BY is_exact DESC, score, d.sort, d.rowid LIMIT ? OFFSET ?"))
        rows = conn.execute(sql, [exact, lean, limit, offset]).fetchall()
        return rows, total, capped
    # Many rows: the exact tier (ranked if small), then the rest in reading order
    # (rowid order is reading order: the index inserts paragraphs sorted).
    n_exact = count_matches(conn, exact, RANK_LIMIT + 1)
    rows = []
    if n_exact <= RANK_LIMIT:
        if offset < n_exact:
            sql = (SELECT.format(score=BM25 + " AS score", is_exact="1")
                   + ("ORDER BY d.sort, d.rowid LIMIT ? OFFSET ?" if in_order else
                      "ORDER BY score, d.sort, d.rowid LIMIT ? OFFSET ?"))
            rows = conn.execute(sql, [exact, limit, offset]).fetchall()
        rest_offset = max(0, offset - n_exact)
    else:  # the exact tier alone is huge: reading order all along
        sql = SELECT.format(score="NULL", is_exact="1") + "ORDER BY f.rowid LIMIT ? OFFSET ?"
        rows = conn.execute(sql, [exact, limit, offset]).fetchall()
        if len(rows) == limit:
            return rows, total, capped
        n_exact = conn.execute(f"SELECT COUNT(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?",
                               [exact]).fetchone()[0]
        rest_offset = max(0, offset - n_exact)
    if len(rows) < limit:
        rest = with_filter(f"({q.lean_fts()}) NOT ({q.exact_fts()})")
        sql = SELECT.format(score="NULL", is_exact="0") + "ORDER BY f.rowid LIMIT ? OFFSET ?"
        rows += conn.execute(sql, [rest, limit - len(rows), rest_offset]).fetchall()
    return rows, total, capped


def page_texts(conn: sqlite3.Connection, rows: Sequence[tuple]) -> list[str]:
    """The text of each row: its own (a title, a theme) or its paragraph's,
    read through the content store; "" for a paragraph not there."""
    texts = content_store(conn).paragraph_texts(r[REF] for r in rows if r[TEXT] is None)
    return [r[TEXT] if r[TEXT] is not None else texts.get(r[REF]) or "" for r in rows]


def copies_of(conn: sqlite3.Connection, twins: Iterable[str]) -> dict[str, list[tuple[str, str | None, str]]]:
    """twin key -> (id, part, local place) of every copy of that text, in
    reading order: the copies from the index, their places from the store."""
    twins = list(dict.fromkeys(twins))
    if not twins:
        return {}
    copies = conn.execute(
        f"SELECT twin, ref FROM {DOCS_TABLE} WHERE kind = 'paragraph' AND twin IN "
        f"({','.join('?' * len(twins))}) ORDER BY sort", twins).fetchall()
    places = {p.id: p for p in content_store(conn).paragraphs(ref for _, ref in copies)}
    out: dict[str, list[tuple[str, str | None, str]]] = {}
    for twin, ref in copies:
        para = places.get(ref)
        if para is not None:
            out.setdefault(twin, []).append((ref, para.part, para.local_citation or ref))
    return out
