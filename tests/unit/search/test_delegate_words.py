"""Search in a delegate's own words (issue 19): partial matches, variants and
synonyms, the thematic index as knowledge, spelling suggestions, English
terms, one hit for one text. Run on the real database (fixture content_db_path)."""

from __future__ import annotations

import json
import tomllib

import pytest

from desktop import paths
from desktop.search import lexicon
from desktop.search.__main__ import main
from desktop.search.connection import connect
from desktop.search.engine import search
from desktop.search.results import result_notes
from desktop.search.suggest import Vocabulary, skeleton


@pytest.fixture(scope="module")
def real(content_db_path):
    return connect(content_db_path)


def targets(conn, theme: str) -> set[str]:
    return {p for (p,) in conn.execute(
        "SELECT paragraph_id FROM search_themes WHERE theme = ?", (theme,))}


# --- ranked partial matches ------------------------------------------------------

def test_words_that_never_meet_give_partial_matches_more_words_first(real):
    res = search(real, "الشهود المستضعفين الأسلحة النارية الحدود", limit=40)
    assert res and res.partial_start == 0
    assert all(r.partial for r in res)
    matched = [r.matched for r in res]
    assert matched == sorted(matched, reverse=True) and matched[0] >= 3
    assert matched[-1] >= 1


def test_partial_matches_come_below_the_full_ones(real):
    res = search(real, "الشهود المستضعفين الأطفال", limit=30)
    full = [r for r in res if not r.partial]
    assert full and res.partial_start == len(full)
    assert all(r.partial for r in res[res.partial_start:])
    assert "A07/5" in {r.id for r in full}


def test_a_long_query_ranks_rather_than_fails(real):
    label = "سلطات وأجهزة إنفاذ القانون والمسؤولون والموظفون العاملون في هذا المجال"
    res = search(real, label + " في الدول النامية والمتقدمة", limit=20, document="compendium")
    assert len(res) == 20
    found = {r.id for r in res}
    assert len(found & targets(real, label)) >= 8


def test_quotes_ask_for_exactly_the_phrase(real):
    res = search(real, '"حماية الشهود المستضعفين"', limit=50)
    assert not [r for r in res if r.partial or r.theme]


# --- variants, synonyms and themes ------------------------------------------------

def test_everyday_form_finds_the_texts_form_and_says_so(real):
    res = search(real, "غسيل الأموال", document="compendium", limit=20)
    by_id = {r.id: r for r in res}
    assert "A09/14" in by_id
    assert "غسل الأموال" in by_id["A09/14"].variants
    assert "بصيغة: غسل الأموال" in result_notes(by_id["A09/14"])


def test_words_as_typed_rank_before_variants(real):
    res = [r for r in search(real, "تسليم المطلوبين", limit=50) if r.kind != "theme"]
    exact = [i for i, r in enumerate(res) if r.exact]
    variant_only = [i for i, r in enumerate(res) if r.variants]
    assert exact and variant_only and max(exact) < min(variant_only)
    assert all(not r.variants for r in res if r.exact)


def test_a_theme_named_in_other_words_brings_its_paragraphs_forward(real):
    res = search(real, "تعزيز القدرات الوطنية", document="compendium", limit=20)
    wanted = targets(real, "بناء القدرات")
    assert len(wanted) >= 10
    assert wanted <= {r.id for r in res}
    assert "بناء القدرات" in res.themes
    assert any(r.theme == "بناء القدرات" for r in res)


@pytest.mark.parametrize("query,theme", [
    ("الدورات التدريبية للموظفين", "التدريب"),
    ("تقييم المخاطر والتهديدات", "تقييم الأخطار"),
    ("التعاون بين أجهزة الشرطة", "التعاون والتنسيق بين الوكالات/ الأجهزة (إنفاذ القانون)"),
    ("السلطة المركزية المختصة بتلقي الطلبات", "السلطات المركزية و/أو المختصة"),
    ("المانحون والتمويل من خارج الميزانية", "الجهات المانحة"),
])
def test_the_issues_queries_give_the_indexed_paragraphs(real, query, theme):
    res = search(real, query, document="compendium", limit=20)
    wanted = targets(real, theme)
    assert wanted and len(wanted & {r.id for r in res}) / len(wanted) >= 0.8


def test_lexicon_file_is_reviewed_shape():
    data = tomllib.loads(lexicon.files()[0].read_text(encoding="utf-8"))
    groups = data["group"]
    assert len(groups) >= 20
    for g in groups:
        assert g.get("note"), g["forms"]
        assert len(g["forms"]) >= 2 or g.get("themes"), g["forms"]
    stems = [lexicon._stems(f) for g in groups for f in g["forms"]]
    assert all(stems)


def test_lexicon_finds_forms_by_stem_longest_first():
    lex = lexicon.Lexicon(lexicon.load_files())
    st = [lexicon._stems(w)[0] for w in ("التعاون", "بين", "أجهزة", "الشرطة")]
    found = lex.find(st)
    assert [(m.start, m.end) for m in found] == [(0, 4)]
    assert lex.find([None, *st[2:]])[0].form == "أجهزة الشرطة"


# --- spelling suggestions ---------------------------------------------------------

def test_arabic_aware_skeleton():
    assert skeleton("الشهوود") == skeleton("الشهود")
    assert skeleton("مسؤولية") == skeleton("مسئوليه") == skeleton("مسوولية")
    assert skeleton("إجراءات") == skeleton("اجرات")


def test_vocabulary_suggests_the_closest_and_commonest():
    vocab = Vocabulary([("الشهود", "الشهود", 40), ("الشهور", "الشهور", 1),
                        ("حمايه", "حماية", 30), ("الجريمه", "الجريمة", 90)])
    assert vocab.suggest("الشهوود")[0].display == "الشهود"
    assert vocab.suggest("حمابه")[0].display == "حماية"      # one letter wrong
    assert vocab.suggest("الجريه")[0].display == "الجريمة"   # one letter dropped
    assert vocab.suggest("xyz") == [] and vocab.suggest("قط") == []


def test_misspelled_query_gets_a_suggestion_and_useful_results(real):
    res = search(real, "حمايه الشهوود", limit=20)
    assert res.suggestion == "حماية الشهود"
    assert {"A07/13", "A07/11"} <= {r.id for r in res}


def test_known_words_get_no_suggestion(real):
    assert search(real, "حماية الشهود").suggestion is None


def test_cli_prints_the_suggestion(content_db_path, capsys):
    assert main(["حمايه", "الشهوود", "--db", str(content_db_path), "--limit", "3"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "هل تقصد: حماية الشهود؟"
    assert main(["حمايه", "الشهوود", "--db", str(content_db_path), "--json", "--limit", "2"]) == 0
    captured = capsys.readouterr()
    assert "هل تقصد: حماية الشهود؟" in captured.err
    first = json.loads(captured.out.splitlines()[0])
    assert {"id", "citation", "snippet", "score", "variants", "partial", "theme",
            "also_in"} <= set(first)


# --- English terms --------------------------------------------------------------

def test_english_terms_search_their_arabic(real):
    res = search(real, "witness protection", document="compendium", limit=20)
    assert targets(real, "حماية الشهود") <= {r.id for r in res}
    assert any("حماية الشهود" in n and "witness protection" in n for n in res.notes)


def test_glossary_leaves_symbols_and_unknown_english_alone():
    lex = lexicon.Lexicon(lexicon.load_files())
    assert lex.translate("CTOC/COP/WG.2/2013/5") is None
    assert lex.translate("xyzzy") is None
    t = lex.translate("Money Laundering CTOC/COP/2008/7")
    assert t.text == "غسل الأموال CTOC/COP/2008/7"


def test_every_glossary_term_finds_paragraphs(real):
    data = tomllib.loads(lexicon.files()[1].read_text(encoding="utf-8"))
    assert len(data["term"]) >= 10
    for term in data["term"]:
        assert search(real, term["ar"], limit=1), term["ar"]


# --- one hit for one text, order, echo ------------------------------------------------

def test_a_text_printed_twice_is_one_hit_that_says_where_else(real):
    text = real.execute("SELECT text FROM paragraphs WHERE id = 'B12-r2/1'").fetchone()[0]
    assert text == real.execute(
        "SELECT text FROM paragraphs WHERE id = 'cop12:r2/1'").fetchone()[0]
    res = search(real, " ".join(text.split()[:8]), limit=50)
    ids = [r.id for r in res]
    assert ("B12-r2/1" in ids) != ("cop12:r2/1" in ids)
    hit = next(r for r in res if r.id in ("B12-r2/1", "cop12:r2/1"))
    assert hit.also_in and "2/12" in hit.also_in[0]
    assert hit.also_in[0] != hit.citation  # says which copy, even where both cite alike
    assert any(n.startswith("وارد أيضاً في") for n in result_notes(hit))


def test_a_symbol_lists_its_paragraphs_in_document_order(real):
    res = search(real, "CTOC/COP/WG.2/2013/5", limit=200)
    sorts = [real.execute("SELECT sort FROM paragraphs WHERE id = ?", (r.id,)).fetchone()[0]
             for r in res]
    assert len(sorts) > 10 and sorts == sorted(sorts)


@pytest.mark.parametrize("text", ["", "   ", "-", '"', "*", "xyzzy", "ـــ", "a" * 600,
                                  "witness", "غسيل " * 40, "«»", "حمايه -الشهوود"])
def test_search_never_raises(real, text):
    search(real, text, as_you_type=True)
    search(real, text, document="compendium", part="A")


def test_paths_find_the_lists():
    assert paths.data("search", "lexicon.toml").is_file()
    assert paths.data("search", "glossary.toml").is_file()


def test_a_word_and_the_phrase_it_starts_are_highlighted_as_one(real):
    hit = next(r for r in search(real, "حمايه الشهوود", limit=20) if r.id == "A07/13")
    assert "حماية الشهود" in hit.snippet_parts.highlighted


@pytest.mark.parametrize("word", ["الإرهاب", "القرصنة", "اللاجئين"])
def test_real_words_the_corpus_lacks_are_not_corrected_into_others(real, word):
    res = search(real, word, document="compendium")
    assert res.suggestion is None and not res.notes
