"""desktop/content/related/lexicon.py: the words of the clean sources, what
is a known word (behind clitics too) and what is extraction debris."""

from __future__ import annotations

from desktop import paths
from desktop.content.related.lexicon import CLEAN_SOURCES, Lexicon, bare


def test_bare_drops_diacritics_and_tatweel():
    assert bare("المُسـاعَدَةُ") == "المساعدة"


def test_known_words_behind_clitic_prefixes():
    lex = Lexicon.from_texts(["الشهود حماية، المهاجرين"])
    assert "الشُّهود" in lex and "وبالشهود" not in lex
    assert lex.known("وحماية") and lex.known("للمهاجرين") and lex.known("شهود")
    assert not lex.known("الضحايا")
    assert lex.counts["حماية"] == 1


def test_debris_is_a_fragment_or_two_fused_words():
    lex = Lexicon.from_texts(["حماية الشهود المهاجرين دعم"])
    assert not lex.debris("حماية")               # known
    assert lex.debris("حمايةالش")                # ة inside a word
    assert lex.debris("مها")                     # a short unknown piece
    assert lex.debris("دعمالشهود")               # two known words fused
    assert lex.debris("مستضعفينالاطفال")         # too long for one word
    assert not lex.debris("مستضعفين")            # an unknown word of a word's length


def test_from_sources_reads_the_clean_texts():
    lex = Lexicon.from_sources(paths.sources_dir())
    assert set(CLEAN_SOURCES) == {"compendium.txt", "cop10-note.txt", "cop12-report.txt"}
    assert lex.counts["المساعدة"] > 50
