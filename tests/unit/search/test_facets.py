"""desktop/search/facets.py: the filter choices list only what the index holds
(units that have paragraphs, their years, the themes, the documents)."""

from __future__ import annotations

from desktop.search.facets import filter_options
from tests.unit.search.conftest import NODES, PARAGRAPHS, THEMES


def test_units_are_the_meetings_and_sessions_that_have_paragraphs(search_conn):
    options = filter_options(search_conn)
    parent = {i: p for i, p, *_ in NODES}
    with_paragraphs = {unit for _, _, _, unit, *_ in PARAGRAPHS}
    with_paragraphs |= {parent.get(unit) for unit in with_paragraphs}   # a decision's session
    units = {i for i, _, kind, *_ in NODES if kind in ("meeting", "session")}
    assert [u.id for u in options.units] == [i for i, *_ in NODES if i in units & with_paragraphs]
    a07 = next(u for u in options.units if u.id == "A07")
    assert (a07.part, a07.label, a07.year) == ("A", "سابعاً- الاجتماع السابع", 2013)


def test_years_themes_and_documents(search_conn):
    options = filter_options(search_conn)
    assert options.years == sorted(set(options.years)) and {2007, 2013, 2012} <= set(options.years)
    assert options.themes == list(dict.fromkeys(t for t, _ in THEMES))
    assert options.documents == [("compendium", "الخلاصة الوافية"), ("cop6-agenda", "جدول الأعمال")]


def test_a_database_without_a_thematic_index_offers_no_theme(tmp_path):
    from desktop.search.connection import connect
    from tests.unit.search.conftest import make_fixture_db

    make_fixture_db(tmp_path / "bare.sqlite", with_themes=False)
    conn = connect(tmp_path / "bare.sqlite")
    try:
        options = filter_options(conn)
        assert options.themes == [] and options.units
    finally:
        conn.close()
