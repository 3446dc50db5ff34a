"""The read API over the content database that every view uses.

The app's views never run SQL: they ask a ``ContentStore`` for nodes,
paragraphs, footnotes, links and index entries, and get small immutable
records back (desktop.content.records). The store opens the database
read-only and refuses one it cannot read (missing, corrupt, another schema
version) with a ``StoreError`` whose message says what to do.

Every table is declared in desktop.content.schema and the opener checks
the schema version, so the store reads tables without probing for them; a
build stage that found nothing leaves its tables empty, and the store
answers with empty lists.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from pathlib import Path
from typing import Iterable, Sequence

from desktop.content import citations
from desktop.content.database import ContentDatabaseError, damaged_rows, open_readonly, reading
from desktop.content.records import (Document, Footnote, IndexEntry, Link, Node, Paragraph, Theme,
                                     from_row)


#: The store's errors are the opener's (missing, corrupt, schema).
StoreError = ContentDatabaseError
#: paragraphs kept by ``paragraph(id)``: one open of the reader asks for the
#: same paragraph ~6 times (the reader, the window, the panels), a query and
#: a citation each (issue 17)
PARAGRAPH_CACHE = 64


def _paragraph(row: sqlite3.Row, documents: dict[str, "Document"]) -> Paragraph:
    try:
        path = tuple(json.loads(row["label_path"] or "[]"))
    except ValueError:
        path = ()
    para = from_row(Paragraph, row, label_path=path,
                    report_paragraph_certain=bool(row["report_paragraph_certain"]),
                    depth=row["depth"] or 0, local_citation=row["citation"])
    short = citations.cite(para, documents.get(para.document)).short
    return dataclasses.replace(para, citation=short)


# --- the store -----------------------------------------------------------

def open_store(path: Path | str) -> "ContentStore":
    """Open the content database at ``path`` read-only (desktop.content.database);
    StoreError if unusable."""
    conn = open_readonly(path)
    conn.row_factory = sqlite3.Row
    return ContentStore(conn, Path(path))


class ContentStore:
    """Read-only queries over one content database."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self._conn = conn
        self.path = path
        self._node_cache: dict[str, Node] = {}
        self._paragraph_cache: dict[str, Paragraph] = {}
        self._document_cache: dict[str, Document] | None = None
        self._parents: frozenset[str] | None = None

    def close(self) -> None:
        self._conn.close()

    def _rows(self, sql: str, params: Sequence[object] = ()) -> list[sqlite3.Row]:
        # the cursor's own row factory: a connection handed in by another
        # reader (ContentStore.over) keeps whatever rows it gives its owner;
        # a page found damaged mid-query is DatabaseCorrupt
        cursor = self._conn.cursor()
        cursor.row_factory = sqlite3.Row
        with reading(self.path):
            return cursor.execute(sql, params).fetchall()

    def _rows_in(self, sql: str, ids: list[str]) -> list[sqlite3.Row]:
        """The rows of ``sql`` for ``ids``, its "{marks}" the placeholders of an
        IN list: 500 ids a query (below SQLite's limit on parameters)."""
        rows: list[sqlite3.Row] = []
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            rows += self._rows(sql.format(marks=",".join("?" * len(chunk))), chunk)
        return rows

    @classmethod
    def over(cls, conn: sqlite3.Connection, path: Path | str = "") -> "ContentStore":
        """A store reading an already open content database connection."""
        return cls(conn, Path(path))

    def _documents(self) -> dict[str, Document]:
        if self._document_cache is None:
            self._document_cache = {d.id: d for d in self.documents()}
        return self._document_cache

    # citations

    def citation(self, para: "Paragraph | str") -> "citations.Citation":
        """THE citation of a paragraph (short and full forms, quality noted)."""
        if isinstance(para, str):
            found = self.paragraph(para)
            if found is None:
                raise KeyError(para)
            para = found
        row = self._rows("SELECT quality FROM paragraph_quality WHERE paragraph_id = ?",
                         (para.id,))
        quality = row[0]["quality"] if row else ""
        return citations.cite(para, self._documents().get(para.document), quality)

    def damaged_rows(self) -> list[tuple[str, str, str]]:
        """(table, key, column) of every stored text that is not valid UTF-8."""
        with reading(self.path):
            return damaged_rows(self._conn)

    # the quality and correction stages' tables

    def quality_rows(self, paragraph_ids: Iterable[str]) -> dict[str, dict]:
        """paragraph id -> its paragraph_quality row, for those that have one."""
        return {r["paragraph_id"]: r for r in self._rows_for("paragraph_quality", paragraph_ids)}

    def correction_rows(self, table: str, paragraph_ids: Iterable[str]) -> list[dict]:
        """Rows of ``corrections`` or ``text_corrections`` for the paragraphs."""
        if table not in ("corrections", "text_corrections"):
            raise ValueError(table)
        return self._rows_for(table, paragraph_ids)

    def footnote_rows(self, paragraph_ids: Iterable[str]) -> list[dict]:
        """Rows of ``footnotes`` for the paragraphs, as stored (with the
        source line a correction names), for the editorial marks."""
        return self._rows_for("footnotes", paragraph_ids)

    def gap_known(self, node_id: str) -> str | None:
        """What the build knows about a gap node (gaps.known, JSON), or None."""
        rows = self._rows("SELECT known FROM gaps WHERE node_id = ?", (node_id,))
        return rows[0]["known"] if rows else None

    def _rows_for(self, table: str, paragraph_ids: Iterable[str]) -> list[dict]:
        return [dict(r) for r in self._rows_in(
            f"SELECT * FROM {table} WHERE paragraph_id IN ({{marks}})",
            list(dict.fromkeys(paragraph_ids)))]

    def metadata(self) -> dict[str, str]:
        return {r["key"]: r["value"] for r in self._rows("SELECT key, value FROM metadata")}

    # documents and nodes

    def documents(self) -> list[Document]:
        """All documents, the compendium first, then by their sort order."""
        return [from_row(Document, r) for r in self._rows(
            "SELECT * FROM documents ORDER BY id != 'compendium', sort, id")]

    def document(self, document_id: str) -> Document | None:
        rows = self._rows("SELECT * FROM documents WHERE id = ?", (document_id,))
        return from_row(Document, rows[0]) if rows else None

    def node(self, node_id: str) -> Node | None:
        cached = self._node_cache.get(node_id)
        if cached is None:
            rows = self._rows("SELECT * FROM nodes WHERE id = ?", (node_id,))
            if not rows:
                return None
            cached = self._node_cache[node_id] = from_row(Node, rows[0])
        return cached

    def top_nodes(self) -> list[Node]:
        """Nodes without a parent: every document's top nodes, compendium first."""
        rows = self._rows(
            "SELECT n.* FROM nodes n LEFT JOIN documents d ON d.id = n.document "
            "WHERE n.parent_id IS NULL "
            "ORDER BY n.document != 'compendium', d.sort, n.document, n.sort")
        return [self._cache(r) for r in rows]

    def child_nodes(self, node_id: str) -> list[Node]:
        rows = self._rows("SELECT * FROM nodes WHERE parent_id = ? ORDER BY sort",
                          (node_id,))
        return [self._cache(r) for r in rows]

    def _cache(self, row: sqlite3.Row) -> Node:
        node = from_row(Node, row)
        self._node_cache[node.id] = node
        return node

    def children(self, node_id: str | None) -> list[Node | Paragraph]:
        """What the tree shows under a node: its sub-nodes and its own paragraphs,
        in reading order. ``None`` gives the top nodes."""
        if node_id is None:
            return list(self.top_nodes())
        items: list[Node | Paragraph] = [*self.child_nodes(node_id),
                                         *self.node_paragraphs(node_id)]
        # nodes and paragraphs are numbered separately; the source line
        # (within one document) puts a sub-node between its paragraphs.
        # Items of another document (the COP 12 supplement and the gaps under
        # Parts A and B) follow the parent's own, in their sort order.
        parent = self.node(node_id)
        own = parent.document if parent else None
        items.sort(key=lambda item: (item.document != own,
                                     (item.source_line or 0) if item.document == own else 0,
                                     isinstance(item, Paragraph), item.sort))
        return items

    def nodes_with_children(self) -> frozenset[str]:
        """The ids of the nodes that have sub-nodes or paragraphs of their
        own (children() non-empty), read once: whether a node has children
        without loading them (the tree's branch marks)."""
        if self._parents is None:
            rows = self._rows("SELECT parent_id FROM nodes WHERE parent_id IS NOT NULL "
                              "UNION SELECT node_id FROM paragraphs WHERE node_id IS NOT NULL")
            self._parents = frozenset(r[0] for r in rows)
        return self._parents

    def ancestors(self, node_id: str) -> list[Node]:
        """The node and its parents, outermost first."""
        chain: list[Node] = []
        current = self.node(node_id)
        while current is not None and len(chain) < 32:
            chain.append(current)
            current = self.node(current.parent_id) if current.parent_id else None
        return list(reversed(chain))

    # paragraphs

    def paragraph(self, paragraph_id: str) -> Paragraph | None:
        cached = self._paragraph_cache.get(paragraph_id)
        if cached is not None:
            return cached
        rows = self._rows("SELECT * FROM paragraphs WHERE id = ?", (paragraph_id,))
        if not rows:
            return None
        if len(self._paragraph_cache) >= PARAGRAPH_CACHE:
            self._paragraph_cache.clear()
        para = self._paragraph_cache[paragraph_id] = _paragraph(rows[0], self._documents())
        return para

    def cited_as(self, paragraph_id: str) -> str:
        """How the user's lists name a paragraph (bookmarks, notes, the side
        reader, a status message): its citation, else its id; the id itself
        for a paragraph not in this compendium (a colleague's bookmark)."""
        para = self.paragraph(paragraph_id)
        return (para.citation or para.id) if para is not None else paragraph_id

    def paragraphs(self, paragraph_ids: Iterable[str]) -> list[Paragraph]:
        """The given paragraphs that exist, in reading order."""
        rows = self._rows_in("SELECT * FROM paragraphs WHERE id IN ({marks})",
                             list(dict.fromkeys(paragraph_ids)))
        found = [_paragraph(r, self._documents()) for r in rows]
        found.sort(key=lambda p: p.sort)
        return found

    def node_paragraphs(self, node_id: str) -> list[Paragraph]:
        """Paragraphs whose innermost container is this node."""
        return [_paragraph(r, self._documents()) for r in self._rows(
            "SELECT * FROM paragraphs WHERE node_id = ? ORDER BY sort", (node_id,))]

    def unit_paragraphs(self, unit_id: str) -> list[Paragraph]:
        """Every paragraph of a unit (meeting, decision, resolution) in order."""
        return [_paragraph(r, self._documents()) for r in self._rows(
            "SELECT * FROM paragraphs WHERE unit_id = ? ORDER BY sort", (unit_id,))]

    def paragraphs_under(self, node_id: str) -> list[str]:
        """Every paragraph id inside a node (a meeting, a decision, an annex, a
        part), in reading order: "add the whole unit" to a selection."""
        rows = self._rows(
            "WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL "
            "SELECT n.id FROM nodes n JOIN sub ON n.parent_id = sub.id) "
            "SELECT p.id FROM paragraphs p WHERE p.node_id IN (SELECT id FROM sub) "
            "OR p.unit_id = ? ORDER BY p.sort", (node_id, node_id))
        return list(dict.fromkeys(r[0] for r in rows))

    def paragraph_texts(self, paragraph_ids: Iterable[str]) -> dict[str, str]:
        """paragraph id -> its text as stored, for the ids that exist (a search
        result's snippet is cut from it; no record is built)."""
        return {r[0]: r[1] for r in self._rows_in(
            "SELECT id, text FROM paragraphs WHERE id IN ({marks})",
            list(dict.fromkeys(paragraph_ids)))}

    def existing_ids(self, paragraph_ids: Iterable[str]) -> set[str]:
        """Which of the ids are paragraphs in the database."""
        return {r[0] for r in self._rows_in("SELECT id FROM paragraphs WHERE id IN ({marks})",
                                            list(dict.fromkeys(paragraph_ids)))}

    def locator_ids(self, text: str) -> list[str]:
        """Paragraph ids a compendium locator names («الجزء ألف سابعاً-20»),
        through desktop.content.locator_resolver on this store's connection
        (the resolver also serves the build, on the build's own connection).
        desktop.content.locate.resolve is the entry point for what a user types."""
        from desktop.content.locator_resolver import resolve_locator

        with reading(self.path):
            return resolve_locator(self._conn, text)

    def unit_of(self, paragraph_id: str) -> Node | None:
        para = self.paragraph(paragraph_id)
        return self.node(para.unit_id) if para else None

    def first_paragraph(self, node_id: str) -> Paragraph | None:
        """The first paragraph in reading order at or under a node."""
        node = self.node(node_id)
        if node is None:
            return None
        for item in self.children(node_id):
            if isinstance(item, Paragraph):
                return item
            found = self.first_paragraph(item.id)
            if found:
                return found
        return None

    def paragraph_by_citation(self, citation: str, document: str | None = None
                              ) -> Paragraph | None:
        """The paragraph whose place within its document is cited exactly so
        (paragraphs.citation, e.g. "الجزء ألف، سابعاً-13"), in ``document`` if given."""
        text = " ".join(citation.split())
        if document:
            rows = self._rows("SELECT * FROM paragraphs WHERE citation = ? AND document = ? "
                              "ORDER BY sort LIMIT 1", (text, document))
        else:
            rows = self._rows("SELECT * FROM paragraphs WHERE citation = ? ORDER BY sort LIMIT 1",
                              (text,))
        return _paragraph(rows[0], self._documents()) if rows else None

    def paragraph_count(self) -> int:
        return self._rows("SELECT count(*) FROM paragraphs")[0][0]

    def sample_units(self) -> dict[str, Node]:
        """One unit of each kind that has paragraphs (for the self-test)."""
        rows = self._rows(
            "SELECT n.* FROM nodes n WHERE n.id IN "
            "(SELECT unit_id FROM paragraphs) ORDER BY n.sort")
        found: dict[str, Node] = {}
        for row in rows:
            found.setdefault(row["kind"], self._cache(row))
        return found

    # footnotes

    def footnotes(self, paragraph_ids: Iterable[str]) -> list[Footnote]:
        notes = [self._with_repeats(from_row(Footnote, r)) for r in self._rows_in(
            "SELECT * FROM footnotes WHERE paragraph_id IN ({marks})", list(paragraph_ids))]
        notes.sort(key=lambda f: f.number)
        return notes

    def _with_repeats(self, note: Footnote) -> Footnote:
        """An ibid. note gets the nearest earlier note of its document that
        is not itself an ibid. (decision 4/3's note 6 -> note 4 of decision 4/1)."""
        if not citations.is_ibid(note.text) or not note.document:
            return note
        rows = self._rows(
            "SELECT * FROM footnotes WHERE document = ? AND number < ? AND number > 0 "
            "AND text NOT LIKE ? ORDER BY number DESC LIMIT 1",
            (note.document, note.number, citations.IBID + "%"))
        if not rows:
            return note
        source = from_row(Footnote, rows[0])
        para = self.paragraph(source.paragraph_id)
        cite = (para.citation if para else None) or source.paragraph_id
        return dataclasses.replace(note, repeats=citations.ibid_note(
            source.number, cite, source.text))

    # links (from the links stage)

    def links_from(self, paragraph_ids: Iterable[str]) -> list[Link]:
        """Links whose source is one of the given paragraphs."""
        return [self._link(r) for r in self._rows_in(
            "SELECT * FROM links WHERE from_id IN ({marks}) ORDER BY rowid", list(paragraph_ids))]

    def links_to(self, paragraph_id: str) -> list[Link]:
        """Links that point at the paragraph, or at its whole unit."""
        para = self.paragraph(paragraph_id)
        unit = para.unit_id if para else None
        return [self._link(r) for r in self._rows(
            "SELECT * FROM links WHERE to_id = ? OR (to_node = ? AND to_node IS NOT NULL)"
            " ORDER BY to_id != ?, rowid", (paragraph_id, unit, paragraph_id))]

    @staticmethod
    def _link(row: sqlite3.Row) -> Link:
        return Link(from_id=row["from_id"], to_id=row["to_id"], kind=row["kind"],
                    text=row["text"], from_node=row["from_node"], to_node=row["to_node"])

    # the thematic index (from the index stage; its tables always exist, maybe empty)

    def has_index(self) -> bool:
        """Whether the build wrote a thematic index (its tables may be empty)."""
        return bool(self._rows("SELECT 1 FROM themes LIMIT 1"))

    _THEME_SQL = "SELECT t.id, t.label AS name, t.sort"

    def themes(self) -> list[Theme]:
        """Every theme in the index's (alphabetical) order, with its entry count."""
        duplicates = ("(SELECT count(*) FROM index_entries e WHERE e.theme_id = t.id"
                      " AND e.duplicate_of IS NOT NULL)")
        return [from_row(Theme, r) for r in self._rows(
            f"{self._THEME_SQL}, (SELECT count(*) FROM index_entries e"
            f" WHERE e.theme_id = t.id) AS entry_count, {duplicates} AS duplicate_count"
            " FROM themes t ORDER BY t.sort")]

    def theme(self, theme_id: int | str) -> Theme | None:
        rows = self._rows(f"{self._THEME_SQL} FROM themes t WHERE t.id = ?", (theme_id,))
        return from_row(Theme, rows[0]) if rows else None

    def index_entries(self, theme_id: int | str) -> list[IndexEntry]:
        rows = self._rows(
            "SELECT * FROM index_entries WHERE theme_id = ? ORDER BY sort", (theme_id,))
        return [self._entry(r) for r in rows]

    def _entry(self, row: sqlite3.Row) -> IndexEntry:
        targets = tuple(r[0] for r in self._rows(
            "SELECT paragraph_id FROM index_targets WHERE entry_id = ? ORDER BY sort",
            (row["id"],)))
        return from_row(IndexEntry, row, targets=targets)

    def themes_citing(self, paragraph_id: str) -> list[Theme]:
        """Index themes with an entry that targets the paragraph."""
        return [from_row(Theme, r) for r in self._rows(
            f"{self._THEME_SQL} FROM themes t WHERE t.id IN ("
            "SELECT e.theme_id FROM index_entries e JOIN index_targets x"
            " ON x.entry_id = e.id WHERE x.paragraph_id = ?) ORDER BY t.sort",
            (paragraph_id,))]
