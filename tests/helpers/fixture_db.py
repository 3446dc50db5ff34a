"""The one builder of test databases: every table from desktop.content.schema,
then plain rows.

A fixture database thus has the shape the build makes (the same tables,
keys and indexes, the current SCHEMA_VERSION), and a change of shape in
schema.py reaches every test database at once. Rows are dicts keyed by
column; columns left out are null.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from desktop.content.schema import SCHEMA_VERSION, create_all_tables

#: Insertion order: a table's rows after those of the tables it points to.
TABLE_ORDER = (
    "documents", "nodes", "paragraphs", "footnotes", "corrections", "parse_problems",
    "themes", "index_entries", "index_targets", "index_numbering",
    "links", "external_refs", "paragraph_quality", "text_corrections", "gaps",
)


def make_db(path: Path, *, schema_version: int | str = SCHEMA_VERSION,
            search_index: bool = False, **rows) -> Path:
    """Write a database at ``path`` with ``rows`` (table name -> list of
    dicts), e.g. ``make_db(p, documents=[...], nodes=[...], paragraphs=[...])``;
    ``search_index`` also builds the search tables from those rows, as the
    build's last stage does. Returns ``path``."""
    unknown = set(rows) - set(TABLE_ORDER)
    if unknown:
        raise ValueError(f"no such table in the schema: {sorted(unknown)}")
    conn = sqlite3.connect(path)
    db = sqlite_utils.Database(conn)
    create_all_tables(db)
    db["metadata"].insert({"key": "schema_version", "value": str(schema_version)})
    for table in TABLE_ORDER:
        if rows.get(table):
            db[table].insert_all(rows[table])
    if search_index:
        from desktop.search import index
        index.build(db)
    conn.commit()
    conn.close()
    return Path(path)
