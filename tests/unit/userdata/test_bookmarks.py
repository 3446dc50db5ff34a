"""desktop/userdata/bookmarks.py: bookmarks in folders (add once per folder,
rename, move, merge on move, delete; folders added, renamed, deleted)."""

from __future__ import annotations

import pytest

from desktop.userdata import FolderExists, SelectionStore


@pytest.fixture
def store(tmp_path):
    s = SelectionStore(tmp_path / "userdata.sqlite")
    yield s
    s.close()


def test_bookmarks_in_folders_rename_move_delete(store):
    first = store.add_bookmark("A07/13", "حماية الشهود", "COP 13")
    assert first.folder == "COP 13" and first.title == "حماية الشهود"
    assert store.add_bookmark("A07/13", "again", "COP 13") is None  # once per folder
    loose = store.add_bookmark("B6-r4/pp1")
    assert loose.folder == ""
    assert store.is_bookmarked("A07/13") and not store.is_bookmarked("A07/14")
    assert store.bookmark_folders() == ["COP 13"]

    store.rename_bookmark(first.id, "  الشهود  ")
    assert store.bookmark(first.id).title == "الشهود"
    store.add_bookmark_folder("فارغ")
    assert store.bookmark_folders() == ["COP 13", "فارغ"]
    store.rename_bookmark_folder("COP 13", "المؤتمر 13")
    assert [b.folder for b in store.bookmarks("المؤتمر 13")] == ["المؤتمر 13"]
    with pytest.raises(FolderExists):
        store.rename_bookmark_folder("المؤتمر 13", "فارغ")

    store.move_bookmark(loose.id, "فارغ")
    assert [b.paragraph_id for b in store.bookmarks("فارغ")] == ["B6-r4/pp1"]
    # moving onto the same paragraph in the target folder merges the two
    twin = store.add_bookmark("B6-r4/pp1")
    store.move_bookmark(twin.id, "فارغ")
    assert len(store.bookmarks("فارغ")) == 1 and store.bookmarks("") == []

    store.delete_bookmark(first.id)
    assert store.bookmarks("المؤتمر 13") == []
    assert store.delete_bookmark_folder("فارغ") == 1
    assert store.bookmark_folders() == ["المؤتمر 13"]
    assert store.bookmarks() == []
