"""desktop/search/lexicon.py: the reviewed lists of variants and synonyms (lexicon.toml) and English terms (glossary.toml): found by stem, longest first; symbols and unknown English left alone."""


from __future__ import annotations

import tomllib


from desktop import paths
from desktop.search import lexicon


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


def test_glossary_leaves_symbols_and_unknown_english_alone():
    lex = lexicon.Lexicon(lexicon.load_files())
    assert lex.translate("CTOC/COP/WG.2/2013/5") is None
    assert lex.translate("xyzzy") is None
    t = lex.translate("Money Laundering CTOC/COP/2008/7")
    assert t.text == "غسل الأموال CTOC/COP/2008/7"


def test_paths_find_the_lists():
    assert paths.data("search", "lexicon.toml").is_file()
    assert paths.data("search", "glossary.toml").is_file()
