"""The search stage inside the real build (fixture content_db_path)."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.content import build as builder
from desktop.search.connection import connect
from desktop.search.engine import search
from desktop.search.snippets import MARK_CLOSE, MARK_OPEN

QUERIES = ["الشهود", "حماية الشهود", '"غسل الأموال"', "التقنيه", "يقر", "تقني*",
           "الاتجار بالاشخاص -المهاجرين", "CTOC/COP/WG.2/2013/5", "بناء القدرات",
           "الفساد", "المساعده القانونيه المتبادله", "سابعاً-13", "القرار 4/6"]


@pytest.fixture(scope="module")
def real(content_db_path):
    return connect(content_db_path)


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


def test_known_answers_on_the_real_compendium(real):
    assert search(real, "سابعاً-13")[0].id == "A07/13"
    witness = {r.id for r in search(real, "الشهود", limit=200)}
    assert {"A07/5", "A07/6", "A07/11", "A07/13"} <= witness
    assert {r.id for r in search(real, '"غسل الأموال"', limit=200)} >= {"A09/14"}
    assert all(r.id.startswith("A07/") for r in search(real, "CTOC/COP/WG.2/2013/5", limit=200))


@pytest.mark.parametrize("query", QUERIES)
def test_real_snippets_are_substrings_of_the_paragraph(real, query):
    for r in search(real, query, limit=100):
        if r.kind in ("paragraph", "locator"):
            text = real.execute("SELECT text FROM paragraphs WHERE id=?", (r.id,)).fetchone()[0]
            assert r.snippet.replace(MARK_OPEN, "").replace(MARK_CLOSE, "") in text


def test_theme_filter_follows_the_thematic_index(real):
    themes = dict(real.execute(
        "SELECT t.label, COUNT(DISTINCT x.paragraph_id) FROM themes t "
        "JOIN index_entries e ON e.theme_id = t.id JOIN index_targets x ON x.entry_id = e.id "
        "GROUP BY t.label"))
    assert themes, "the thematic index stage should run before search"
    assert real.execute("SELECT COUNT(DISTINCT theme) FROM search_themes").fetchone()[0] == len(themes)
    targets = {p for (p,) in real.execute(
        "SELECT x.paragraph_id FROM themes t JOIN index_entries e ON e.theme_id = t.id "
        "JOIN index_targets x ON x.entry_id = e.id WHERE t.label = 'غسل الأموال'")}
    found = {r.id for r in search(real, "الأموال", theme="غسل الأموال", limit=500)}
    assert found and found <= targets
    assert search(real, "غسل الأموال")[0].kind == "theme"
