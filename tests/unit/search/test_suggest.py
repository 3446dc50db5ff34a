"""desktop/search/suggest.py: spelling suggestions from the index's vocabulary, Arabic-aware (hamza seats, doubled letters, taa marbuta)."""


from __future__ import annotations


from desktop.search.suggest import Vocabulary, skeleton


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
