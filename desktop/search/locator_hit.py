"""A query that names one paragraph (`سابعاً-13`, `A07/13`, a citation as the
app prints it) and the citations search shows, both through the content
layer (desktop.content.locate, desktop.content.citations)."""

from __future__ import annotations

import sqlite3
from typing import Iterable

from desktop.search import suggest as suggest_mod
from desktop.search.connection import content_store
from desktop.search.index import DOCS_TABLE, locator_tail, normalize_locator
from desktop.search.query import Query


def locator_hit(conn: sqlite3.Connection, q: Query) -> tuple[str, str] | None:
    """(paragraph id, citation) when the query text names one paragraph or unit."""
    text = q.locator_text
    if text is None:
        return _printed_reference(conn, q.text)
    pid = None
    if content_store(conn).existing_ids([text.strip()]):
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
    para = citations_of(conn, [pid])
    return (pid, para[pid]) if pid in para else None


def _printed_reference(conn: sqlite3.Connection, text: str) -> tuple[str, str] | None:
    """A paragraph id (``som:2``) or a citation as the app prints it, short or
    full («تقرير مؤتمر الأطراف عن أعمال دورته الثانية عشرة (2024)، الفقرة 81»),
    through the content layer's one resolver; None for anything else."""
    from desktop.content.locate import by_citation
    text = " ".join((text or "").split())
    if not text or len(text) > 400:
        return None
    try:
        store = content_store(conn)
        pid = text if store.paragraph(text) else by_citation(store, text)
    except (UnicodeError, sqlite3.Error):   # text SQLite cannot take (lone surrogates)
        return None
    if pid is None:
        return None
    cited = citations_of(conn, [pid])
    return (pid, cited[pid]) if pid in cited else None


#: (database, index build) -> {paragraph id: citation}: a citation never
#: changes within one built database, and typing re-reads the same rows on
#: every keystroke (building one through the store costs ~0.2 ms).
_CITED: dict[tuple, dict[str, str]] = {}


def citations_of(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, str]:
    """paragraph id -> THE citation (desktop.content.citations, short form)."""
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
        for p in content_store(conn).paragraphs(missing):
            cache[p.id] = p.citation or p.id
    return {i: cache[i] for i in ids if i in cache}


def _resolve_with_content_layer(conn: sqlite3.Connection, text: str) -> str | None:
    """The content layer's one locator resolver (desktop.content.locate)."""
    from desktop.content.locate import resolve
    try:
        ids = resolve(content_store(conn), text)
    except Exception:  # a locator it does not know is not an error for search
        return None
    return ids[0] if ids else None
