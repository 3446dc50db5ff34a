"""The COP 12 report parser: counts checked by hand against data/sources/cop12-report.txt."""

from __future__ import annotations

import pytest

from desktop import paths
from desktop.content import corrections, ids
from desktop.content.related import cop12_report


def _source() -> str:
    return (paths.sources_dir() / "cop12-report.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def parsed():
    fixes = corrections.text_fixes(paths.corrections_dir() / "cop12-report.toml")
    text, _ = corrections.apply_text_fixes("cop12-report.txt", _source(), fixes)
    return cop12_report.parse(text)


@pytest.fixture(scope="module")
def raw():
    return cop12_report.parse(_source())


def _ids(parsed, prefix, kind=None):
    return [p.id for p in parsed.paragraphs
            if p.id.startswith(prefix) and (kind is None or p.kind == kind)]


def test_no_problems(parsed, raw):
    assert parsed.problems == []
    assert raw.problems == []            # the structure never depends on a fix


def test_report_paragraphs_1_to_82_in_order(parsed):
    numbers = [int(p.label) for p in parsed.paragraphs
               if p.kind == "numbered" and p.id.startswith("cop12:") and p.id[6:].isdigit()]
    assert numbers == list(range(1, 83))


def test_chapters_and_sections(parsed):
    chapters = [n.id for n in parsed.nodes if n.parent_id == "cop12"]
    assert chapters == [f"cop12:ch{i}" for i in range(1, 12)]
    assert parsed.node("cop12:ch2.E").heading == "هاء - اعتماد تقرير المكتب عن وثائق التفويض"
    assert parsed.paragraph("cop12:3").unit_id == "cop12:ch2"
    assert parsed.paragraph("cop12:72").node_id == "cop12:ch7/action"
    assert parsed.paragraph("cop12:82").unit_id == "cop12:ch11"


@pytest.mark.parametrize("unit, preambles, operative", [
    ("cop12:r1", 10, 2), ("cop12:r2", 6, 2), ("cop12:r3", 13, 23), ("cop12:r4", 11, 9)])
def test_resolutions_preambles_and_operative(parsed, unit, preambles, operative):
    pp = [p for p in parsed.paragraphs if p.unit_id == unit and p.kind == "preamble"]
    ops = [p for p in parsed.paragraphs
           if p.unit_id == unit and p.kind == "numbered" and "/annex" not in p.id]
    assert [p.label for p in pp] == [f"ف.د {i}" for i in range(1, preambles + 1)]
    assert [p.label for p in ops] == [str(i) for i in range(1, operative + 1)]
    assert parsed.paragraph(f"{unit}/c1").text.startswith("إن مؤتمر الأطراف")


@pytest.mark.parametrize("annex, count", [
    ("cop12:r1/annex1", 17), ("cop12:r1/annex2", 10),
    ("cop12:r2/annex1", 11), ("cop12:r2/annex2", 24)])
def test_annex_items_in_abjad_order(parsed, annex, count):
    items = [p for p in parsed.paragraphs if p.id.startswith(annex + "/l")]
    assert [p.label for p in items] == [f"({ids.ABJAD[i]})" for i in range(count)]
    assert [p.id for p in items] == [f"{annex}/l{i}" for i in range(1, count + 1)]


def test_resolution_12_2_annex_sub_headings(parsed):
    assert [n.heading for n in parsed.nodes if n.parent_id == "cop12:r2/annex2"] == [
        "توصيات بشأن تجريم الجرائم التي تضر بالبيئة",
        "توصيات بشأن الاحتيال المنظم",
        "توصيات بشأن المسائل المتعلقة باستعراض تنفيذ اتفاقية الجريمة المنظمة"]
    assert parsed.paragraph("cop12:r2/annex2/l10").node_id == "cop12:r2/annex2/s2"
    assert parsed.node("cop12:r2/annex1").title.endswith("يومي 29 و30 أيار/مايو 2023")


def test_numbering_restarts_and_citations_say_which(parsed):
    assert parsed.paragraph("cop12:r2/annex2/l19").citation == "القرار 2/12، المرفق الثاني، (ق)"
    assert parsed.paragraph("cop12:r2/1").citation == "القرار 2/12، 1"
    assert parsed.paragraph("cop12:r3/1").citation == "القرار 3/12، 1"
    assert parsed.paragraph("cop12:r2/pp3").citation == "القرار 2/12، ف.د 3"
    assert parsed.paragraph("cop12:d2/l1").citation == "المقرر 2/12، (أ)"
    assert parsed.paragraph("cop12:r4/5.l3").citation == "القرار 4/12، 5 (ج)"
    assert parsed.paragraph("cop12:29.l2").citation == "الفقرة 29 (ب)"


def test_decisions(parsed):
    assert parsed.node("cop12:d1").kind == "decision"
    assert parsed.node("cop12:r1").kind == "resolution"
    agenda = _ids(parsed, "cop12:d1/", "numbered")
    assert agenda == [f"cop12:d1/{i}" for i in range(1, 10)]
    assert _ids(parsed, "cop12:d1/1.") == [f"cop12:d1/1.l{i}" for i in range(1, 7)]
    assert _ids(parsed, "cop12:d1/2.") == [f"cop12:d1/2.l{i}" for i in range(1, 5)]
    assert _ids(parsed, "cop12:d2/") == ["cop12:d2/c1", "cop12:d2/l1", "cop12:d2/l2"]


@pytest.mark.parametrize("number, items", [(29, 4), (34, 3), (40, 3), (45, 3), (61, 5), (66, 3)])
def test_report_sub_items(parsed, number, items):
    assert _ids(parsed, f"cop12:{number}.") == [f"cop12:{number}.l{i}" for i in range(1, items + 1)]


def test_paragraphs_broken_by_footnotes_are_joined(parsed):
    pp5 = parsed.paragraph("cop12:r1/pp5")       # lines 74 and 82, footnotes between
    assert pp5.source_line == 74 and pp5.source_line_end == 82
    assert "المساعدة القانونية وفقا لأحكام الاتفاقية" in pp5.text
    op7 = parsed.paragraph("cop12:r3/7")         # ends with "،" before the page break
    assert "أثرها، بسبل تشمل ضمان" in op7.text
    l9 = parsed.paragraph("cop12:r2/annex1/l9")
    assert "ويمكن للأطراف أن تنظر في الاستفادة" in l9.text
    officers = parsed.paragraph("cop12:6").text.split("\n")
    assert officers[1] == "الرئيس: بيتر بوريان (سلوفاكيا)"
    assert officers[-1] == "المقرر: يامن يسوف (الجمهورية العربية السورية)"


def test_22_footnotes_attached_where_their_marker_stands(parsed):
    fns = {fn.number: fn for fn in parsed.footnotes}
    assert sorted(fns) == list(range(0, 22))
    assert all(fn.paragraph_id for fn in parsed.footnotes)
    assert fns[0].text == "CTOC/COP/2024/1." and fns[0].paragraph_id == "cop12:1"
    assert fns[7].paragraph_id == "cop12:r2/annex1/t1"
    assert fns[7].text == "CTOC/COP/WG.2/2023/4، الفقرات 7-9."
    assert fns[8].paragraph_id == "cop12:r2/annex2/t1"
    assert fns[13].paragraph_id == "cop12:r3/1"
    assert fns[5].paragraph_id == "cop12:r1/annex2/l8"
    assert fns[9].text.endswith("الفصل الرابع، الفقرة 24.")     # continued on a second line
    assert fns[1].text.startswith("United Nations, Treaty Series")  # Markdown emphasis removed
    para = parsed.paragraph("cop12:r2/pp1")
    assert para.text[:fns[6].marker_offset].endswith("الجريمة المنظمة عبر الوطنية")
    assert "⁽" not in "".join(p.text for p in parsed.paragraphs)


def test_markdown_links_removed(parsed):
    assert parsed.paragraph("cop12:12").text == "وترد قائمة المشاركين في الوثيقة CTOC/COP/2024/INF/2/Rev.2."


def _normalised(text: str) -> str:
    return " ".join(text.replace("\\*", "*").split())


def test_every_paragraph_is_source_text(raw):
    """Round trip: each paragraph's text, uncorrected, is the source's words
    (markers removed, whitespace normalised), piece by piece."""
    from desktop.content.model import strip_markers
    from desktop.content.related import clean_markdown
    lines = _source().split("\n")
    assert len(raw.paragraphs) >= 200, len(raw.paragraphs)  # the report has 275
    for para in raw.paragraphs:
        source = " ".join(clean_markdown(strip_markers(lines[i - 1])[0])
                          for i in range(para.source_line, para.source_line_end + 1))
        source = _normalised(source)
        for piece in para.text.split("\n"):
            words = piece.split()
            assert _normalised(" ".join(words[:6])) in source, para.id
            assert _normalised(" ".join(words[-6:])) in source, para.id
