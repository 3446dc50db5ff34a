"""Finding notes by their words, folded like the texts' search."""

from desktop.userdata import SelectionStore
from desktop.userdata.note_search import search_notes


def test_words_fold_and_mark(tmp_path):
    with SelectionStore(tmp_path / "u.sqlite") as s:
        s.add_note("A07/13", "تُعرض على <الوفد> في الاجتماع القادم")
        s.add_note("A07/14", "حماية للشهود")
        s.add_note("A07/15", "لا صلة")
        notes = s.notes()
    hits = search_notes(notes, "اجتماع الوفد")
    assert [h.note.paragraph_id for h in hits] == ["A07/13"]
    assert "<mark>&lt;الوفد&gt;</mark>" in hits[0].snippet_html
    assert "<mark>الاجتماع</mark>" in hits[0].snippet_html
    assert "<الوفد>" not in hits[0].snippet_html  # escaped
    assert [h.note.paragraph_id for h in search_notes(notes, "الشُّهود")] == ["A07/14"]
    assert search_notes(notes, "اجتماع غائبة") == []
    # nothing typed: every note, newest first
    assert [h.note.paragraph_id for h in search_notes(notes, "")] == ["A07/15", "A07/14", "A07/13"]
