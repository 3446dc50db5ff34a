"""desktop/search/wordiff.py: a word-level comparison of a draft and an agreed
text (diacritics ignored, both texts kept, HTML escaped) and the shared runs
highlighted."""

from __future__ import annotations

import re

from desktop.search.wordiff import ADDED, DROPPED, SAME, compare, highlight_shared, word_key

DRAFT = ("ينبغي للدول الأطراف أن تنظر في تعيين موظفين مدربين على تقديم المساعدة "
         "للضحايا ضمن مكاتب النيابة العامة")


def test_word_diff_keeps_both_texts_and_ignores_diacritics():
    agreed = ("ينبغي للدول أن تنظر في تعيين أشخاص مدرّبين على تقديم المساعدة للضحايا "
              "والشهود ضمن مكاتب النيابة العامة، حسبما يكون مناسباً.")
    d = compare(DRAFT, agreed)
    assert "".join(s.text for s in d.draft) == DRAFT
    assert "".join(s.text for s in d.agreed) == agreed
    assert d.added == ["الأطراف", "موظفين"]
    assert d.dropped == ["أشخاص", "والشهود", "حسبما يكون مناسباً"]
    # مدربين (draft) and مدرّبين (agreed, with shadda) are the same word
    assert any(s.kind == SAME and "مدرّبين" in s.text for s in d.agreed)
    html = d.html("agreed")
    assert "line-through" in html and "حسبما يكون مناسباً" in html
    assert {s.kind for s in d.draft} <= {SAME, ADDED, ""}
    assert {s.kind for s in d.agreed} <= {SAME, DROPPED, ""}
    marked = highlight_shared(agreed, d)
    assert "<b>ضمن مكاتب النيابة العامة</b>" in marked
    assert marked.replace("<b>", "").replace("</b>", "") == agreed


def test_word_diff_escapes_html():
    d = compare("<script>x</script> حماية", "حماية <b>الشهود</b>")
    for side in ("draft", "agreed"):
        # nothing but the diff's own spans is markup
        assert "<" not in re.sub(r'<span style="[^"]*">|</span>', "", d.html(side))
    assert "&lt;" in d.html("draft") and "&lt;" in d.html("agreed")


def test_word_key_is_the_stem_of_the_folded_word():
    assert word_key("مدرّبين") == word_key("مدربين")
    assert word_key("الشهود") == word_key("والشهود")      # the clitic and article go
    assert word_key("الشهود") != word_key("الضحايا")


def test_compare_counts_words_and_keeps_only_runs_of_two_as_shared():
    d = compare("حماية الشهود في المحاكم", "حماية الشهود أمام المحاكم")
    assert (d.draft_words, d.agreed_words, d.same_words) == (4, 4, 3)
    agreed = "حماية الشهود أمام المحاكم"
    # «حماية الشهود» is a shared run; «المحاكم» alone is one word, not wording
    assert [agreed[s:e] for s, e in d.shared] == ["حماية الشهود"]
    assert d.added == ["في"] and d.dropped == ["أمام"]


def test_compare_of_empty_texts_is_empty():
    d = compare("", None)
    assert d.draft == d.agreed == () and d.shared == () and d.same_words == 0


def test_highlight_shared_uses_the_given_marks_and_escapes():
    text = "<حماية الشهود>"
    d = compare("حماية الشهود", text)
    assert highlight_shared(text, d, "[", "]") == "&lt;[حماية الشهود]&gt;"
