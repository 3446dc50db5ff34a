"""What a search returns: Result (one hit) and Results (a page of them, with
what was made of the query), and how a hit and a query are put in words."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from desktop.search.query import Query


KINDS = ("paragraph", "title", "theme")


class SnippetParts(Protocol):
    """What the results list asks of a snippet: its text, and HTML with the
    matches between the given tags (Snippet; the notes search's own)."""

    def plain(self) -> str: ...

    def html(self, open_: str = ..., close: str = ...) -> str: ...


@dataclass(frozen=True)
class Result:
    """One hit. id: the paragraph id to open (or the theme name for kind "theme").

    kind: "paragraph", "title" (a decision/annex/section title; id is its
    first paragraph), "theme" (a thematic-index theme) or "locator".
    snippet: the original text window with <mark>…</mark> around matches.
    terms: the original spellings matched in the whole text (for the reader).
    """

    id: str
    citation: str
    snippet: str
    score: float
    kind: str = "paragraph"
    exact: bool = False
    terms: tuple[str, ...] = ()
    #: a Snippet for a search hit; the notes search gives its own (SnippetParts)
    snippet_parts: SnippetParts | None = field(default=None, compare=False, repr=False)
    #: the other forms this row matched by, when not the words as typed
    #: (lexicon variants, a spelling correction), e.g. ("غسل الأموال",)
    variants: tuple[str, ...] = ()
    #: True: the row matches only some of the query's terms (matched of total)
    partial: bool = False
    matched: int = 0
    #: the thematic-index theme that brought this paragraph forward, if any
    theme: str = ""
    #: citations of the other places the same text is printed
    also_in: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        return {"id": self.id, "citation": self.citation, "snippet": self.snippet,
                "score": self.score, "kind": self.kind, "exact": self.exact,
                "variants": list(self.variants), "partial": self.partial,
                "theme": self.theme, "also_in": list(self.also_in)}


class Results(list):
    """The requested page of results; `total` counts the matching rows.

    capped: there are more than `total` (counting stopped at COUNT_LIMIT).
    suggestion: the query with unknown words replaced by the closest corpus
    words («هل تقصد: …؟»), or None. notes: what was done to the query, in
    Arabic (English terms read as Arabic). themes: the themes it named.
    partial_start: index of the first partial match on this page, or None.
    """

    total: int = 0
    capped: bool = False
    query: Query | None = None
    suggestion: str | None = None
    notes: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    partial_start: int | None = None


#: Longest query echoed back in a message (characters).
SHORT_QUERY = 60


def short_query(text: str, n: int = SHORT_QUERY) -> str:
    """The query as echoed in a message: one line, at most about n characters."""
    t = " ".join(str(text or "").split())
    if len(t) <= n:
        return t
    cut = t[:n]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


def result_notes(r: Result) -> list[str]:
    """What a reader should know about one hit, in Arabic (the app and the CLI show these)."""
    out = []
    if r.variants:
        out.append("بصيغة: " + "، ".join(r.variants))
    if r.theme:
        out.append(f"من الفهرس المواضيعي: {r.theme}")
    if r.also_in:
        out.append("وارد أيضاً في " + "؛ ".join(r.also_in))
    return out
