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

Later stages add their own tables (index, links, search) through the same
build; see desktop.content.build.STAGES.
"""

SCHEMA_VERSION = 1

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


def create_tables(db) -> None:
    """Create the core tables on an empty sqlite_utils.Database."""
    db["metadata"].create({"key": str, "value": str}, pk="key")
    db["documents"].create(DOCUMENT_COLUMNS, pk="id")
    db["nodes"].create(
        NODE_COLUMNS, pk="id",
        foreign_keys=[("document", "documents", "id"),
                      ("parent_id", "nodes", "id")],
    )
    db["paragraphs"].create(
        PARAGRAPH_COLUMNS, pk="id",
        foreign_keys=[("document", "documents", "id"),
                      ("node_id", "nodes", "id"),
                      ("unit_id", "nodes", "id")],
    )
    db["footnotes"].create(
        FOOTNOTE_COLUMNS, pk="id",
        foreign_keys=[("document", "documents", "id"),
                      ("paragraph_id", "paragraphs", "id")],
    )
    db["corrections"].create(CORRECTION_COLUMNS, pk="id")
    db["nodes"].create_index(["parent_id", "sort"])
    db["nodes"].create_index(["document", "sort"])
    db["paragraphs"].create_index(["node_id", "sort"])
    db["paragraphs"].create_index(["unit_id", "sort"])
    db["paragraphs"].create_index(["document", "sort"])
    db["footnotes"].create_index(["paragraph_id"])
