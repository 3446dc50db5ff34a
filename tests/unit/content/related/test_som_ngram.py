"""desktop/content/related/som_ngram.py: the bigram model of the clean texts
that ranks readings of the damaged migrant-smuggling report."""

from __future__ import annotations

import math

from desktop.content.related.som_ngram import START, BigramModel, sentences


def test_sentences_break_at_punctuation_and_lines():
    assert list(sentences("حمايةُ الشهود، والضحايا.\nتهريب (المهاجرين)")) == [
        ["حماية", "الشهود"], ["والضحايا"], ["تهريب"], ["المهاجرين"]]


def test_a_seen_pair_is_likelier_than_an_unseen_one():
    model = BigramModel(["حماية الشهود", "حماية الشهود", "حماية الضحايا"])
    assert model.uni["حماية"] == 3 and model.bi[(START, "حماية")] == 3
    assert model.logp("حماية", "الشهود") > model.logp("حماية", "الضحايا")
    assert model.logp("حماية", "الضحايا") > model.logp("حماية", "المهاجرين")
    # without context only the unigram counts
    assert model.logp(None, "الشهود") == math.log(model.p_uni("الشهود"))


def test_score_sums_the_sequence_and_none_breaks_the_context():
    model = BigramModel(["حماية الشهود"])
    whole = model.score(["حماية", "الشهود"])
    assert whole == model.logp(START, "حماية") + model.logp("حماية", "الشهود")
    broken = model.score(["حماية", None, "الشهود"])
    assert broken == model.logp(START, "حماية") + model.logp(None, "الشهود")
    assert whole > broken
