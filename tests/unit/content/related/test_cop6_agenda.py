"""COP 6 annotated agenda: structure counted by hand from data/sources/cop6-agenda.txt.

Agenda list (lines 7-46): items 1-9; item 1 has sub-items (أ)-(و), item 2 (أ)-(د).
Annotations: 9 item headings, 10 sub-item headings, 9 "الوثائق" lists.
Annex: 5 days (15-19 October, lines 585, 611, 626, 644, 663).
"""

import pytest

from desktop import paths
from desktop.content.related import cop6_agenda
from desktop.content.related.lexicon import Lexicon


@pytest.fixture(scope="module")
def agenda():
    src = paths.sources_dir()
    return cop6_agenda.parse((src / "cop6-agenda.txt").read_text(encoding="utf-8"),
                             Lexicon.from_sources(src))


def test_agenda_list(agenda):
    items = [p for p in agenda.paragraphs if p.node == "cop6/agenda"]
    assert [p.label for p in items if p.kind == "item"] == [str(n) for n in range(1, 10)]
    subs = [(p.item, p.label) for p in items if p.kind == "subitem"]
    assert subs == [(1, "(أ)"), (1, "(ب)"), (1, "(ج)"), (1, "(د)"), (1, "(ه)"), (1, "(و)"),
                    (2, "(أ)"), (2, "(ب)"), (2, "(ج)"), (2, "(د)")]


def test_annotation_nodes(agenda):
    ids = [n.id for n in agenda.nodes]
    assert [n.number for n in agenda.nodes if n.id.startswith("cop6/i") and "-" not in n.id
            and "/docs" not in n.id] == list(range(1, 10))
    subs = [i for i in ids if "-l" in i and not i.endswith("/docs")]
    assert subs == [f"cop6/i1-l{k}" for k in range(1, 7)] + [f"cop6/i2-l{k}" for k in range(1, 5)]
    assert sum(i.endswith("/docs") for i in ids) == 9
    assert len(ids) == len(set(ids))


def test_running_labels_restart_per_item(agenda):
    by_item = {}
    for p in agenda.paragraphs:
        if p.node.startswith("cop6/i"):
            by_item.setdefault(p.item, []).append(int(p.label))
    for item, labels in by_item.items():
        assert labels == list(range(1, len(labels) + 1)), item
    assert set(by_item) == set(range(1, 10))


def test_annex_days(agenda):
    days = [p for p in agenda.paragraphs if p.kind == "table"]
    assert [p.lines[0][0] for p in days] == [585, 611, 626, 644, 663]
    assert all(p.quality == "damaged" for p in days)


def test_first_annotation_paragraph(agenda):
    first = next(p for p in agenda.paragraphs if p.node == "cop6/i1-l1")
    assert first.lines[0][0] == 53 and first.lines[-1][0] == 55
    assert "15 تشرين الأول/أكتوبر 2012" in first.text      # date repaired
    assert first.quality == "damaged"                       # word order is not
    assert "فتتحستُ" in first.original


def test_quality_every_paragraph(agenda):
    assert len(agenda.paragraphs) >= 5, len(agenda.paragraphs)
    for p in agenda.paragraphs:
        assert p.quality in ("repaired", "damaged")
        assert (p.quality == "damaged") == bool(p.reasons)
        assert cop6_agenda.quality_note(p)
        assert p.original


def test_clean_list_lines_repaired_and_broken_ones_damaged(agenda):
    by_line = {p.lines[0][0]: p for p in agenda.paragraphs}
    assert by_line[9].text == "افتتاح دورة المؤتمر السادسة؛" and by_line[9].quality == "repaired"
    assert by_line[19].text == "مناقشة عامة." and by_line[19].quality == "repaired"
    # "تب عن وثائق التفويض؛ اعتماد تقرير المك": a word cut in two
    assert by_line[17].quality == "damaged"
    # "بالأشخاصومعاقبةبروتوكول": three words fused
    assert by_line[26].quality == "damaged"


def test_damaged_headings_take_the_agenda_list_wording(agenda):
    titles = {n.id: (n.title, n.title_from_list) for n in agenda.nodes}
    # annotation heading line 58 reads "كتبالمانتخاب أعضاء"
    assert titles["cop6/i1-l2"] == ("انتخاب أعضاء المكتب", True)
    # line 565 "ت لدورة المؤتمر السابعةجدول الأعمال المؤقَّ"
    assert titles["cop6/i7"] == ("جدول الأعمال المؤقت لدورة المؤتمر السابعة", True)
    # a clean heading keeps its own wording
    assert titles["cop6/i5"] == ("المساعدة التقنية", False)


def test_only_clean_list_lines_count_as_repaired(agenda):
    repaired = [p.code for p in agenda.paragraphs if p.quality == "repaired"]
    assert repaired == ["agenda/1", "agenda/1.l1", "agenda/1.l2", "agenda/1.l3", "agenda/1.l4",
                        "agenda/1.l6", "agenda/2.l1", "agenda/2.l3", "agenda/4", "agenda/5",
                        "agenda/7", "agenda/8", "agenda/9"]


def test_paragraph_counts(agenda):
    """Checked by reading the source: 16 document entries (lines 93, 256, 258, 302, 306,
    311, 350, 354, 404, 407, 456, 493, 528, 533, 535, 562) and 55 annotation paragraphs,
    e.g. item 1 (د) has the four paragraphs on rules 14, 15, 16 and 17."""
    from collections import Counter
    kinds = Counter(p.kind for p in agenda.paragraphs)
    assert kinds == {"item": 9, "subitem": 10, "text": 55, "document": 16, "table": 5}
    docs = [p.lines[0][0] for p in agenda.paragraphs if p.kind == "document"]
    assert docs == [93, 256, 258, 302, 306, 311, 350, 354, 404, 407, 456, 493, 528, 533, 535, 562]
    rules = [p.lines[0][0] for p in agenda.paragraphs if p.node == "cop6/i1-l4" and p.kind == "text"]
    assert rules == [97, 102, 108, 121]


def test_paragraph_end_behind_quote_or_bracket(agenda):
    starts = {p.lines[0][0] for p in agenda.paragraphs}
    # line 222 ' ".دولة مستعرَضة ..."' ends the consultations paragraph; 224 starts the next
    assert {208, 224} <= starts
    # line 247 ').CTOC/COP/2012/CRP.3(...' ends a paragraph; 249 starts the next
    assert {240, 249} <= starts
