"""Bookmarks in folders: mixed into the user-data store (store.py).

A bookmark is a paragraph id in a folder ('' is the top level) with a title
the user may change. A paragraph is bookmarked at most once per folder.
Folders are kept in their own table so an empty one survives. Every method
is one transaction, like the rest of the store.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.userdata.stamps import utc_now
from desktop.userdata.store_part import StorePart


@dataclass(frozen=True)
class Bookmark:
    id: int
    paragraph_id: str
    folder: str
    title: str
    created: str


class FolderExists(Exception):
    """A bookmark folder with that name already exists."""


_COLUMNS = "id, paragraph_id, folder, title, created"


class BookmarksMixin(StorePart):
    def bookmarks(self, folder: str | None = None) -> list[Bookmark]:
        """All bookmarks (or one folder's), folders in name order, each in the
        order added."""
        if folder is None:
            rows = self._conn.execute(
                f"SELECT {_COLUMNS} FROM bookmarks ORDER BY folder, id").fetchall()
        else:
            rows = self._conn.execute(
                f"SELECT {_COLUMNS} FROM bookmarks WHERE folder=? ORDER BY id",
                (folder,)).fetchall()
        return [Bookmark(*r) for r in rows]

    def bookmark(self, bookmark_id: int) -> Bookmark | None:
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM bookmarks WHERE id=?", (bookmark_id,)).fetchone()
        return Bookmark(*row) if row else None

    def bookmark_folders(self) -> list[str]:
        """Named folders (the top level '' not included), in name order."""
        rows = self._conn.execute(
            "SELECT name FROM bookmark_folders UNION "
            "SELECT folder FROM bookmarks WHERE folder != '' ORDER BY 1").fetchall()
        return [r[0] for r in rows]

    def is_bookmarked(self, paragraph_id: str) -> bool:
        return self._conn.execute(
            "SELECT 1 FROM bookmarks WHERE paragraph_id=? LIMIT 1",
            (paragraph_id,)).fetchone() is not None

    def add_bookmark(self, paragraph_id: str, title: str = "", folder: str = "") -> Bookmark | None:
        """Bookmark a paragraph; None if it is already in that folder."""
        folder = folder.strip()
        with self._guarded("add a bookmark"), self._transaction() as conn:
            if folder:
                conn.execute("INSERT OR IGNORE INTO bookmark_folders VALUES (?, ?)",
                             (folder, utc_now()))
            cur = conn.execute(
                "INSERT OR IGNORE INTO bookmarks (paragraph_id, folder, title, created) "
                "VALUES (?, ?, ?, ?)", (paragraph_id, folder, title.strip(), utc_now()))
            if not cur.rowcount or cur.lastrowid is None:   # already there: ignored
                return None
            return self.bookmark(cur.lastrowid)

    def rename_bookmark(self, bookmark_id: int, title: str) -> None:
        with self._guarded("rename the bookmark"), self._transaction() as conn:
            conn.execute("UPDATE bookmarks SET title=? WHERE id=?", (title.strip(), bookmark_id))

    def move_bookmark(self, bookmark_id: int, folder: str) -> None:
        """Put a bookmark in another folder; if the paragraph is already
        bookmarked there, the two become one."""
        folder = folder.strip()
        with self._guarded("move the bookmark"), self._transaction() as conn:
            if folder:
                conn.execute("INSERT OR IGNORE INTO bookmark_folders VALUES (?, ?)",
                             (folder, utc_now()))
            moved = conn.execute("UPDATE OR IGNORE bookmarks SET folder=? WHERE id=?",
                                 (folder, bookmark_id)).rowcount
            if not moved:  # the same paragraph is there already
                conn.execute("DELETE FROM bookmarks WHERE id=?", (bookmark_id,))

    def delete_bookmark(self, bookmark_id: int) -> None:
        with self._guarded("delete the bookmark"), self._transaction() as conn:
            conn.execute("DELETE FROM bookmarks WHERE id=?", (bookmark_id,))

    def add_bookmark_folder(self, name: str) -> str:
        name = name.strip()
        if not name:
            raise ValueError("a folder needs a name")
        with self._guarded("add a folder"), self._transaction() as conn:
            conn.execute("INSERT OR IGNORE INTO bookmark_folders VALUES (?, ?)", (name, utc_now()))
        return name

    def rename_bookmark_folder(self, old: str, new: str) -> None:
        """Rename a folder, its bookmarks following it; FolderExists if taken."""
        new = new.strip()
        if not new or not old:
            raise ValueError("a folder needs a name")
        if new == old:
            return
        with self._guarded("rename the folder"), self._transaction() as conn:
            if new in self.bookmark_folders():
                raise FolderExists(new)
            conn.execute("UPDATE bookmark_folders SET name=? WHERE name=?", (new, old))
            conn.execute("INSERT OR IGNORE INTO bookmark_folders VALUES (?, ?)", (new, utc_now()))
            conn.execute("UPDATE bookmarks SET folder=? WHERE folder=?", (new, old))

    def delete_bookmark_folder(self, name: str) -> int:
        """Delete a folder and its bookmarks; returns how many bookmarks went."""
        with self._guarded("delete the folder"), self._transaction() as conn:
            gone = conn.execute("DELETE FROM bookmarks WHERE folder=?", (name,)).rowcount
            conn.execute("DELETE FROM bookmark_folders WHERE name=?", (name,))
            return gone
