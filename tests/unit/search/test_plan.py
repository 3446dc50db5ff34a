"""desktop/search/plan.py: what a query is searched as: the typed words, their
lexicon variants and spelling corrections as alternatives, the themes it
names; coverage says how many typed words a row matched and by which variant."""

from __future__ import annotations

from desktop.search.plan import coverage, make_plan
from desktop.search.query import parse


def _plan(conn, text):
    return make_plan(conn, text, parse(text), False)


def test_a_misspelled_query_is_corrected_and_names_its_theme(search_conn):
    plan = _plan(search_conn, "حمايه الشهوود")
    assert plan.suggestion == "حماية الشهود"
    assert plan.themes == ("حماية الشهود",)
    assert plan.n_concepts == 1 and plan.concept_of == {0: 0, 1: 0}
    assert "حماية الشهود" in {label for _, label in plan.labels.values()}


def test_known_words_need_no_suggestion(search_conn):
    plan = _plan(search_conn, "الشهود الأطفال")
    assert plan.suggestion is None and plan.themes == ()
    assert plan.n_concepts == 2 and plan.concept_of == {0: 0, 1: 1}


def test_coverage_counts_typed_words_and_names_the_variant_that_matched(search_conn):
    plan = _plan(search_conn, "حمايه الشهوود")
    # a row holding the typed words (terms 0 and 1) matched both, by no variant
    assert coverage(plan, {0, 1}) == (2, ())
    # a row holding only an alternative of the span matched both words by it
    term, (_, label) = next(iter(plan.labels.items()))
    assert coverage(plan, {term}) == (2, (label,))
    assert coverage(plan, set()) == (0, ())
