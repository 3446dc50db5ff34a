"""The glyph-mapping model and the lexicon decoder of the smuggling report."""

import pytest

from desktop import paths
from desktop.content.related import som_decoder as sd
from desktop.content.related.lexicon import Lexicon


@pytest.fixture(scope="module")
def decoder():
    return sd.Decoder(Lexicon.from_sources(paths.sources_dir()), sd.learned_mapping())


def test_contextual_forms():
    assert sd.glyphs("عبر") == ["ع:s", "ب:m", "ر:e"]
    assert sd.glyphs("الدول") == ["ا:i", "ل:b", "د:e", "و:i", "ل:i"]
    assert sd.glyphs("الأمم") == ["ا:i", "لأ:i", "م:b", "م:e"]
    assert sd.glyphs("ينبغي")[0] == "ي:s" and sd.glyphs("التحديات")[5] == "ي:b"
    assert sd.glyphs("مؤتمر")[1] == "ؤ:e"


def test_mapping_reproduces_most_hand_read_pairs():
    m = sd.learned_mapping()
    best = sum(" ".join(sd.garble(w, m) for w in clean.split()).split()
               == sd.normalise_garbled(garbled).split()
               for garbled, clean in sd.SEED_ALIGNMENTS)
    assert best >= 0.6 * len(sd.SEED_ALIGNMENTS)
    # every one-word pair is among the word's printed variants
    one_word = [(g, c) for g, c in sd.SEED_ALIGNMENTS if len(c.split()) == 1]
    covered = sum(sd.normalise_garbled(g).strip() in [v.strip() for v, _ in sd.garble_variants(c, m)]
                  for g, c in one_word)
    assert covered >= 0.9 * len(one_word)


def test_context_dependent_variants_kept():
    m = sd.learned_mapping()
    # medial ي prints as ة in التوصية (التوصةا) but as ب in السيد (السبد)
    assert {"ة", "ب"} <= {piece for piece, _ in m["ي:m"]}


def test_mapping_is_lossy():
    m = sd.learned_mapping()
    assert sd.garble("في", m).strip() == ""          # "في" prints as spaces only


def test_decodes_self_garbled_sentence(decoder):
    m = sd.learned_mapping()
    sentence = "ينبغي للدول الأطراف أن تعزز التعاون في مجال إنفاذ القانون"
    garbled = " ".join(sd.garble(w, m) for w in sentence.split())
    words = [t.text for t in decoder.decode(garbled)]
    assert words[:4] == ["ينبغي", "للدول", "الأطراف", "أن"]
    assert "التعاون" in words and "القانون" in words


def test_unexplained_run_kept_and_uncertain(decoder):
    tokens = decoder.decode("ظظظظظ الأمم المتحدة، 2020")
    assert tokens[0].text == "ظظظظظ" and not tokens[0].certain
    assert [t.text for t in tokens[1:3]] == ["الأمم", "المتحدة"]
    # punctuation and digits are not garbled: they pass through as they are
    assert [(t.text, t.certain) for t in tokens[3:]] == [("،", True), ("2020", True)]
