"""The records a ContentStore hands out: small immutable views of the content
database's rows (documents, nodes, paragraphs, footnotes, links, themes and
index entries). The parsers' own shapes are desktop.content.model."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from desktop.content import citations
from desktop.content.database import DamagedText

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

#: a record class (any dataclass above)
R = TypeVar("R", bound="DataclassInstance")


@dataclass(frozen=True)
class Document:
    id: str
    title: str | None
    symbol: str | None
    date: str | None
    quality: str | None
    sort: int


@dataclass(frozen=True)
class Node:
    id: str
    document: str
    parent_id: str | None
    kind: str
    part: str | None
    heading: str | None
    title: str | None
    dates: str | None
    symbol: str | None
    number: int | None
    session: int | None
    decision_number: int | None
    sort: int
    source_line: int | None = None


@dataclass(frozen=True)
class Paragraph:
    id: str
    document: str
    node_id: str
    unit_id: str
    part: str | None
    kind: str
    label: str | None
    label_path: tuple[str, ...]
    text: str
    #: THE citation's short form (desktop.content.citations.cite), naming the
    #: document for anything outside the compendium
    citation: str | None
    symbol: str | None
    report_paragraph: str | None
    report_paragraph_certain: bool
    depth: int
    sort: int
    source_line: int | None = None
    #: the place within its document, as the parser stored it
    #: (paragraphs.citation): what locators and the search index match
    local_citation: str | None = None

    @property
    def damaged(self) -> bool:
        """The stored text held invalid UTF-8 (shown with U+FFFD, marked)."""
        return isinstance(self.text, DamagedText)


@dataclass(frozen=True)
class Footnote:
    id: str
    number: int
    paragraph_id: str
    marker_offset: int | None
    text: str
    document: str | None = None
    #: for an «المرجع نفسه» (ibid.) note, the reference it repeats
    #: (citations.ibid_note), else None
    repeats: str | None = None

    @property
    def sign(self) -> str:
        return citations.footnote_sign(self.number)

    @property
    def shown(self) -> str:
        """The note as the reader and print show it: an ibid. note followed
        by what it repeats."""
        return f"{self.text} [{self.repeats}]" if self.repeats else self.text


@dataclass(frozen=True)
class Link:
    """A cross-reference between two paragraphs (``text``: the words carrying it)."""

    from_id: str
    to_id: str
    kind: str
    text: str | None
    #: the unit meant when a whole meeting/decision is the source or target
    #: (the link then stands on that unit's first paragraph)
    from_node: str | None = None
    to_node: str | None = None


@dataclass(frozen=True)
class Theme:
    id: int | str
    name: str
    sort: int
    entry_count: int = 0
    #: entries the source prints twice (index_entries.duplicate_of set)
    duplicate_count: int = 0


@dataclass(frozen=True)
class IndexEntry:
    """One row of the thematic index under a theme."""

    id: int | str
    theme_id: int | str
    symbol: str | None
    decision: str | None
    report_paragraphs: str | None
    locator: str | None
    status: str
    targets: tuple[str, ...] = field(default=())
    #: the entry this one repeats (the source prints it twice), else None
    duplicate_of: int | str | None = None
    #: the build's note (for an unresolved entry: why)
    note: str | None = None

    @property
    def resolved(self) -> bool:
        return self.status in ("resolved", "corrected") and bool(self.targets)


def from_row(cls: type[R], row: sqlite3.Row, **overrides: object) -> R:
    """A record of ``cls`` from a row: the fields the row has, then
    ``overrides``; a field the row lacks keeps its default."""
    keys = row.keys()
    values = {}
    for name in cls.__dataclass_fields__:
        if name in overrides:
            values[name] = overrides[name]
        elif name in keys:
            values[name] = row[name]
    return cls(**values)
