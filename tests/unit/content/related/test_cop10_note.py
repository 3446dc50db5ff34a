"""The COP 10 note parser: 18 paragraphs under six sub-headings."""

from __future__ import annotations

import pytest

from desktop import paths
from desktop.content.related import cop10_note


@pytest.fixture(scope="module")
def parsed():
    return cop10_note.parse((paths.sources_dir() / "cop10-note.txt").read_text(encoding="utf-8"))


def test_18_paragraphs_in_order(parsed):
    assert parsed.problems == []
    assert [p.id for p in parsed.paragraphs] == [f"cop10:{i}" for i in range(1, 19)]
    assert all(p.kind == "numbered" and p.citation == f"الفقرة {p.label}" for p in parsed.paragraphs)


def test_six_sub_headings_three_paragraphs_each(parsed):
    sections = [n for n in parsed.nodes if n.kind == "section"]
    assert len(sections) == 6
    assert sections[0].heading.startswith("تقريران عن اجتماعي فريق الخبراء الحكومي الدولي")
    assert sections[5].heading == ("تقرير عن اجتماع فريق الخبراء الحكوميين المعني بالمساعدة "
                                   "التقنية المعقود في فيينا يومي 9 و10 تموز/يوليه 2020")
    for i, section in enumerate(sections):
        assert [p.label for p in parsed.paragraphs if p.node_id == section.id] == [
            str(3 * i + k) for k in (1, 2, 3)]


def test_page_break_and_bullets(parsed):
    para2 = parsed.paragraph("cop10:2")
    assert para2.source_line == 36 and para2.source_line_end == 48
    assert "لإجراء الاستعراضات القطرية" in para2.text
    assert "الرجاء إعادة استعمال الورق" not in para2.text and "V.20" not in para2.text
    assert parsed.paragraph("cop10:10").text.endswith("المكمل لاتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية.")
    assert parsed.paragraph("cop10:11").text.startswith("وقرر المؤتمر")
    assert parsed.paragraph("cop10:18").text.endswith("(CTOC/COP/WG.2/2020/3).")


def test_agenda_footnote(parsed):
    assert [(f.number, f.text, f.paragraph_id) for f in parsed.footnotes] == [
        (0, "CTOC/COP/2020/1.", "cop10:1")]
