"""Notes on paragraphs: mixed into the user-data store (store.py).

Plain text, several per paragraph, each with the date it was written (and
last changed). Every method is one transaction, like the rest of the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from desktop.userdata.stamps import utc_now
from desktop.userdata.store_part import StorePart


@dataclass(frozen=True)
class Note:
    id: int
    paragraph_id: str
    text: str
    created: str
    modified: str


_COLUMNS = "id, paragraph_id, text, created, modified"


class NotesMixin(StorePart):
    def notes(self, paragraph_id: str | None = None) -> list[Note]:
        """One paragraph's notes (or all), oldest first."""
        if paragraph_id is None:
            rows = self._conn.execute(
                f"SELECT {_COLUMNS} FROM notes ORDER BY id").fetchall()
        else:
            rows = self._conn.execute(
                f"SELECT {_COLUMNS} FROM notes WHERE paragraph_id=? ORDER BY id",
                (paragraph_id,)).fetchall()
        return [Note(*r) for r in rows]

    def notes_for(self, paragraph_ids: Iterable[str]) -> dict[str, list[Note]]:
        """Notes of several paragraphs at once (printing a selection)."""
        wanted = set(paragraph_ids)
        out: dict[str, list[Note]] = {}
        for note in self.notes():
            if note.paragraph_id in wanted:
                out.setdefault(note.paragraph_id, []).append(note)
        return out

    def note(self, note_id: int) -> Note | None:
        row = self._conn.execute(f"SELECT {_COLUMNS} FROM notes WHERE id=?", (note_id,)).fetchone()
        return Note(*row) if row else None

    def noted_paragraphs(self) -> set[str]:
        """Paragraphs with at least one note (the reader marks them)."""
        return {r[0] for r in self._conn.execute("SELECT DISTINCT paragraph_id FROM notes")}

    def add_note(self, paragraph_id: str, text: str) -> Note:
        text = text.strip()
        if not text:
            raise ValueError("a note needs text")
        now = utc_now()
        with self._guarded("add a note"), self._transaction() as conn:
            cur = conn.execute(
                "INSERT INTO notes (paragraph_id, text, created, modified) VALUES (?, ?, ?, ?)",
                (paragraph_id, text, now, now))
            note = self.note(cur.lastrowid) if cur.lastrowid is not None else None
            assert note is not None     # just written, in this transaction
            return note

    def edit_note(self, note_id: int, text: str) -> None:
        text = text.strip()
        if not text:
            raise ValueError("a note needs text")
        with self._guarded("change the note"), self._transaction() as conn:
            conn.execute("UPDATE notes SET text=?, modified=? WHERE id=?",
                         (text, utc_now(), note_id))

    def delete_note(self, note_id: int) -> None:
        with self._guarded("delete the note"), self._transaction() as conn:
            conn.execute("DELETE FROM notes WHERE id=?", (note_id,))
