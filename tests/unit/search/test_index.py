"""desktop/search/index.py: the search stage inside the real build (fixture
content_db_path): last stage, every paragraph indexed, readable by plain SQLite."""

from __future__ import annotations

import sqlite3


from desktop.content import build as builder


def test_search_is_the_last_stage():
    assert builder.STAGES[-1] == "desktop.search.index"


def test_every_paragraph_is_indexed_and_check_is_clean(content_db_path, real):
    n = real.execute("SELECT COUNT(*) FROM paragraphs").fetchone()[0]
    assert n > 0
    assert real.execute(
        "SELECT COUNT(*) FROM search_docs WHERE kind='paragraph'").fetchone()[0] == n
    db = builder.open_db(content_db_path)
    findings = [f for f in builder.check(db) if f.stage == "search"]
    assert findings and not [f for f in findings if f.severity == "error"]


def test_index_is_readable_by_plain_sqlite(content_db_path):
    conn = sqlite3.connect(content_db_path)
    n = conn.execute("SELECT COUNT(*) FROM search_fts WHERE search_fts MATCH ?",
                     ('exact : "الشهود"',)).fetchone()[0]
    assert n > 0


