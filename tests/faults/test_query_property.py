"""The query parser and search() on lone surrogates and locator-shaped text:
search's contract is never to raise (fault 5 of issue 12)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from desktop import cli
from desktop.search import engine
from desktop.search.connection import connect
from desktop.search.__main__ import main as search_main
from desktop.search.query import parse
from tests.faults.conftest import assert_clean

ORDINALS = ["أولاً", "ثانياً", "سابعاً", "ثامناً", "عاشراً"]
surrogate = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
#: "سابعاً-13", "الجزء ألف، ثامناً-3-7", "المقرر 3/4", "A07/13", "B6-r4/pp1"...
locator = st.one_of(
    st.builds(lambda o, n, m: f"{o}-{n}" + (f"-{m}" if m else ""), st.sampled_from(ORDINALS),
              st.integers(0, 99), st.one_of(st.none(), st.integers(0, 20))),
    st.builds(lambda w, a, b: f"{w} {a}/{b}", st.sampled_from(["المقرر", "القرار"]),
              st.integers(0, 20), st.integers(0, 15)),
    st.builds(lambda p, a, b: f"{p}{a:02d}/{b}", st.sampled_from("AB"), st.integers(0, 20),
              st.integers(0, 99)),
    st.sampled_from(["الجزء ألف، ", "الجزء باء، ", "انظر ", ""]).map(lambda s: s + "سابعاً-13"),
)
hostile = st.lists(st.one_of(locator, surrogate, st.text(max_size=5),
                             st.sampled_from(['"', "*", "-", "«", "»", "(ط) '2'", "\x00"])),
                   max_size=6).map("".join)


@pytest.fixture(scope="module")
def conn(content_db_path):
    return connect(content_db_path)


@settings(max_examples=300, deadline=None)
@given(hostile)
def test_parse_gives_encodable_queries(text):
    q = parse(text)
    for part in (q.text, q.fts() or "", q.locator_text or ""):
        part.encode("utf-8")             # what SQLite will be handed


@settings(max_examples=120, deadline=None)
@given(text=hostile, theme=st.one_of(st.none(), surrogate, st.just("الشهود\ud800")),
       as_you_type=st.booleans())
def test_search_never_raises(conn, text, theme, as_you_type):
    results = engine.search(conn, text, theme=theme, limit=5, as_you_type=as_you_type)
    assert len(results) <= 5


def test_the_cases_of_the_issue(conn):
    assert engine.search(conn, "سابعاً-13\ud800")[0].id == "A07/13"
    engine.search(conn, "الشهود", theme="\ud800")


def test_cli_with_an_undecodable_byte(run_main, content_db_path):
    # $'المقرر 3/4\xff' reaches Python as a lone surrogate (surrogateescape)
    ran = run_main(search_main, ["المقرر 3/4\udcff", "--db", content_db_path, "--limit", "3"])
    assert_clean(ran, cli.EXIT_OK)
    assert "result(s)" in ran.out
