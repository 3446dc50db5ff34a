"""Repairs of visual-order text: each one checked on lines of the COP 6 agenda."""

from desktop.content.related import visual_order as vo


def test_mirrored_sub_item_marker_turned_back():
    assert vo.mirror_brackets(" افتتاح دورة المؤتمر السادسة؛ )أ( ") == " افتتاح دورة المؤتمر السادسة؛ (أ) "


def test_latin_symbol_in_order_left_alone():
    line = "  (CTOC/COP/2012/1)ت وشروحه"
    assert vo.mirror_brackets(line) == line


def test_mirrored_latin_symbol_turned_back():
    assert vo.mirror_brackets(")CTOC/COP/2012/11(لقضايا") == "(CTOC/COP/2012/11)لقضايا"


def test_stretching_removed_but_abjad_heh_kept():
    assert vo.strip_stretching("اسـتعراض تنفيـذ") == "استعراض تنفيذ"
    assert vo.strip_stretching("البند (هـ) الفرعي") == "البند (هـ) الفرعي"


def test_full_date_with_day_range_put_in_reading_order():
    # source line 2: the session's dates
    assert vo.repair_digit_runs("٢٠١٢أكتوبر / تشرين الأول١٩-١٥") == "15-19 تشرين الأول/أكتوبر 2012"


def test_decision_reference_back_to_arabic_citation_order():
    # stored session/number (5/1 = resolution 1 of session 5) -> Arabic "1/5"
    assert vo.repair_digit_runs("قراره ٥/١") == "قراره 1/5"
    assert vo.repair_digit_runs("الساعة ٠٠/١٠") == "الساعة 10/00"


def test_latin_digits_of_symbols_untouched():
    assert vo.repair_digit_runs("CTOC/COP/2010/17") == "CTOC/COP/2010/17"


def test_digit_glued_to_word_gets_its_space():
    assert vo.repair_digit_runs("٢٢تقضي المادة") == "22 تقضي المادة"


def test_damage_signs():
    assert vo.order_damage(" انتخاب أعضاء المكتب؛ )ب( ") == []
    assert "spans" in vo.order_damage("د بدأ نفاذها عنـد افتتـاح الـدورة، بـل     الوطنية وفي")
    assert "punctuation" in vo.order_damage(" .مناقشة عامة")
    assert "fragments" in vo.order_damage("ــة الخمــس   ــسمي")
    assert "glued" in vo.order_damage("رئـيس وثمانيـة          ٢٢تقضي المادة")
