"""The glyph mapping of the smuggling report, learned from the hand-read pairs."""

from desktop.content.related import som_mapping as sm


def test_contextual_forms():
    assert sm.glyphs("عبر") == ["ع:s", "ب:m", "ر:e"]
    assert sm.glyphs("الدول") == ["ا:i", "ل:b", "د:e", "و:i", "ل:i"]
    assert sm.glyphs("الأمم") == ["ا:i", "لأ:i", "م:b", "م:e"]
    assert sm.glyphs("ينبغي")[0] == "ي:s" and sm.glyphs("التحديات")[5] == "ي:b"
    assert sm.glyphs("مؤتمر")[1] == "ؤ:e"


def test_mapping_reproduces_most_hand_read_pairs():
    m = sm.learned_mapping()
    best = sum(" ".join(sm.garble(w, m) for w in clean.split()).split()
               == sm.normalise_garbled(garbled).split()
               for garbled, clean in sm.SEED_ALIGNMENTS)
    assert best >= 0.6 * len(sm.SEED_ALIGNMENTS)
    # every one-word pair is among the word's printed variants
    one_word = [(g, c) for g, c in sm.SEED_ALIGNMENTS if len(c.split()) == 1]
    covered = sum(sm.normalise_garbled(g).strip() in [v.strip() for v, _ in sm.garble_variants(c, m)]
                  for g, c in one_word)
    assert covered >= 0.9 * len(one_word)


def test_context_dependent_variants_kept():
    m = sm.learned_mapping()
    # medial ي prints as ة in التوصية (التوصةا) but as ب in السيد (السبد)
    assert {"ة", "ب"} <= {piece for piece, _ in m["ي:m"]}


def test_mapping_is_lossy():
    m = sm.learned_mapping()
    assert sm.garble("في", m).strip() == ""          # "في" prints as spaces only
