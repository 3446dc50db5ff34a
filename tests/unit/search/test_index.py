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




def test_tag_is_one_lowercase_ascii_token():
    from desktop.search.index import tag

    assert tag("u", "B6-r4") == "ub6r4"
    assert tag("y", 2013) == "y2013"
    assert tag("t", "حماية") == "t0"       # nothing ASCII left: still one token


def test_normalize_locator_folds_commas_spaces_and_dashes():
    from desktop.search.index import locator_tail, normalize_locator

    assert normalize_locator("الجزء ألف، سابعاً - 13") == "الجزء الف سابعا-13"
    assert normalize_locator("القرار 4 / 6") == "القرار 4/6"
    assert normalize_locator("سابعاً – 13") == "سابعا-13"     # an en dash reads as "-"
    assert normalize_locator(None) == normalize_locator("") == ""
    assert locator_tail(normalize_locator("الجزء باء، ثالثاً-2")) == "ثالثا-2"
    assert locator_tail("سابعا-13") == "سابعا-13"


def test_index_columns_exact_bare_stem():
    from desktop.search.index import index_columns

    exact, bare, stem, _ = index_columns("والشهود المستضعفين")
    assert exact == "والشهود المستضعفين"
    assert bare == "شهود مستضعفين" and stem == "شهود مستضعف"
