"""The index table parser, against the raw source (no database).

Rows and counts below were read off data/sources/compendium.txt lines
655-887 by hand.
"""

from __future__ import annotations

import pytest

from desktop import paths
from desktop.content.index_table import decision_key, normalize_symbol, parse_index

#: symbol -> ("A", meeting) / ("B", session), as the nodes table gives them
UNITS = {
    "CTOC/COP/2008/7": ("A", 2), "CTOC/COP/WG.2/2009/4": ("A", 4),
    "CTOC/COP/WG.2/2010/1": ("A", 5), "CTOC/COP/WG.2/2013/5": ("A", 7),
    "CTOC/COP/WG.2/2014/4": ("A", 8), "CTOC/COP/WG.2/2016/5": ("A", 9),
    "CTOC/COP/WG.2/2017/4-CTOC/COP/WG.3/2017/4": ("A", 10),
    "CTOC/COP/WG.2/2018/3-CTOC/COP/WG.3/2018/3": ("A", 11),
    "CTOC/COP/2004/6": ("B", 1), "CTOC/COP/2005/8": ("B", 2), "CTOC/COP/2006/14": ("B", 3),
    "CTOC/COP/2008/19": ("B", 4), "CTOC/COP/2010/17": ("B", 5), "CTOC/COP/2012/15": ("B", 6),
    "CTOC/COP/2014/13": ("B", 7), "CTOC/COP/2016/15": ("B", 8),
}


@pytest.fixture(scope="module")
def rows():
    text = (paths.sources_dir() / "compendium.txt").read_text(encoding="utf-8")
    return parse_index(text, UNITS)


def at(rows, line, match=None):
    found = [r for r in rows if r.line == line and (match is None or match in (r.symbol, r.decision))]
    assert len(found) == 1, (line, match, found)
    return found[0]


def test_every_row_of_the_table(rows):
    # 194 theme x document rows: counted page by page (a flattened line counts
    # one row per document it holds; line 877 holds a second row whose symbol
    # cell was lost)
    assert len(rows) == 194
    assert rows[0].line == 661 and rows[-1].line == 887


def test_printed_labels_in_order(rows):
    labels = []
    for r in rows:
        if not labels or labels[-1] != r.theme:
            labels.append(r.theme)
    assert labels[:3] == ["اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية",
                          "الاختصاصيون الممارسون/ العاملون", "الأدوات"]
    # "(تابع)" is not part of the label: التدريب continues across the page break
    assert "التدريب (تابع)" not in labels
    assert labels.count("التدريب") == 1
    # the label printed twice in a row stays one run
    assert labels.count("غسل الأموال") == 1


def test_split_page_pairs_report_cells_with_their_rows(rows):
    # page 1 prints the locators first, then the report paragraphs (lines 668-674)
    r = at(rows, 661)
    assert r.locator == "الجزء ألف ثانياً-2-4 وثانياً-6"
    assert r.report == "6 و 4-2"
    assert r.lines == [661, 668]
    assert at(rows, 667).report == "5 (د)"
    assert at(rows, 698).report == "المرفق الأول- 20"


def test_locator_printed_in_the_next_rows_cell_is_moved_back(rows):
    # line 681 (resolution 3/7) carries resolution 4/6's "سادساً- المرفق- …"
    r46 = at(rows, 680)
    assert r46.decision == "القرار 4/6"
    assert r46.locator == "سادساً- ف.د 1 سادساً- المرفق- (ب) '5 و (ج) '1"
    assert r46.report == "ف.د 1 المرفق- (ب) '5 و (ج) '1"
    r37 = at(rows, 681)
    assert r37.locator == "انظر الجزء ألف- سابعاً وثامناً"
    assert r37.report == "المرفق الأول- 3 و 25 و 28 و 29 و 31 المرفق الثاني- 10-12"


def test_repeated_report_cell_is_not_a_new_row(rows):
    assert 692 in at(rows, 682).lines
    assert not [r for r in rows if r.line == 692]


def test_merged_locator_and_report_cell(rows):
    r = at(rows, 801)
    assert (r.locator, r.report) == ("سابعاً-8 وسابعاً-13 وسابعاً-14", "12 و17 و18")
    r = at(rows, 714)
    assert (r.locator, r.report) == ("انظر الجزء ألف- سابعاً", "المرفق الأول- 13 و 30")


def test_mirrored_flattened_line(rows):
    # line 770 (a mirrored page): six Working Group rows in one line
    flat = [r for r in rows if r.line == 770]
    assert [r.symbol for r in flat] == [
        "CTOC/COP/2008/7", "CTOC/COP/WG.2/2010/1", "CTOC/COP/WG.2/2013/5",
        "CTOC/COP/WG.2/2014/4", "CTOC/COP/WG.2/2016/5",
        "CTOC/COP/WG.2/2017/4-CTOC/COP/WG.3/2017/4"]
    assert [r.report for r in flat] == ["2 و10 و11", "4 (و) و(ز)", "22 و32",
                                        "5 و10 و12 و14 و15 و17", "5 و7 و9 و10 و21", "7 (ب)"]
    assert flat[3].locator == "ثامناً-1 وثامناً-6 وثامناً-8 وثامناً-10 وثامناً-11 وثامناً-13"


def test_decisions_without_symbols_and_symbols_without_decisions(rows):
    r = at(rows, 865, "القرار 4/8")
    assert r.symbol is None and r.report == "المرفق- 6"
    r = at(rows, 869, "CTOC/COP/2014/13")
    assert r.decision is None and r.locator == "انظر الجزء ألف- ثامناً"


def test_lost_document_cell_becomes_its_own_row(rows):
    pair = [r for r in rows if r.line == 877]
    assert [r.locator for r in pair] == ["خامساً-(و) وخامساً-(س)", "سابعاً-1"]
    assert [r.report for r in pair] == ["4 (و) و(س)", "5"]
    assert pair[1].symbol is None and pair[1].unit_hint == ("A", 7)


def test_theme_cell_lost_rows_keep_the_label_in_force(rows):
    assert at(rows, 866, "CTOC/COP/2008/7").theme == "المساعدة القانونية المتبادلة"
    assert at(rows, 866, "CTOC/COP/2008/7").theme_line == 864


def test_symbols_and_decisions_helpers():
    assert normalize_symbol("CTOC/COP/WG.2/2018/3- CTOC/COP/WG.3/2018/3") == \
        "CTOC/COP/WG.2/2018/3-CTOC/COP/WG.3/2018/3"
    assert decision_key("المقرر 4/3") == ("decision", 3, 4)
    assert decision_key("القرار 3/7") == ("resolution", 7, 3)
    assert decision_key("شيء آخر") is None


def test_missing_heading_is_an_error():
    with pytest.raises(ValueError):
        parse_index("no index here\n")
