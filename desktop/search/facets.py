"""The values the search filters can take, read from the search index (and
the content store, for the headings and titles the controls show).

The app's filter controls list only what the index holds (meetings and
sessions that have paragraphs, the years they were held, the themes of the
thematic index, the documents), so no filter choice can name nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.search.connection import Searchable, as_connection, content_store
from desktop.search.index import DOCS_TABLE, THEMES_TABLE


@dataclass(frozen=True)
class Unit:
    id: str          # node id: "A07", "B6"
    part: str | None
    label: str       # heading as printed: "سابعاً- الاجتماع السابع"
    year: int | None


@dataclass(frozen=True)
class FilterOptions:
    units: list[Unit] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    documents: list[tuple[str, str]] = field(default_factory=list)  # (id, title)


def filter_options(db: Searchable) -> FilterOptions:
    """Meetings/sessions, years, themes and documents present in the index
    (the index's own tables here; headings and titles from the content store)."""
    conn = as_connection(db)
    store = content_store(conn)
    first_year = conn.execute(
        f"SELECT meeting, MIN(year) FROM {DOCS_TABLE} WHERE kind = 'paragraph' "
        f"AND meeting IS NOT NULL GROUP BY meeting").fetchall()
    found = [(node, year) for node, year in ((store.node(m), y) for m, y in first_year)
             if node is not None and node.kind in ("meeting", "session")]
    found.sort(key=lambda item: _reading_order(item[0].sort, item[0].id))
    units = [Unit(n.id, n.part, n.heading or n.id, year) for n, year in found]
    years = [y for (y,) in conn.execute(
        f"SELECT DISTINCT year FROM {DOCS_TABLE} WHERE year IS NOT NULL ORDER BY year")]
    themes = [t for (t,) in conn.execute(
        f"SELECT theme FROM {THEMES_TABLE} GROUP BY theme ORDER BY MIN(rowid)")]
    indexed = {d for (d,) in conn.execute(f"SELECT DISTINCT document FROM {DOCS_TABLE}")}
    documents = [(d.id, d.title or d.id) for d in sorted(
        (d for d in store.documents() if d.id in indexed),
        key=lambda d: _reading_order(d.sort, d.id))]
    return FilterOptions(units, years, themes, documents)


def _reading_order(sort: int | None, key: str) -> tuple[bool, int, str]:
    """ORDER BY sort, id as SQLite orders it (a NULL sort first)."""
    return (sort is not None, sort or 0, key)
