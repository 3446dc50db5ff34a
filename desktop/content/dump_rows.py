"""The dump's paragraph objects, one shape for every document's stage.

`python -m desktop.content dump` is compared line by line between builds, so
each stage's paragraphs must come out with the same keys in the same order;
stages add their own keys (report paragraph, corrections, quality) at the end.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
import json
from collections.abc import Callable, Iterable, Iterator
from types import SimpleNamespace

from desktop.content.citations import cite

if TYPE_CHECKING:
    import sqlite_utils


def footnotes_by_paragraph(db: sqlite_utils.Database, documents: Iterable[str]) -> dict[str, list[dict]]:
    """The footnotes of `documents`, by paragraph id, in number order."""
    documents = list(documents)
    out: dict[str, list[dict]] = {}
    for fn in db.query(
            f"SELECT * FROM footnotes WHERE document IN ({','.join('?' * len(documents))}) "
            "ORDER BY number", documents):
        out.setdefault(fn["paragraph_id"], []).append(
            {"number": fn["number"], "text": fn["text"], "offset": fn["marker_offset"]})
    return out


def paragraph_objects(db: sqlite_utils.Database, documents: Iterable[str],
                      extra: Callable[[dict], dict]) -> Iterator[dict]:
    """A ``{"type": "paragraph", ...}`` object for each paragraph of `documents`, in
    reading order; `extra(row)` gives the keys that follow ``footnotes``."""
    documents = list(documents)
    footnotes = footnotes_by_paragraph(db, documents)
    records = {d["id"]: SimpleNamespace(**d) for d in db.query("SELECT * FROM documents")}
    for row in db.query(
            f"""SELECT p.*, u.heading AS unit_heading FROM paragraphs p
                JOIN nodes u ON u.id = p.unit_id
                WHERE p.document IN ({','.join('?' * len(documents))}) ORDER BY p.sort""",
            documents):
        yield {
            "type": "paragraph", "id": row["id"], "document": row["document"],
            # THE citation (naming the document), not the parser's local place
            "citation": cite(SimpleNamespace(**row), records.get(row["document"])).short,
            "symbol": row["symbol"], "part": row["part"],
            "unit": row["unit_heading"], "label": row["label"],
            "label_path": json.loads(row["label_path"]), "kind": row["kind"],
            "text": row["text"], "footnotes": footnotes.get(row["id"], []),
            **extra(row),
        }


def node_objects(db: sqlite_utils.Database, documents: Iterable[str],
                 extra: Callable[[dict], dict] = lambda row: {}) -> Iterator[dict]:
    """A ``{"type": "node", ...}`` object for each node of `documents`, in tree order."""
    documents = list(documents)
    for row in db.query(
            f"SELECT * FROM nodes WHERE document IN ({','.join('?' * len(documents))}) "
            "ORDER BY sort", documents):
        yield {"type": "node", "id": row["id"], "document": row["document"],
               "kind": row["kind"], "parent": row["parent_id"], "heading": row["heading"],
               "title": row["title"], "dates": row["dates"], "symbol": row["symbol"],
               **extra(row)}
