"""The compendium parser against the source, with counts checked by hand.

Counts and label sequences below were read off data/sources/compendium.txt
(lines 83-653) by eye, not copied from the parser's output.
"""

from __future__ import annotations

import re

import pytest

from desktop.content import compendium_parser as parser
from desktop.content import corrections
from desktop import paths

ABJAD = "أ ب ج د هـ و ز ح ط ي ك ل م ن س ع ف ص ق".split()


@pytest.fixture(scope="module")
def source_text():
    text = (paths.sources_dir() / "compendium.txt").read_text(encoding="utf-8")
    fixes = corrections.text_fixes(paths.corrections_dir() / "compendium.toml")
    corrected, _ = corrections.apply_text_fixes("compendium.txt", text, fixes)
    return corrected


@pytest.fixture(scope="module")
def parsed(source_text):
    return parser.parse(source_text)


def labels(parsed, unit_id):
    return [p.label for p in parsed.paragraphs if p.unit_id == unit_id]


def letters(n, prefix=""):
    return [f"{prefix}({x})" for x in ABJAD[:n]]


# Paragraphs per unit, counted by hand in the source.
EXPECTED_COUNTS = {
    "A01": 1,    # a note: recommendations reproduced in decision 4/3
    "A02": 29,   # 13 numbered + 4 + 5 + 3 + 2 + 2 items
    "A03": 1,    # a note: decision 3/4
    "A04": 16,   # 6 numbered, 1 (أ)-(ح) with (و) '1' '2'
    "A05": 16,   # opening words + (أ)-(س) (15 items)
    "A06": 1,    # a note: resolution 4/6
    "A07": 31,
    "A08": 19,   # 14 numbered + 13 (أ)-(هـ)
    "A09": 19,
    "A10": 3,    # opening words + (أ) (ب)
    "A11": 6,    # opening words + (أ)-(هـ)
    "B1-d4": 6,  # decision 4/1: opening words + (أ)-(هـ)
    "B2-d6": 14,  # decision 6/2: opening + (أ)-(ط) + (ج) '1'-'4'
    "B3-d4": 24,  # decision 4/3: opening + (أ)-(هـ) + recommendations 1-12 + 2 (أ)-(ج) + 7 (أ)-(ج)
    "B4-d3": 25,  # decision 3/4: opening + (أ)-(ق) (19 items) + (ط) '1'-'5'
    "B5-r6": 6,   # resolution 6/5: opening, ف.د 1-2, 1-2, annex note
    "B6-r4": 20,  # resolution 4/6: opening, ف.د 1-2, 1-2, annex: opening + (أ)'1-3' (ب)'1-5' (ج)'1-2' (د)
    "B7-r3": 8,   # resolution 3/7: opening, ف.د 1-2, 1-3, two annex notes
    "B8-r4": 6,   # resolution 4/8: opening, ف.د 1-2, 1-2, annex note
}


def test_counts_per_unit(parsed):
    counts = {}
    for p in parsed.paragraphs:
        counts[p.unit_id] = counts.get(p.unit_id, 0) + 1
    assert counts == EXPECTED_COUNTS


def test_no_parse_problems(parsed):
    assert parsed.problems == []


def test_meeting_2_label_sequence(parsed):
    expected = (["1", "2"] + letters(4, "2 ") + ["3"] + letters(5, "3 ") + ["4"] + letters(3, "4 ")
                + ["5"] + letters(2, "5 ") + ["6"] + letters(2, "6 ")
                + [str(n) for n in range(7, 14)])
    assert labels(parsed, "A02") == expected


def test_meeting_7_label_sequence(parsed):
    assert labels(parsed, "A07") == [str(n) for n in range(1, 32)]


def test_meeting_9_label_sequence(parsed):
    assert labels(parsed, "A09") == [str(n) for n in range(1, 20)]


def test_meeting_4_sub_items(parsed):
    assert labels(parsed, "A04") == (
        ["1"] + letters(6, "1 ") + ["1 (و) '1'", "1 (و) '2'"] + ["1 (ز)", "1 (ح)"]
        + ["2", "3", "4", "5", "6"])


def test_decision_4_3_label_sequence(parsed):
    # Arabic "المقرر 4/3": session 3, decision 4.
    expected = ([""] + letters(5) + ["1", "2"] + letters(3, "2 ") + ["3", "4", "5", "6", "7"]
                + letters(3, "7 ") + ["8", "9", "10", "11", "12"])
    assert labels(parsed, "B3-d4") == expected


def test_decision_3_4_label_sequence(parsed):
    # Arabic "المقرر 3/4": session 4, decision 3; (ط) has five sub-items.
    expected = [""] + letters(9) + [f"(ط) '{n}'" for n in range(1, 6)] + [f"({x})" for x in ABJAD[9:19]]
    assert labels(parsed, "B4-d3") == expected


def test_resolution_preambles(parsed):
    for unit in ("B5-r6", "B6-r4", "B7-r3", "B8-r4"):
        pre = [p for p in parsed.paragraphs if p.unit_id == unit and p.kind == "preamble"]
        assert [p.label for p in pre] == ["ف.د 1", "ف.د 2"]
        assert pre[0].text.startswith("إذ ") and pre[1].text.startswith("وإذ ")


def test_hierarchy(parsed):
    nodes = {n.id: n for n in parsed.nodes}
    assert [n.id for n in parsed.nodes if n.kind == "meeting"] == [f"A{n:02d}" for n in range(1, 12)]
    assert [n.id for n in parsed.nodes if n.kind == "session"] == [f"B{n}" for n in range(1, 9)]
    assert [(n.id, n.heading) for n in parsed.nodes if n.kind in ("decision", "resolution")] == [
        ("B1-d4", "المقرر 4/1"), ("B2-d6", "المقرر 6/2"), ("B3-d4", "المقرر 4/3"),
        ("B4-d3", "المقرر 3/4"), ("B5-r6", "القرار 6/5"), ("B6-r4", "القرار 4/6"),
        ("B7-r3", "القرار 3/7"), ("B8-r4", "القرار 4/8")]
    assert nodes["B7-r3/annex1"].heading == "المرفق الأول"
    assert nodes["B7-r3/annex2"].heading == "المرفق الثاني"
    assert nodes["B6-r4/annex"].title.startswith("التوصيات التي اعتمدها")
    assert nodes["A07"].dates == "من 28 إلى 30 تشرين الأول/أكتوبر 2013"
    assert nodes["B1"].dates == "من 28 حزيران/يونيه إلى 9 تموز/يوليه 2004"
    assert nodes["B3-d4"].title.startswith("توصيات فريق الخبراء الحكوميين")
    sections = [n for n in parsed.nodes if n.kind == "section"]
    assert [s.heading for s in sections][0] == "التوصيات"
    assert [s.number for s in sections[1:]] == [1, 2, 3, 4]
    assert all(s.parent_id == sections[0].id for s in sections[1:])
    rec9 = next(p for p in parsed.paragraphs if p.id == "B3-d4/9")
    assert rec9.node_id == sections[3].id  # under "ثالثا - المعلومات ..."


def test_citations_and_symbols(parsed):
    by_id = {p.id: p for p in parsed.paragraphs}
    assert by_id["A07/13"].citation == "الجزء ألف، سابعاً-13"
    assert by_id["A07/13"].symbol == "CTOC/COP/WG.2/2013/5"
    assert by_id["A02/3"].symbol == "CTOC/COP/2008/7"
    assert by_id["B4-d3/l9.q2"].citation == "الجزء باء، المقرر 3/4، (ط) '2'"
    assert by_id["B4-d3/l9.q2"].symbol == "CTOC/COP/2008/19"
    assert by_id["A04/1.l6.q2"].citation == "الجزء ألف، رابعاً-1 (و) '2'"
    assert by_id["A05/l2"].citation == "الجزء ألف، خامساً- (ب)"
    assert by_id["B5-r6/pp1"].citation == "الجزء باء، القرار 6/5، ف.د 1"
    assert by_id["B6-r4/annex/l2.q3"].citation == "الجزء باء، القرار 4/6، المرفق، (ب) '3'"
    assert by_id["B7-r3/1"].symbol == "CTOC/COP/2014/13"
    assert by_id["A01/n1"].kind == "note"
    assert by_id["B7-r3/annex1/n1"].text.startswith("يرجى الاطلاع على التوصيات التي وردت في الاجتماع السابع")


# Footnote number -> paragraph carrying its marker, read off the source.
EXPECTED_FOOTNOTES = {
    1: "A02/2", 2: "A02/2.l4", 3: "A04/1.l2", 4: "B1-d4/l1", 5: "B2-d6/l1",
    6: "B3-d4/l2", 7: "B3-d4/l2", 8: "B3-d4/8", 9: "B4-d3/c1", 10: "B4-d3/l1",
    11: "B4-d3/l5", 12: "B4-d3/l11", 13: "B5-r6/pp1", 14: "B6-r4/pp1",
    15: "B6-r4/annex/l2.q5", 16: "B7-r3/pp1", 17: "B8-r4/pp1",
}


def test_every_footnote_attached(parsed):
    assert {fn.number: fn.paragraph_id for fn in parsed.footnotes} == EXPECTED_FOOTNOTES


def test_footnote_texts(parsed):
    fns = {fn.number: fn for fn in parsed.footnotes}
    assert fns[1].text == "قرار الجمعية العامة 25/55، المرفق الأول."
    # printed backwards by the extraction
    assert fns[13].text.startswith("United Nations, *Treaty Series*")
    # spread over three lines
    assert fns[11].text.count("CTOC/COP/") == 7 and fns[11].text.endswith("Rev.1.")
    para = next(p for p in parsed.paragraphs if p.id == "A02/2")
    assert para.text[fns[1].marker_offset - 1] == "،"  # marker stood right after the comma
    assert "<sup>" not in "".join(p.text for p in parsed.paragraphs)


def test_paragraph_continued_after_page_break(parsed):
    by_id = {p.id: p for p in parsed.paragraphs}
    assert by_id["A08/11"].text.endswith("استناداً إلى المعلومات الواردة من الدول الأطراف والموقّعة.")
    assert "اتفاقية الجريمة المنظمة والبروتوكولات الملحقة بها" in by_id["A08/11"].text
    assert by_id["B3-d4/9"].text.endswith("تحسين التنسيق في هذا المضمار.")
    assert by_id["B3-d4/5"].text.endswith("(انظر المقرر 3/3 الصادر عن مؤتمر الأطراف).")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_round_trip_every_paragraph_text_is_the_source_text(parsed, source_text):
    """Each paragraph's label + text is its source lines, minus layout damage."""
    lines = source_text.split("\n")
    covered = set()
    assert len(parsed.paragraphs) == 251, len(parsed.paragraphs)  # 142 in Part A, 109 in Part B
    for p in parsed.paragraphs:
        raw = []
        for n in range(p.source_line, p.source_line_end + 1):
            line = lines[n - 1].strip()
            if not line or line.startswith("<sup>") or line.endswith("</sup>") and line.startswith("."):
                continue
            if line.startswith("و CTOC"):
                continue
            raw.append(line)
            covered.add(n)
        joined = _norm(re.sub(r"<sup>\(\d+\)</sup>", "", " ".join(raw)))
        joined = re.sub(r"^-\s+", "", joined)
        # the source prints only the last label component ("(أ)" of "2 (أ)")
        printed = [p.label_path[-1]] if p.label_path and p.kind != "preamble" else []
        expected = _norm(" ".join([*printed, p.text]))
        # labels print as "13-" in the source
        joined = re.sub(r"^(\d+)\s*-\s*", r"\1 ", joined)
        assert joined == expected, p.id
    # Every body line that is not a heading, blank or footnote is in a paragraph.
    start, end = parser.find_body(lines)
    heading_like = re.compile(r"^(#|المقرر \d|القرار \d|أولاً- الدورة|<sup>|\. United|و CTOC|التوصيات التي اعتمدها)")
    for n in range(start + 1, end + 1):
        line = lines[n - 1].strip()
        if line and not heading_like.match(line):
            assert n in covered, f"line {n} not in any paragraph: {line[:40]}"
