"""The content database's tables: the one contract every layer shares.

The build writes these tables with sqlite-utils; the app, search and export
only read them. Bump SCHEMA_VERSION when a table changes shape, so that an
app meeting a database of another version says so instead of misreading it.

Tables (all text is Arabic as printed in the source, after corrections):

documents   id (pk: "compendium", "cop12-report", ...), title, symbol, date,
            quality ("clean", "repaired", "damaged", "reconstructed"),
            quality_note, source_file, sort
nodes       the hierarchy: id (pk), document (fk documents), parent_id
            (fk nodes, null for a top node), kind ("part", "meeting",
            "session", "decision", "resolution", "annex", "section", "gap"),
            part ("A"/"B"/null), heading (as printed), title (a decision's
            title, a section's heading text), dates (as printed), symbol
            (the report's document symbol), number (meeting/session number),
            session and decision_number (for decisions/resolutions: the
            session and the number within it, so Arabic "المقرر 4/3" is
            session=3, decision_number=4), sort (reading order, global),
            source_line
paragraphs  id (pk), document, node_id (fk nodes: the innermost container),
            unit_id (fk nodes: the meeting, decision or resolution),
            part, kind ("numbered", "item", "subitem", "preamble",
            "chapeau", "note", "text"), label (as a reader cites it, e.g.
            "13", "(ط) '2'", "ف.د 1"), label_path (JSON list of the
            label's components, e.g. ["(ط)", "'2'"]), text (without label,
            footnote markers removed), citation, symbol, report_paragraph
            (number in the original report, null where unknown),
            report_paragraph_certain (0/1), depth (0 top, 1 item, 2 sub),
            sort (reading order, global), source_line, source_line_end
footnotes   id (pk "fn-<document>-<number>"), document, number, paragraph_id
            (fk paragraphs), marker_offset (character offset in the
            paragraph's text where the marker stood), text, source_line
corrections file, source_line, paragraph_id (the paragraph whose text the
            fix changed, null if none), original, corrected, reason,
            applied (0/1): the reader shows corrected words from here
metadata    key (pk), value: schema_version, build_time, source hashes
parse_problems  document, severity, source_line, message: what a parser
            could not read (only rows when there were problems)

Thematic index (desktop.content.thematic_index, create_index_tables):

themes          id (pk), label (the theme as printed), sort, source_line
index_entries   id (pk), theme_id (fk themes), the printed reference
                (symbol, symbol_printed, decision, report_paragraphs), what
                it resolved to (unit_id fk nodes, part, locator, status,
                method), theme_certain/theme_evidence, note, acknowledged,
                duplicate_of (fk index_entries), source_line(s)
index_targets   entry_id (fk index_entries) + paragraph_id (fk paragraphs)
                (pk together), sort: the paragraphs an entry points to
index_numbering unit_id (pk), rule, value, pairs, agreeing: how Part A
                report paragraph numbers were inferred

Links (desktop.content.links, create_link_tables):

links           id (pk), from_id/to_id (fk paragraphs), kind, text,
                source_line, from_node/to_node, source: cross-references
external_refs   id (pk), from_id (fk paragraphs), kind, body, text, session,
                number, article, paragraph, source_line, source: references
                to texts outside the database (conventions, other bodies)

Quality marks and related documents (desktop.content.related,
create_quality_tables):

paragraph_quality  paragraph_id (pk, fk paragraphs), document, quality,
                note, original_text, uncertain (JSON): the reader's notice
text_corrections   id (pk), paragraph_id (fk paragraphs), original,
                corrected, reason, offset, source_line: each corrected word
gaps            node_id (pk, fk nodes), known (JSON list of {"text",
                "paragraph_id"}): what is known about a missing session

Search (desktop.search.index, create_search_tables; raw DDL, FTS5):
search_info, search_docs, search_fts, search_themes, search_vocab (their
columns are described in desktop.search.index).
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

#: Version 2: every table above is declared here (same shapes as version 1
#: built, but readers may now rely on all of them being present).
SCHEMA_VERSION = 2

DOCUMENT_COLUMNS = {
    "id": str, "title": str, "symbol": str, "date": str, "quality": str,
    "quality_note": str, "source_file": str, "sort": int,
}

NODE_COLUMNS = {
    "id": str, "document": str, "parent_id": str, "kind": str, "part": str,
    "heading": str, "title": str, "dates": str, "symbol": str, "number": int,
    "session": int, "decision_number": int, "sort": int, "source_line": int,
}

PARAGRAPH_COLUMNS = {
    "id": str, "document": str, "node_id": str, "unit_id": str, "part": str,
    "kind": str, "label": str, "label_path": str, "text": str,
    "citation": str, "symbol": str, "report_paragraph": str,
    "report_paragraph_certain": int, "depth": int, "sort": int,
    "source_line": int, "source_line_end": int,
}

FOOTNOTE_COLUMNS = {
    "id": str, "document": str, "number": int, "paragraph_id": str,
    "marker_offset": int, "text": str, "source_line": int,
}

CORRECTION_COLUMNS = {
    "id": int, "file": str, "source_line": int, "paragraph_id": str, "original": str,
    "corrected": str, "reason": str, "applied": int,
}


def create_tables(db: sqlite_utils.Database) -> None:
    """Create the core tables on an empty sqlite_utils.Database."""
    db.table("metadata").create({"key": str, "value": str}, pk="key")
    db.table("documents").create(DOCUMENT_COLUMNS, pk="id")
    db.table("nodes").create(
        NODE_COLUMNS, pk="id",
        foreign_keys=[("document", "documents", "id"),
                      ("parent_id", "nodes", "id")],
    )
    db.table("paragraphs").create(
        PARAGRAPH_COLUMNS, pk="id",
        foreign_keys=[("document", "documents", "id"),
                      ("node_id", "nodes", "id"),
                      ("unit_id", "nodes", "id")],
    )
    db.table("footnotes").create(
        FOOTNOTE_COLUMNS, pk="id",
        foreign_keys=[("document", "documents", "id"),
                      ("paragraph_id", "paragraphs", "id")],
    )
    db.table("corrections").create(CORRECTION_COLUMNS, pk="id")
    db.table("nodes").create_index(["parent_id", "sort"])
    db.table("nodes").create_index(["document", "sort"])
    db.table("paragraphs").create_index(["node_id", "sort"])
    db.table("paragraphs").create_index(["unit_id", "sort"])
    db.table("paragraphs").create_index(["document", "sort"])
    db.table("footnotes").create_index(["paragraph_id"])


PARSE_PROBLEM_COLUMNS = {"document": str, "severity": str, "source_line": int, "message": str}


# The create_* functions of the table groups below may be called by more than
# one stage (and by test fixtures): a table already there is left as it is.

def create_core_tables(db: sqlite_utils.Database) -> None:
    """The core tables plus parse_problems (the first stage's output)."""
    create_tables(db)
    db.table("parse_problems").create(PARSE_PROBLEM_COLUMNS, if_not_exists=True)


# ---- thematic index ---------------------------------------------------------

THEME_COLUMNS = {"id": int, "label": str, "sort": int, "source_line": int}

INDEX_ENTRY_COLUMNS = {
    "id": int, "theme_id": int, "sort": int, "symbol": str, "symbol_printed": str,
    "decision": str, "unit_id": str, "part": str, "report_paragraphs": str,
    "locator": str, "status": str, "method": str, "theme_certain": int,
    "theme_evidence": str, "note": str, "acknowledged": str, "duplicate_of": int,
    "source_line": int, "source_lines": str,
}

INDEX_TARGET_COLUMNS = {"entry_id": int, "paragraph_id": str, "sort": int}

INDEX_NUMBERING_COLUMNS = {"unit_id": str, "rule": str, "value": int, "pairs": int,
                           "agreeing": int}


def create_index_tables(db: sqlite_utils.Database) -> None:
    """themes, index_entries, index_targets, index_numbering."""
    db.table("themes").create(THEME_COLUMNS, if_not_exists=True, pk="id")
    db.table("index_entries").create(
        INDEX_ENTRY_COLUMNS, pk="id",
        foreign_keys=[("theme_id", "themes", "id"), ("unit_id", "nodes", "id"),
                      ("duplicate_of", "index_entries", "id")])
    db.table("index_targets").create(
        INDEX_TARGET_COLUMNS, pk=("entry_id", "paragraph_id"),
        foreign_keys=[("entry_id", "index_entries", "id"),
                      ("paragraph_id", "paragraphs", "id")])
    db.table("index_numbering").create(INDEX_NUMBERING_COLUMNS, if_not_exists=True, pk="unit_id")
    db.table("index_targets").create_index(["paragraph_id"], if_not_exists=True)
    db.table("index_entries").create_index(["theme_id", "sort"], if_not_exists=True)


# ---- links ------------------------------------------------------------------

LINK_COLUMNS = {"id": int, "from_id": str, "to_id": str, "kind": str, "text": str,
                "source_line": int, "from_node": str, "to_node": str, "source": str}

EXTERNAL_REF_COLUMNS = {"id": int, "from_id": str, "kind": str, "body": str, "text": str,
                        "session": int, "number": int, "article": int, "paragraph": str,
                        "source_line": int, "source": str}


def create_link_tables(db: sqlite_utils.Database) -> None:
    """links, external_refs."""
    db.table("links").create(LINK_COLUMNS, if_not_exists=True, pk="id",
                       foreign_keys=[("from_id", "paragraphs", "id"),
                                     ("to_id", "paragraphs", "id")])
    db.table("links").create_index(["from_id"], if_not_exists=True)
    db.table("links").create_index(["to_id"], if_not_exists=True)
    db.table("external_refs").create(EXTERNAL_REF_COLUMNS, if_not_exists=True, pk="id",
                               foreign_keys=[("from_id", "paragraphs", "id")])
    db.table("external_refs").create_index(["from_id"], if_not_exists=True)


# ---- quality marks and related documents ------------------------------------

QUALITY_COLUMNS = {"paragraph_id": str, "document": str, "quality": str, "note": str,
                   "original_text": str, "uncertain": str}

TEXT_CORRECTION_COLUMNS = {"id": int, "paragraph_id": str, "original": str,
                           "corrected": str, "reason": str, "offset": int,
                           "source_line": int}

GAP_COLUMNS = {"node_id": str, "known": str}


def create_quality_tables(db: sqlite_utils.Database) -> None:
    """paragraph_quality, text_corrections, gaps."""
    db.table("paragraph_quality").create(QUALITY_COLUMNS, if_not_exists=True, pk="paragraph_id",
                                   foreign_keys=[("paragraph_id", "paragraphs", "id")])
    db.table("paragraph_quality").create_index(["document"], if_not_exists=True)
    db.table("text_corrections").create(TEXT_CORRECTION_COLUMNS, if_not_exists=True, pk="id",
                                  foreign_keys=[("paragraph_id", "paragraphs", "id")])
    db.table("text_corrections").create_index(["paragraph_id"], if_not_exists=True)
    db.table("gaps").create(GAP_COLUMNS, if_not_exists=True, pk="node_id", foreign_keys=[("node_id", "nodes", "id")])


# ---- search (raw DDL: FTS5 is not sqlite-utils' to describe) ----------------

SEARCH_FTS_COLUMNS = ("exact", "bare", "stem", "alt", "meta", "tags")

SEARCH_DDL = {
    "search_info": "CREATE TABLE search_info (key TEXT PRIMARY KEY, value TEXT)",
    "search_docs": (
        "CREATE TABLE search_docs (rowid INTEGER PRIMARY KEY, kind TEXT NOT NULL, "
        "ref TEXT NOT NULL, label TEXT, text TEXT, part TEXT, document TEXT, "
        "meeting TEXT, year INTEGER, sort INTEGER, locator TEXT, loc_tail TEXT, twin TEXT)"),
    "search_fts": (
        f"CREATE VIRTUAL TABLE search_fts USING fts5({', '.join(SEARCH_FTS_COLUMNS)}, "
        "tokenize='unicode61 remove_diacritics 2')"),
    "search_themes": (
        "CREATE TABLE search_themes (theme TEXT NOT NULL, paragraph_id TEXT NOT NULL, "
        "key INTEGER NOT NULL, PRIMARY KEY (theme, paragraph_id))"),
    "search_vocab": "CREATE TABLE search_vocab (word TEXT PRIMARY KEY, display TEXT, n INTEGER)",
}

#: Created after the rows are in (faster inserts).
SEARCH_INDEX_DDL = (
    "CREATE INDEX search_docs_twin ON search_docs(twin)",
    "CREATE INDEX search_docs_ref ON search_docs(ref)",
    "CREATE INDEX search_docs_locator ON search_docs(locator)",
    "CREATE INDEX search_docs_loc_tail ON search_docs(loc_tail)",
    "CREATE INDEX search_themes_paragraph ON search_themes(paragraph_id)",
)


def create_search_tables(conn: sqlite3.Connection, tables: tuple[str, ...] = tuple(SEARCH_DDL)) -> None:
    """(Re)create the search tables on a sqlite3 connection, empty (the index is
    always rebuilt whole, so these drop what was there)."""
    for table in tables:
        conn.execute(f"DROP TABLE IF EXISTS {table}")
    for table in tables:
        conn.execute(SEARCH_DDL[table])


def create_all_tables(db: sqlite_utils.Database) -> None:
    """Every table of the database, empty (the build and test fixtures)."""
    create_core_tables(db)
    create_index_tables(db)
    create_link_tables(db)
    create_quality_tables(db)
    create_search_tables(db.conn)
    for ddl in SEARCH_INDEX_DDL:
        db.conn.execute(ddl)
