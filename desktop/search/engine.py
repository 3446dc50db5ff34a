"""search(db, query, filters) -> ranked results with citations and snippets.

Ranking, first to last (see search()):
0. the index entry of a theme the query names;
1. rows holding every term exactly as typed (folded), by bm25;
2. the paragraphs the editors indexed under a theme the query names (by its
   label or a lexicon form linked to it), those matching the words first;
3. the other rows matching every term in some form (stems, clitics, lexicon
   variants, a spelling correction), by bm25 over the stems (see rows.WEIGHTS);
4. when 1-3 are fewer than PARTIAL_BELOW: rows matching only some of the
   terms, more terms first, then bm25 («نتائج تطابق بعض كلمات البحث»).
Above rows.RANK_LIMIT matching rows, reading order replaces bm25 (see
rows.fetch_page). A query that is a locator (`سابعاً-13`, `A07/13`, `المقرر 4/3`) puts that
paragraph first; a document symbol lists its paragraphs in reading order.
The same text printed in two documents is one hit («وارد أيضاً في …»).

The pieces, in the order a query meets them: connection (opening the
database), locator_hit, plan (what the query means), rows (the SQL over the
index), this module (the tiers, one page) and results (what comes back).
"""

from __future__ import annotations

import sqlite3
from typing import Iterable

from desktop.content.database import ContentDatabaseError, reading
from desktop.search.connection import Searchable, SearchError, as_connection, content_store
from desktop.search.index import FTS_TABLE, THEMES_TABLE, tag
from desktop.search.locator_hit import citations_of, locator_hit
from desktop.search.plan import SYMBOL_RE, Plan, coverage, make_plan
from desktop.search.query import Query, parse, valid_text
from desktop.search.results import KINDS, Result, Results
from desktop.search.rows import (BM25, ROWID, SELECT, SORT, TWIN, Filter, copies_of, count_matches, fetch_page,
                                 page_texts, tag_filter)
from desktop.search.snippets import Matcher, make_snippet

DEFAULT_LIMIT = 50


#: Fewer rows matching every term than this: partial matches fill the page
#: below them (and below the named themes' paragraphs).
PARTIAL_BELOW = 10
#: Partial matches are ranked by bm25 over at most PARTIAL_TERMS of the
#: rarest terms, each in at most PARTIAL_DF rows: a word in more rows weighs
#: almost nothing in bm25, and scoring all its rows would cost ~5 µs a row.
PARTIAL_TERMS = 4
PARTIAL_DF = 1000
PARTIAL_FETCH = 80
#: Most paragraphs a named theme brings forward.
THEME_FETCH = 400


def _title_citation(label: str | None, citation: str | None, ref: str) -> str:
    """`الجزء باء، القرار 4/6` for a hit on that resolution's title."""
    if label and citation:
        at = citation.find(label)
        if at >= 0:
            return citation[:at + len(label)]
        return f"{citation} ({label})"
    return label or citation or ref


def _theme_rows(conn: sqlite3.Connection, plan: Plan, filt: str | None
                ) -> tuple[list[tuple], dict[str, str], set[int]]:
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
    rows = conn.execute(SELECT.format(score="NULL", is_exact="0")
                        + "ORDER BY d.sort LIMIT ?", [expr, THEME_FETCH]).fetchall()
    lean = plan.q.lean_fts()
    full = {r for (r,) in conn.execute(
        f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?", [f"({lean}) AND {expr}"])}
    return rows, theme_of, full


def _partial_rows(conn: sqlite3.Connection, plan: Plan, filt: str | None) -> list:
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

    dfs = sorted((count_matches(conn, with_filter(c), PARTIAL_DF + 1), i, c) for i, c in enumerate(concepts))
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
        sql = SELECT.format(score="NULL", is_exact="0") + "ORDER BY d.sort LIMIT ?"
    else:
        sql = SELECT.format(score=BM25 + " AS score", is_exact="0") + "ORDER BY score LIMIT ?"
    rows = conn.execute(sql, [with_filter(expr), PARTIAL_FETCH]).fetchall()
    if not rows:
        return []
    # How many of the typed words each row holds: one small MATCH per word over
    # these rows only (cheaper than reading every candidate's text in Python).
    # Words in more than PARTIAL_DF rows are not counted: they tell rows apart
    # little, and reading their long doclists is what would cost.
    ids = [r[ROWID] for r in rows]
    marks = ",".join("?" * len(ids))
    matched = dict.fromkeys(ids, 0)
    for c in [c for n, _, c in dfs if 0 < n <= PARTIAL_DF] or [c for *_, c in usable]:
        for (rowid,) in conn.execute(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? AND rowid IN ({marks})",
                [c, *ids]):
            matched[rowid] += 1
    order = {rowid: n for n, rowid in enumerate(ids)}
    return sorted(rows, key=lambda r: (-matched[r[ROWID]], order[r[ROWID]]))


def _copy_place(copy_cite: str, hit_cite: str, part: str | None, local: str) -> str:
    """Where else a text is printed. The supplement copy of a COP 12 resolution
    has the same citation as the report's: then say which copy it is."""
    if copy_cite != hit_cite:
        return copy_cite
    if part:
        return f"{local} (الملحق المستمد من التقرير)"
    return f"{copy_cite} (متن التقرير)"


def search(db: Searchable, query: str | Query, part: Filter = None, unit: Filter = None,
           year: Filter = None, theme: Filter = None, document: Filter = None,
           limit: int = DEFAULT_LIMIT, offset: int = 0,
           kinds: Iterable[str] = KINDS, as_you_type: bool = False) -> Results:
    """Search the content database. Never raises for any query text.

    db: a path, a sqlite3.Connection or anything with a `.conn` (a sqlite_utils
    Database). Filters accept one value or a list: part "A"/"B",
    unit a meeting/session/decision node id ("A07", "B6", "B6-r4"), year,
    theme (a theme name as printed), document ("compendium", ...).
    as_you_type: the word being typed (last, no space after it) also matches
    as a prefix. Theme-name hits appear only without part/unit/year/theme filters. Filters
    are FTS5 terms over the tags column, so they cost no join.
    Raises SearchError only for a database that cannot be searched (also
    one whose pages turn out damaged in the middle of the query).
    """
    conn = as_connection(db)
    q = query if isinstance(query, Query) else parse(query, as_you_type=as_you_type)
    if valid_text(q.text) != q.text:     # lone surrogates: SQLite cannot take them
        q = parse(q.text, as_you_type=as_you_type)
    try:
        with reading(getattr(conn, "path", None)):
            return _search_query(conn, q, part, unit, year, theme, document, limit, offset,
                                 kinds, as_you_type)
    except ContentDatabaseError as exc:
        raise SearchError(str(exc), exc.path, exc.kind) from None


def _search_query(conn: sqlite3.Connection, q: Query, part: Filter, unit: Filter, year: Filter,
                  theme: Filter, document: Filter, limit: int, offset: int, kinds: Iterable[str],
                  as_you_type: bool) -> Results:
    results = Results()
    results.query = q
    limit = max(0, int(limit))
    offset = max(0, int(offset))
    try:
        hit = locator_hit(conn, q)
    except sqlite3.OperationalError:
        hit = None
    if hit is not None:
        pid, citation = hit
        text = content_store(conn).paragraph_texts([pid]).get(pid) or ""
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


def _search(conn: sqlite3.Connection, q: Query, results: Results, hit: tuple[str, str] | None,
            part: Filter, unit: Filter, year: Filter, theme: Filter, document: Filter,
            limit: int, offset: int, kinds: list[str], as_you_type: bool) -> Results:
    symbol = bool(SYMBOL_RE.fullmatch(q.text.strip()))
    if hit is None and not symbol:
        plan = make_plan(conn, q.text, q, as_you_type)
    else:
        plan = Plan(q, matcher=Matcher(q), n_concepts=len(q.include),
                     concept_of={i: i for i in range(len(q.include))})
    q = plan.q
    results.query = q
    results.suggestion, results.notes, results.themes = plan.suggestion, plan.notes, plan.themes
    if q.fts() is None:
        return results
    filt = tag_filter(conn, part, unit, year, theme, document, kinds)
    want = offset + limit
    rows, total, capped = fetch_page(conn, q, filt, want * 2 + 10, 0, in_order=symbol)
    # Tiers (see the module docstring): 0 exact, 1 named themes, 2 other full, 3 partial.
    ordered: list[tuple[int, tuple, str]] = []
    full_ids = {r[ROWID] for r in rows}
    # The index entry of a theme the query names comes first (it opens the whole theme).
    named = [r for r in rows if r[0] == "theme" and r[1] in plan.themes]
    named.sort(key=lambda r: plan.themes.index(r[1]))
    ordered.extend((0, r, "") for r in named)
    ordered.extend((0, r, "") for r in rows if r[5])
    extra = 0
    t_full: set[int] = set()
    if plan.themes and "paragraph" in kinds:
        t_rows, theme_of, t_full = _theme_rows(conn, plan, filt)
        rank = {r[ROWID]: n for n, r in enumerate(rows)}
        t_rows.sort(key=lambda r: (r[ROWID] not in t_full, rank.get(r[ROWID], len(rank)),
                                   plan.themes.index(theme_of.get(r[1], plan.themes[-1])),
                                   r[SORT] if r[SORT] is not None else 0))
        ordered.extend((1, r, theme_of.get(r[1], "")) for r in t_rows)
        extra = sum(1 for r in t_rows if r[ROWID] not in t_full)
    ordered.extend((2, r, "") for r in rows if not r[5])
    found = total + extra
    if total < PARTIAL_BELOW and len(rows) < want and not plan.strict:
        p_rows = [r for r in _partial_rows(conn, plan, filt) if r[ROWID] not in full_ids]
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
        kind, ref, twin = row[0], row[1], row[TWIN]
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
    copies = copies_of(conn, [r[TWIN] for _, r, _ in page if r[TWIN]])
    cited = citations_of(conn, [r[1] for _, r, _ in page if r[0] != "theme"]
                       + [c for ids in copies.values() for c, _, _ in ids])
    texts = page_texts(conn, [r for _, r, _ in page])
    for (tier, row, theme_name), text in zip(page, texts):
        kind, ref, label, _text, score, is_exact, rowid, twin, _sort = row
        citation = cited.get(ref) if kind != "theme" else None
        matcher = plan.matcher
        assert matcher is not None      # make_plan and _search both give the plan its matcher
        snip = make_snippet(text, matcher)
        if plan.labels or tier == 3:
            matched, variants = coverage(plan, matcher.terms_in(text))
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
