"""desktop/userdata/notes.py: several dated notes per paragraph, edited
(keeping their creation date), deleted; blank notes refused."""

from __future__ import annotations

import pytest

from desktop.userdata import SelectionStore


@pytest.fixture
def store(tmp_path):
    s = SelectionStore(tmp_path / "userdata.sqlite")
    yield s
    s.close()


def test_several_dated_notes_per_paragraph(store):
    a = store.add_note("A07/13", "  تُذكر في الجلسة  ")
    b = store.add_note("A07/13", "انظر القرار 6/4")
    c = store.add_note("A07/14", "ثالثة")
    assert a.text == "تُذكر في الجلسة"
    assert a.created.endswith("Z") and a.created == a.modified
    assert [n.text for n in store.notes("A07/13")] == ["تُذكر في الجلسة", "انظر القرار 6/4"]
    assert store.noted_paragraphs() == {"A07/13", "A07/14"}
    store.edit_note(b.id, "انظر القرار 4/6")
    assert store.note(b.id).text == "انظر القرار 4/6"
    assert store.note(b.id).created == b.created
    with pytest.raises(ValueError):
        store.add_note("A07/13", "   ")
    store.delete_note(c.id)
    assert store.noted_paragraphs() == {"A07/13"}
    assert list(store.notes_for(["A07/13", "X"])) == ["A07/13"]
