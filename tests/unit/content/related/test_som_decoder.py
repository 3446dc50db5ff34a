"""The glyph-mapping model and the lexicon decoder of the smuggling report."""

import pytest

from desktop import paths
from desktop.content.related import som_decoder as sd
from desktop.content.related import som_mapping as sm
from desktop.content.related.lexicon import Lexicon


@pytest.fixture(scope="module")
def decoder():
    return sd.Decoder(Lexicon.from_sources(paths.sources_dir()), sm.learned_mapping())


def test_decodes_self_garbled_sentence(decoder):
    m = sm.learned_mapping()
    sentence = "ينبغي للدول الأطراف أن تعزز التعاون في مجال إنفاذ القانون"
    garbled = " ".join(sm.garble(w, m) for w in sentence.split())
    words = [t.text for t in decoder.decode(garbled)]
    assert words[:4] == ["ينبغي", "للدول", "الأطراف", "أن"]
    assert "التعاون" in words and "القانون" in words


def test_unexplained_run_kept_and_uncertain(decoder):
    tokens = decoder.decode("ظظظظظ الأمم المتحدة، 2020")
    assert tokens[0].text == "ظظظظظ" and not tokens[0].certain
    assert [t.text for t in tokens[1:3]] == ["الأمم", "المتحدة"]
    # punctuation and digits are not garbled: they pass through as they are
    assert [(t.text, t.certain) for t in tokens[3:]] == [("،", True), ("2020", True)]
