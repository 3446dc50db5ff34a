"""Migrant-smuggling report structure, counted by hand from data/sources/som-wg-2020.txt.

Chapters (lines 6, 25, 214, 388, 499): أول..خامسا. Sections: chapter II ألف (line 29),
باء (line 85); chapter IV ألف..هاء (lines 390, 403, 421, 448, 482). Paragraph markers
-1..-34 in sequence (the agenda items "-1".."-5" at lines 426-445 belong to paragraph 26),
recommendations "التوصةا 1".."22" (lines 36..207), all between paragraphs 3 and 4.
"""

import pytest

from desktop import paths
from desktop.content.related import som_report
from desktop.content.related.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_sources(paths.sources_dir())


@pytest.fixture(scope="module")
def report(lexicon):
    text = (paths.sources_dir() / "som-wg-2020.txt").read_text(encoding="utf-8")
    r = som_report.parse(text, lexicon)
    som_report.reconstruct(r, lexicon)
    return r


def test_chapters_and_sections(report):
    chapters = [(n.id, n.source_line) for n in report.nodes if n.id.startswith("som:ch") and "-s" not in n.id]
    assert chapters == [("som:ch1", 6), ("som:ch2", 25), ("som:ch3", 214), ("som:ch4", 388),
                        ("som:ch5", 499)]
    sections = [(n.id, n.heading, n.source_line) for n in report.nodes if "-s" in n.id]
    assert sections == [("som:ch2-s1", "ألف", 29), ("som:ch2-s2", "باء", 85),
                        ("som:ch4-s1", "ألف", 390), ("som:ch4-s2", "باء", 403),
                        ("som:ch4-s3", "جيم", 421), ("som:ch4-s4", "دال", 448),
                        ("som:ch4-s5", "هاء", 482)]
    titles = {n.id: n.title for n in report.nodes}
    assert titles["som:ch4-s1"] == "افتتاح الجتماع"     # clean heading, as printed
    assert titles["som:ch5"] == "اعتماد التقرير"


def test_paragraphs_1_to_34_in_sequence(report):
    numbered = [p for p in report.paragraphs if p.kind == "numbered"]
    assert [p.number for p in numbered] == list(range(1, 35))
    lines = {p.number: p.lines[0][0] for p in numbered}
    assert lines[1] == 7 and lines[7] == 235 and lines[26] == 423 and lines[27] == 449
    assert lines[34] == 500
    # the agenda quoted in paragraph 26 stays inside it
    assert any(n == 426 for n, _ in next(p for p in numbered if p.number == 26).lines)


def test_recommendations_1_to_22_between_paragraphs_3_and_4(report):
    labels = [p.label for p in report.paragraphs]
    recs = [p for p in report.paragraphs if p.kind == "item"]
    assert [p.number for p in recs] == list(range(1, 23))
    assert labels.index("التوصية 1") == labels.index("3") + 1
    assert labels.index("4") == labels.index("التوصية 22") + 1
    assert [p.node for p in recs].count("som:ch2-s1") == 7      # recommendations 1-7
    assert [p.node for p in recs].count("som:ch2-s2") == 15     # recommendations 8-22


def test_every_paragraph_reconstructed_or_marked_unreadable(report):
    assert len(report.paragraphs) >= 50, len(report.paragraphs)  # the report has 56
    for p in report.paragraphs:
        assert p.quality in ("reconstructed", "damaged")
        assert p.text
        note = som_report.quality_note(p)
        assert ("إعادة بناء آلية" in note) == (p.quality == "reconstructed")
        for start, end in p.uncertain:
            assert 0 <= start < end <= len(p.text)


def test_known_formula_recovered(report):
    first = report.paragraphs[0]
    assert "الأمم المتحدة لمكافحة" in first.text
    assert "مؤتمر الأطراف" in first.text
