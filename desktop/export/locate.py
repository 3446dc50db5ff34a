"""Turning what a user types (paragraph ids, unit ids, compendium locators)
into paragraph ids, for the command line and anything else that takes text."""

from __future__ import annotations

import sqlite_utils

from desktop.export.model import existing_ids, paragraphs_under


class UnknownLocator(LookupError):
    def __init__(self, locators: list[str]):
        super().__init__(", ".join(locators))
        self.locators = locators


def _resolve_text(db: sqlite_utils.Database, text: str) -> list[str]:
    from desktop.content.locators import resolve_locator
    return resolve_locator(db, text)


def resolve_all(db: sqlite_utils.Database, locators: list[str]) -> list[str]:
    """Paragraph ids for every locator, in order, without repeats.

    Each argument may be a paragraph id (``A07/13``), a node id (``A07``,
    ``B6-r4``: all its paragraphs) or a compendium locator
    (``الجزء ألف سابعاً-13``). UnknownLocator names every one that matched
    nothing, so the user can fix them all at once.
    """
    out: list[str] = []
    unknown: list[str] = []
    for raw in locators:
        text = raw.strip()
        ids: list[str] = []
        if text and existing_ids(db, [text]):
            ids = [text]
        elif text:
            ids = paragraphs_under(db, text) or _resolve_text(db, text)
        if not ids:
            unknown.append(raw)
        out.extend(ids)
    if unknown:
        raise UnknownLocator(unknown)
    return list(dict.fromkeys(out))
