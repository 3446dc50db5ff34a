"""The records the store hands out: built from rows whatever columns the
row has, and the little each record knows about itself."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.content.database import DamagedText
from desktop.content.records import Footnote, IndexEntry, Theme, from_row


def _row(sql: str) -> sqlite3.Row:
    conn = sqlite3.connect(":memory:")
    conn.row_factory = sqlite3.Row
    return conn.execute(sql).fetchone()


def test_from_row_takes_the_columns_it_knows_and_the_overrides():
    row = _row("SELECT 7 AS id, 'حماية الشهود' AS name, 3 AS sort, 'x' AS unknown_column")
    assert from_row(Theme, row) == Theme(7, "حماية الشهود", 3)
    assert from_row(Theme, row, entry_count=5).entry_count == 5


def test_from_row_without_a_required_column_fails():
    with pytest.raises(TypeError):
        from_row(Theme, _row("SELECT 7 AS id"))


def test_footnote_sign_and_what_an_ibid_note_shows():
    note = Footnote("n1", 0, "A07/13", None, "المرجع نفسه.", repeats="الوثيقة س")
    assert note.sign == "*"
    assert note.shown == "المرجع نفسه. [الوثيقة س]"
    plain = Footnote("n2", 4, "A07/13", 10, "نص الحاشية")
    assert (plain.sign, plain.shown) == ("4", "نص الحاشية")


def test_an_index_entry_is_resolved_only_with_targets():
    entry = IndexEntry(1, 1, None, None, None, "سابعاً-13", "resolved", ("A07/13",))
    assert entry.resolved
    assert not IndexEntry(1, 1, None, None, None, "x", "resolved").resolved
    assert not IndexEntry(1, 1, None, None, None, "x", "unresolved", ("A07/13",)).resolved


def test_damaged_text_is_known_by_its_type():
    from desktop.content.records import Paragraph

    fields = {name: None for name in Paragraph.__dataclass_fields__}
    fields.update(id="p", text=DamagedText("نص \ufffd"))
    assert Paragraph(**fields).damaged
    fields["text"] = "نص"
    assert not Paragraph(**fields).damaged
