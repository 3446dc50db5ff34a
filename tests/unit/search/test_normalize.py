"""Folding and clitic analysis, word by word."""

from __future__ import annotations

import pytest

from desktop.search.normalize import analyze, fold, stem, strip_article, words


@pytest.mark.parametrize("raw,folded", [
    ("يُقرُّ", "يقر"),                       # damma, shadda
    ("المُنظَّمة", "المنظمه"),               # harakat, shadda, ta marbuta
    ("مكافحـــة", "مكافحه"),                 # tatweel
    ("أإآٱا", "ااااا"),                      # alef forms
    ("على", "علي"),                          # alif maqsura
    ("٢٠١٣ ۲۰۱۳", "2013 2013"),               # Arabic-Indic and extended digits
    ("هٰذا", "هذا"),                         # superscript alef U+0670
    ("ﻻ", "لا"),                              # presentation form from PDF extraction
    ("CTOC/COP/WG.2", "ctoc/cop/wg.2"),        # Latin lower-cased, punctuation kept
    ("الشهود\u200f", "الشهود"),              # RLM dropped
    ("", ""),
])
def test_fold(raw, folded):
    assert fold(raw) == folded


def test_fold_is_idempotent_on_real_text():
    text = "يُقرُّ التوصيات التي قدّمها الفريق العامل خلال دورة مؤتمر الأطراف الثالثة"
    assert fold(fold(text)) == fold(text)


def test_words_split_on_punctuation_only():
    assert words("حماية الشهود، والضحايا؛ CTOC/COP/WG.2/2013/5") == [
        "حمايه", "الشهود", "والضحايا", "ctoc", "cop", "wg", "2", "2013", "5"]


@pytest.mark.parametrize("word", ["الشهود", "للشهود", "والشهود", "فالشهود", "بالشهود",
                                  "كالشهود", "وللشهود", "وبالشهود", "فللشهود"])
def test_article_clitics_strip_to_the_same_word(word):
    assert strip_article(word) == "شهود"
    assert stem(word) == stem("شهود")


@pytest.mark.parametrize("word,reading", [
    ("لشهود", "شهود"), ("بشهود", "شهود"), ("كشهود", "شهود"), ("وشهود", "شهود"),
    ("فشهود", "شهود"), ("وبشهود", "شهود"), ("لحمايه", "حمايه"),
])
def test_single_letter_clitics_are_variants(word, reading):
    assert reading in analyze(word).variants


def test_words_starting_like_a_clitic_keep_their_own_reading():
    # وزاره, كتاب, لجنه keep their first letter as typed; the variant is only extra.
    for w in ("وزاره", "كتاب", "لجنه"):
        a = analyze(w)
        assert a.bare == w


def test_short_words_are_not_stripped_to_nothing():
    assert strip_article("الى") == "الى"  # would leave one letter
    assert strip_article("ال") == "ال"
    assert analyze("بل").variants == ()


def test_singular_and_plural_share_a_stem():
    for a, b in [("توصيه", "التوصيات"), ("اتفاقيه", "الاتفاقيات"), ("قدره", "القدرات"),
                 ("معلومه", "معلومات"), ("المهاجر", "المهاجرين")]:
        assert set(analyze(a).stems) & set(analyze(b).stems), (a, b)


def test_folding_loads_no_stemmer_stemming_does():
    """In a fresh process: fold() (the index tab's filter, before the first
    paint) leaves the Snowball library unloaded; the first stem() loads it."""
    import subprocess
    import sys
    from pathlib import Path

    code = ("import sys\n"
            "from desktop.search import normalize\n"
            "normalize.fold('التوصيات')\n"
            "print('Stemmer' in sys.modules)\n"
            "print(normalize.stem(normalize.fold('التوصيات')))\n"
            "print('Stemmer' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[3]).stdout.split()
    assert out[0] == "False" and out[2] == "True"
    assert out[1] == stem(fold("التوصيات"))
