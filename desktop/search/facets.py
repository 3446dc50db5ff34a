"""The values the search filters can take, read from the search index.

The app's filter controls list only what the index holds (meetings and
sessions that have paragraphs, the years they were held, the themes of the
thematic index, the documents), so no filter choice can name nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.search.connection import Searchable, as_connection
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
    """Meetings/sessions, years, themes and documents present in the index."""
    conn = as_connection(db)
    units = [Unit(i, part, heading or i, year) for i, part, heading, year in conn.execute(
        f"SELECT n.id, n.part, n.heading, MIN(d.year) FROM {DOCS_TABLE} d "
        f"JOIN nodes n ON n.id = d.meeting WHERE d.kind = 'paragraph' "
        f"AND n.kind IN ('meeting', 'session') GROUP BY n.id ORDER BY MIN(n.sort), n.id")]
    years = [y for (y,) in conn.execute(
        f"SELECT DISTINCT year FROM {DOCS_TABLE} WHERE year IS NOT NULL ORDER BY year")]
    themes = [t for (t,) in conn.execute(
        f"SELECT theme FROM {THEMES_TABLE} GROUP BY theme ORDER BY MIN(rowid)")]
    documents = [(i, t or i) for i, t in conn.execute(
        f"SELECT id, title FROM documents WHERE id IN (SELECT DISTINCT document FROM {DOCS_TABLE}) "
        "ORDER BY sort, id")]
    return FilterOptions(units, years, themes, documents)
