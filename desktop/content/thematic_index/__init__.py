"""Build stage: the thematic index as data whose every reference points at paragraphs.

Tables (written here, read by the app and search):

themes          id (pk, int), label (as printed, without "(تابع)"), sort,
                source_line (where the label is first printed)
index_entries   id (pk, int), theme_id (fk themes), sort, symbol (after
                corrections), symbol_printed, decision ("المقرر 4/3" or null),
                unit_id (fk nodes: the meeting or decision the row lists),
                part ("A"/"B"), report_paragraphs (as printed), locator (as
                printed), status ("resolved"/"corrected"/"unresolved"),
                method (how targets were found: "locator", "report",
                "annex", "meeting"), theme_certain (0/1), theme_evidence,
                note (recovery and corrections, "; "-joined),
                duplicate_of (fk index_entries, a row the source printed twice),
                source_line, source_lines (JSON list)
index_targets   entry_id (fk index_entries), paragraph_id (fk paragraphs), sort;
                pk (entry_id, paragraph_id)
index_numbering unit_id (pk: a meeting, or an annex that reproduces one), rule
                ("offset": report = compendium + value; "prefix": report
                "value (x)" = compendium "(x)"; "annex_offset": annex number =
                meeting number + value), pairs (index pairs seen), agreeing

It also fills paragraphs.report_paragraph / report_paragraph_certain for
Part A: the index pairs "report paragraph" with "compendium locator", from
which each meeting's numbering rule is derived (meeting 7: report = 4 +
compendium; meeting 5: report 4 (x) = compendium (x)). A paragraph named
in a consistent pair is certain; one numbered by the meeting's rule only
is not.

Modules: ``entries`` (rows, corrections file, documents), ``resolve``
(entries to paragraphs), ``numbering`` (Part A report numbering rules),
``stage`` (the build stage, official citation, dump and check).
"""

from desktop.content.thematic_index.entries import ANNEX_MEETING_WORDS, STAGE, Entry
from desktop.content.thematic_index.stage import build, check, dump, official_citation

__all__ = ["ANNEX_MEETING_WORDS", "STAGE", "Entry", "build", "check", "dump", "official_citation"]
