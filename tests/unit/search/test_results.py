"""How search results are put in words: the query echoed in a message, and
what a reader should know about one hit."""

from __future__ import annotations

from desktop.search.results import Result, result_notes, short_query


def test_long_queries_are_echoed_shortened():
    long = "حماية الشهود " * 30
    short = short_query(long)
    assert len(short) <= 61 and short.endswith("…") and "\n" not in short
    assert short_query("حماية الشهود") == "حماية الشهود"


def test_result_notes_say_variant_theme_and_other_places():
    bare = Result("A07/13", "c", "s", 0.0)
    assert result_notes(bare) == []
    hit = Result("A07/13", "c", "s", 0.0, variants=("غسل الأموال",), theme="حماية الشهود",
                 also_in=("أ", "ب"))
    assert result_notes(hit) == ["بصيغة: غسل الأموال", "من الفهرس المواضيعي: حماية الشهود",
                                 "وارد أيضاً في أ؛ ب"]
