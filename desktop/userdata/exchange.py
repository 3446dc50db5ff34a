"""Bookmarks, notes and named selections in one file a colleague can import.

The file is JSON::

    {"format": "unodc-ta-compendium/userdata", "version": 1,
     "bookmarks": [{"paragraph": "A07/13", "folder": "COP 13", "title": "..."}],
     "notes": [{"paragraph": "A07/13", "text": "...", "created": "2026-12-01T10:00:00Z"}],
     "selections": [{"name": "...", "items": ["A07/13", "B4-d3/l9.q2"]}]}

Paragraphs are the content dump's ids. Import checks the whole file first
(a malformed one is refused with an Arabic message and changes nothing),
then merges in ONE transaction: a bookmark already in its folder, a note
already on its paragraph with the same text and date, and a selection
already held under its name or a numbered copy of it are skipped; a
selection whose name is taken by other items gets a new name.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from desktop.export.files import ExportError, write_text_atomically
from desktop.userdata.stamps import parse as parse_stamp, utc_now

if TYPE_CHECKING:
    from desktop.userdata.bookmarks import Bookmark
    from desktop.userdata.store import SelectionStore

FORMAT = "unodc-ta-compendium/userdata"
VERSION = 1


class ExchangeError(Exception):
    """The file cannot be read, written or imported; the message is Arabic."""


@dataclass
class ImportReport:
    bookmarks: int = 0
    notes: int = 0
    #: (name in the file, name it was stored under)
    selections: list[tuple[str, str]] = field(default_factory=list)

    def added_anything(self) -> bool:
        return bool(self.bookmarks or self.notes or self.selections)

    def lines(self) -> list[str]:
        """What was added, in Arabic, one line each."""
        out = [f"العلامات المرجعية المضافة: {self.bookmarks}",
               f"الملاحظات المضافة: {self.notes}",
               f"المختارات المضافة: {len(self.selections)}"]
        for original, stored in self.selections:
            if original != stored:
                out.append(f"«{original}» موجودة من قبل، فأُضيفت باسم «{stored}»")
        return out


# ---- export ---------------------------------------------------------------

def export_document(userdata: SelectionStore) -> dict:
    """Everything the user keeps (the working selection aside), in file order."""
    return {
        "format": FORMAT, "version": VERSION,
        "bookmarks": [{"paragraph": b.paragraph_id, "folder": b.folder, "title": b.title}
                      for b in _bookmarks_in_order(userdata)],
        "notes": [{"paragraph": n.paragraph_id, "text": n.text, "created": n.created}
                  for n in userdata.notes()],
        "selections": [{"name": name, "items": userdata.named_items(name)}
                       for name in _selection_names_in_order(userdata)],
    }


def export_file(userdata: SelectionStore, path: str | Path) -> dict:
    """Write the export to ``path`` atomically; returns what was written."""
    document = export_document(userdata)
    try:
        write_text_atomically(path, json.dumps(document, ensure_ascii=False, indent=1) + "\n")
    except ExportError as exc:
        raise ExchangeError(str(exc)) from None
    return document


def _bookmarks_in_order(userdata: SelectionStore) -> list[Bookmark]:
    return sorted(userdata.bookmarks(), key=lambda b: b.id)


def _selection_names_in_order(userdata: SelectionStore) -> list[str]:
    rows = userdata._conn.execute(
        "SELECT name FROM selections WHERE name IS NOT NULL ORDER BY id").fetchall()
    return [r[0] for r in rows]


# ---- reading and checking --------------------------------------------------

def read_file(path: str | Path) -> dict:
    """The file's document, checked; ExchangeError (Arabic) if anything is wrong."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ExchangeError(f"تعذّرت قراءة الملف {path}: {exc.strerror}") from None
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ExchangeError("الملف ليس نصاً بترميز UTF-8، فلا يمكن استيراده.") from None
    except json.JSONDecodeError as exc:
        raise ExchangeError(
            f"الملف ليس ملف JSON صالحاً (خطأ في السطر {exc.lineno})، فلم يُستورد شيء.") from None
    return check_document(document)


def check_document(document: object) -> dict:
    """Refuse anything that is not exactly the exchange format."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ExchangeError("هذا الملف ليس ملف بيانات شخصية لهذا التطبيق، فلم يُستورد شيء.")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ExchangeError("رقم إصدار الملف مفقود أو غير صالح، فلم يُستورد شيء.")
    if version != VERSION:
        raise ExchangeError(f"إصدار الملف {version} لا يقرؤه هذا البرنامج "
                            f"(يقرأ الإصدار {VERSION})، فلم يُستورد شيء.")
    for key in ("bookmarks", "notes", "selections"):
        if not isinstance(document.get(key, []), list):
            raise ExchangeError(f"الحقل «{key}» يجب أن يكون قائمة، فلم يُستورد شيء.")

    def bad(key: str, number: int, why: str) -> ExchangeError:
        return ExchangeError(f"العنصر {number} من «{key}» غير صالح: {why}. لم يُستورد شيء.")

    def text(entry: dict, name: str, key: str, number: int, required: bool = True) -> str:
        value = entry.get(name, None if required else "")
        if not isinstance(value, str) or (required and not value.strip()):
            raise bad(key, number, f"الحقل «{name}» مفقود أو ليس نصاً")
        return value

    for number, entry in enumerate(document.get("bookmarks", []), 1):
        if not isinstance(entry, dict):
            raise bad("bookmarks", number, "ليس كائناً")
        text(entry, "paragraph", "bookmarks", number)
        text(entry, "folder", "bookmarks", number, required=False)
        text(entry, "title", "bookmarks", number, required=False)
    for number, entry in enumerate(document.get("notes", []), 1):
        if not isinstance(entry, dict):
            raise bad("notes", number, "ليس كائناً")
        text(entry, "paragraph", "notes", number)
        text(entry, "text", "notes", number)
        try:
            parse_stamp(text(entry, "created", "notes", number))
        except ValueError:
            raise bad("notes", number, "التاريخ «created» ليس تاريخاً بصيغة ISO") from None
    for number, entry in enumerate(document.get("selections", []), 1):
        if not isinstance(entry, dict):
            raise bad("selections", number, "ليس كائناً")
        text(entry, "name", "selections", number)
        items = entry.get("items")
        if not isinstance(items, list) or not all(isinstance(i, str) and i for i in items):
            raise bad("selections", number, "الحقل «items» يجب أن يكون قائمة معرّفات فقرات")
    return document


def unknown_paragraphs(document: dict, known: Callable[[Iterable[str]], set[str]]) -> list[str]:
    """Paragraph ids of the file that ``known(ids)`` does not return."""
    ids = [e["paragraph"] for e in document.get("bookmarks", [])]
    ids += [e["paragraph"] for e in document.get("notes", [])]
    for sel in document.get("selections", []):
        ids += sel["items"]
    ids = list(dict.fromkeys(ids))
    found = known(ids)
    return [pid for pid in ids if pid not in found]


# ---- import -----------------------------------------------------------------

def import_document(userdata: SelectionStore, document: dict,
                    known: Callable[[Iterable[str]], set[str]] | None = None) -> ImportReport:
    """Merge a checked document into the store in one transaction.

    ``known(ids)`` (the content database's existing ids), when given, makes
    a file naming paragraphs this edition does not have refused whole."""
    document = check_document(document)
    if known is not None:
        missing = unknown_paragraphs(document, known)
        if missing:
            shown = "، ".join(missing[:8]) + ("…" if len(missing) > 8 else "")
            raise ExchangeError(
                f"في الملف فقرات ليست في هذه الخلاصة ({len(missing)}): {shown}. لم يُستورد شيء.")
    report = ImportReport()
    with userdata._guarded("import user data"), userdata._transaction() as conn:
        for entry in document.get("bookmarks", []):
            folder = entry.get("folder", "").strip()
            if folder:
                conn.execute("INSERT OR IGNORE INTO bookmark_folders VALUES (?, ?)",
                             (folder, utc_now()))
            report.bookmarks += conn.execute(
                "INSERT OR IGNORE INTO bookmarks (paragraph_id, folder, title, created) "
                "VALUES (?, ?, ?, ?)",
                (entry["paragraph"].strip(), folder, entry.get("title", "").strip(),
                 utc_now())).rowcount
        for entry in document.get("notes", []):
            pid, body, created = entry["paragraph"].strip(), entry["text"].strip(), entry["created"]
            if conn.execute("SELECT 1 FROM notes WHERE paragraph_id=? AND text=? AND created=?",
                            (pid, body, created)).fetchone():
                continue
            conn.execute("INSERT INTO notes (paragraph_id, text, created, modified) "
                         "VALUES (?, ?, ?, ?)", (pid, body, created, created))
            report.notes += 1
        for entry in document.get("selections", []):
            stored = _import_selection(userdata, conn, entry["name"].strip(),
                                       list(dict.fromkeys(i.strip() for i in entry["items"])))
            if stored:
                report.selections.append((entry["name"].strip(), stored))
    return report


def _import_selection(userdata: SelectionStore, conn: sqlite3.Connection, name: str,
                      items: list[str]) -> str | None:
    """Store a selection under its name or the first free «name (n)»; None
    when the same items are already held under one of those names."""
    candidate, n = name, 1
    while True:
        row = conn.execute("SELECT id FROM selections WHERE name=?", (candidate,)).fetchone()
        if row is None:
            break
        if userdata._ids(row[0]) == items:
            return None
        n += 1
        candidate = f"{name} ({n})"
    sel_id = conn.execute("INSERT INTO selections (name, saved_at) VALUES (?, ?)",
                          (candidate, utc_now())).lastrowid
    assert sel_id is not None       # an INSERT into a rowid table sets it
    userdata._write_items(conn, sel_id, items)
    return candidate


def import_file(userdata: SelectionStore, path: str | Path,
                known: Callable[[Iterable[str]], set[str]] | None = None) -> ImportReport:
    return import_document(userdata, read_file(path), known)
