"""desktop/userdata/store_part.py: the parts mixed into the user-data store
(bookmarks, notes) write through the store's one connection and its
transactions: what StorePart declares, SelectionStore provides."""

from __future__ import annotations

import sqlite3

from desktop.userdata.bookmarks import BookmarksMixin
from desktop.userdata.notes import NotesMixin
from desktop.userdata.store import SelectionStore
from desktop.userdata.store_part import StorePart


def test_bookmarks_and_notes_are_parts_of_the_store():
    for part in (BookmarksMixin, NotesMixin):
        assert issubclass(part, StorePart) and issubclass(SelectionStore, part)


def test_the_store_provides_what_a_part_uses(tmp_path):
    with SelectionStore(tmp_path / "userdata.sqlite") as userdata:
        assert isinstance(userdata._conn, sqlite3.Connection)
        with userdata._guarded("test"), userdata._transaction() as conn:
            assert conn is userdata._conn
        # a part's write is visible through the store's other parts at once
        userdata.add_bookmark("A07/13")
        userdata.add_note("A07/13", "ملاحظة")
        assert userdata.is_bookmarked("A07/13") and userdata.noted_paragraphs() == {"A07/13"}
