"""desktop/content/related/som_measure.py: the migrant-smuggling reconstruction
measured on the hand-checked reference
(tests/data/som_reference.toml): certainty holds, and the reader shows the figures
that were measured, not claims."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop import paths
from desktop.content.related import som_measure, som_report
from desktop.content.related.lexicon import CLEAN_SOURCES, Lexicon

REFERENCE = Path(__file__).resolve().parents[3] / "data" / "som_reference.toml"


@pytest.fixture(scope="module")
def report():
    src = paths.sources_dir()
    clean = [(src / n).read_text(encoding="utf-8") for n in CLEAN_SOURCES]
    text = (src / som_report.SOURCE).read_text(encoding="utf-8")
    return som_report.read_report(text, clean, Lexicon.from_texts(clean))


@pytest.fixture(scope="module")
def measured(report):
    reference = som_measure.load_reference(REFERENCE)
    by_id = {p.id: p for p in report.paragraphs}
    total = som_measure.Score()
    for pid, words in reference.items():
        p = by_id[pid]
        total.add(som_measure.score(som_measure.tokens_of(p.text, p.uncertain), words))
    order = som_measure.score_order(
        som_measure.load_visual_order(REFERENCE),
        {p.id: p.reordered for p in report.paragraphs},
        {p.id: p.order_doubt for p in report.paragraphs},
        {p.id: len(p.lines) for p in report.paragraphs})
    return reference, total, order


def test_reference_has_ten_real_paragraphs_with_readable_words(measured):
    reference, total, _ = measured
    assert len(reference) >= 10
    assert total.reference >= 300           # words read by hand, «?» left out


def test_words_marked_certain_are_right_98_percent(measured):
    _, total, _ = measured
    assert total.certain >= 200             # not by marking nothing certain
    assert total.precision >= 0.98, total.wrong_certain.most_common()


def test_systematic_false_readings_are_never_certain(report):
    for p in report.paragraphs:
        for word, certain in som_measure.tokens_of(p.text, p.uncertain):
            if certain:
                assert word not in {"فريق", "يعول", "كبير", "جرت", "جدول"}, (p.id, word)


def test_visual_order_lines_are_rotated_back_or_marked(measured):
    _, _, order = measured
    assert order.lines >= 5
    assert order.restored + order.marked >= 0.8 * order.lines


def test_shown_figures_are_the_measured_ones(measured):
    reference, total, order = measured
    assert som_report.MEASURED == {
        "paragraphs": len(reference),
        "certain_precision": int(100 * total.precision),      # rounded down: never flattering
        "word_accuracy": int(100 * total.accuracy),
        "order_lines": order.lines,
        "order_handled": order.restored + order.marked,
    }


def test_reader_notes_say_what_was_measured(content_db):
    note = content_db.execute("SELECT quality_note FROM documents WHERE id = 'som-wg-2020'"
                              ).fetchone()[0]
    m = som_report.MEASURED
    assert f"عينة مرجعية من {m['paragraphs']} فقرة" in note
    assert f"{m['certain_precision']}٪" in note and f"{m['word_accuracy']}٪" in note
    assert "مقروءة" not in note and "83" not in note       # the old, unmeasured claims
    notes = [r[0] for r in content_db.execute(
        "SELECT note FROM paragraph_quality WHERE document = 'som-wg-2020'")]
    assert all("قُرئت" not in n or "يدوياً" in n for n in notes)
    assert any("ترتيب الكلمات غير مؤكد في السطر" in n for n in notes)
    r3 = content_db.execute("SELECT note FROM paragraph_quality WHERE paragraph_id = 'som:r3'"
                            ).fetchone()[0]
    assert "أعاد المفكك ترتيب السطر 1" in r3
    spans = json.loads(content_db.execute(
        "SELECT uncertain FROM paragraph_quality WHERE paragraph_id = 'som:r3'").fetchone()[0])
    assert spans                                           # its uncertain words are marked


# --- the measures themselves ------------------------------------------------------

def test_reference_words_are_bare_and_keep_unknowns():
    assert som_measure.reference_words("تهريبُ المهاجرين، ? «برًّا»") == [
        "تهريب", "المهاجرين", som_measure.UNKNOWN, "برا"]


def test_score_counts_certain_words_right_and_wrong_and_words_recovered():
    reference = ["تهريب", "المهاجرين", som_measure.UNKNOWN, "برا"]
    tokens = [("تهريب", True), ("المهاجرين", False), ("بحرا", True), ("برا", True), ("12", True)]
    s = som_measure.score(tokens, reference)
    assert (s.certain, s.certain_right) == (3, 2)
    assert s.wrong_certain == {"بحرا": 1}
    assert s.reference == 3 and s.recovered == 3      # «?» never matches
    assert s.precision == 2 / 3 and s.accuracy == 1.0
    total = som_measure.Score()
    total.add(s)
    total.add(s)
    assert (total.certain, total.recovered, total.wrong_certain["بحرا"]) == (6, 6, 2)


def test_an_empty_score_is_precise_and_recovers_nothing():
    s = som_measure.score([], [])
    assert s.precision == 1.0 and s.accuracy == 0.0


def test_tokens_of_reads_certainty_from_the_uncertain_spans():
    text = "تهريب المهاجرين برا"
    start = text.index("المهاجرين")
    assert som_measure.tokens_of(text, [[start, start + 3]]) == [
        ("تهريب", True), ("المهاجرين", False), ("برا", True)]


def test_score_order_meets_the_hand_read_lines():
    s = som_measure.score_order(visual={"p": [2, 3]}, reordered={"p": [2]},
                                doubted={"p": [3, 4]}, line_counts={"p": 4})
    assert (s.lines, s.restored, s.marked, s.false_marks) == (2, 1, 1, 1)
