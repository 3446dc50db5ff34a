"""Finding the user's notes by their words (the search tab's «ملاحظاتي»).

Notes are few and personal, so they are matched in Python rather than
indexed: folded the way search folds text (diacritics, hamza forms, ى/ي,
ة/ه, digits), the article stripped, every word of the query found in some
word of the note (so «شهود» finds «للشهود»). The snippet is the note's own
text, escaped, with the matching words marked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from desktop.content import html_escape
from desktop.search.normalize import fold, strip_article, words

if TYPE_CHECKING:
    from desktop.userdata.notes import Note

_TOKEN_RE = re.compile(r"\S+|\s+")


@dataclass(frozen=True)
class NoteHit:
    note: Note
    snippet_html: str      # escaped text, matches inside <mark>…</mark>


def _key(word: str) -> str:
    return strip_article(word)


def _matches(query_words: list[str], token: str) -> bool:
    folded = [_key(w) for w in words(token)]
    return any(q in w for q in query_words for w in folded)


def search_notes(notes: Iterable[Note], query: str, open_tag: str = "<mark>", close_tag: str = "</mark>") -> list[NoteHit]:
    """Notes having every word of ``query`` (all notes for an empty query), newest first."""
    wanted = [_key(w) for w in words(query)]
    hits = []
    for note in sorted(notes, key=lambda n: n.id, reverse=True):
        note_words = [_key(w) for w in words(note.text)]
        if not all(any(q in w for w in note_words) for q in wanted):
            continue
        parts = []
        for token in _TOKEN_RE.findall(note.text):
            escaped = html_escape.escape(token)
            if wanted and not token.isspace() and _matches(wanted, token):
                escaped = f"{open_tag}{escaped}{close_tag}"
            parts.append(escaped)
        hits.append(NoteHit(note, "".join(parts)))
    return hits


__all__ = ["NoteHit", "search_notes", "fold"]
