"""Variants, near-synonyms and English terms, applied to a query (Qt-free).

The reviewed word lists live in data/search/lexicon.toml (groups of forms
that mean the same thing, each optionally naming themes of the thematic
index) and data/search/glossary.toml (English terms -> the Arabic the texts
use). The build copies both into the index (search_info, key "lexicon"), so
the engine reads them from the database it searches, in a bundle as in a
checkout. Forms are compared by their words' stems (normalize.analyze), so
clitics, hamza and ta-marbuta spellings of a form do not matter.
"""

from __future__ import annotations

import json
import re
import sqlite3
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from desktop import paths
from desktop.search.normalize import analyze, fold, words

INFO_KEY = "lexicon"


@dataclass(frozen=True)
class Group:
    """Forms that mean the same; forms[0] is the compendium's own wording."""

    forms: tuple[str, ...]
    themes: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class GroupMatch:
    """Query words start..end (end excluded) are `form` of `group`."""

    start: int
    end: int
    group: Group
    form: str


@dataclass(frozen=True)
class Translation:
    """An English query read as Arabic: `text` to search, and what was replaced."""

    text: str
    replaced: tuple[tuple[str, str], ...]  # (English as typed, Arabic)


def files(root: Path | None = None) -> tuple[Path, Path]:
    base = root or paths.data("search")
    return base / "lexicon.toml", base / "glossary.toml"


def load_files(root: Path | None = None) -> dict:
    """The two TOML files as one JSON-able dict (missing files give empty lists)."""
    lex_path, glo_path = files(root)
    out: dict[str, list[dict]] = {"groups": [], "glossary": []}
    if lex_path.is_file():
        for g in tomllib.loads(lex_path.read_text(encoding="utf-8")).get("group", []):
            out["groups"].append({"forms": list(g["forms"]), "themes": list(g.get("themes", [])),
                                  "note": g.get("note", "")})
    if glo_path.is_file():
        for t in tomllib.loads(glo_path.read_text(encoding="utf-8")).get("term", []):
            out["glossary"].append({"en": list(t["en"]), "ar": t["ar"]})
    return out


def _stems(text: str) -> tuple[str, ...]:
    return tuple(analyze(w).stem for w in words(text))


class Lexicon:
    """The compiled lists: group look-up by stems, glossary look-up by English words."""

    def __init__(self, data: dict):
        self.groups = [Group(tuple(g["forms"]), tuple(g.get("themes", ())), g.get("note", ""))
                       for g in data.get("groups", [])]
        #: first stem -> [(stems of the form, form, group)], longest forms first
        self._by_first: dict[str, list[tuple[tuple[str, ...], str, Group]]] = {}
        for g in self.groups:
            for form in g.forms:
                st = _stems(form)
                if st:
                    self._by_first.setdefault(st[0], []).append((st, form, g))
        for entries in self._by_first.values():
            entries.sort(key=lambda e: -len(e[0]))
        self.glossary: list[tuple[tuple[str, ...], str]] = []
        for t in data.get("glossary", []):
            for en in t["en"]:
                self.glossary.append((tuple(re.findall(r"[a-z0-9]+", en.lower())), t["ar"]))
        self.glossary.sort(key=lambda e: -len(e[0]))

    def find(self, stems: list[str | None]) -> list[GroupMatch]:
        """Non-overlapping group forms in a sequence of word stems, longest first.

        None in `stems` is a boundary (a phrase, a prefix): no form spans it.
        """
        out = []
        i = 0
        while i < len(stems):
            best = None
            first = stems[i]
            for st, form, group in self._by_first.get(first, ()) if first else ():
                if tuple(stems[i:i + len(st)]) == st:
                    best = GroupMatch(i, i + len(st), group, form)
                    break
            if best:
                out.append(best)
                i = best.end
            else:
                i += 1
        return out

    def translate(self, text: str) -> Translation | None:
        """The query with its English glossary terms replaced by Arabic, or None.

        Only whitespace-separated chunks made of Latin letters (and a hyphen)
        are read as English: a document symbol (CTOC/COP/...) stays as it is.
        """
        chunks = text.split()
        low = [c.lower().strip(".,;:!?()\"'«»") for c in chunks]
        latin = [bool(re.fullmatch(r"[a-z][a-z\-]*", c)) for c in low]
        if not any(latin):
            return None
        out: list[str] = []
        replaced: list[tuple[str, str]] = []
        i = 0
        while i < len(chunks):
            hit = None
            if latin[i]:
                for en, ar in self.glossary:
                    n = len(en)
                    seq = tuple(w for c in low[i:i + n] for w in re.findall(r"[a-z0-9]+", c))
                    if all(latin[i:i + n]) and len(low[i:i + n]) == n and seq == en:
                        hit = (n, ar)
                        break
            if hit:
                n, ar = hit
                replaced.append((" ".join(chunks[i:i + n]), ar))
                out.append(ar)
                i += n
            else:
                out.append(chunks[i])
                i += 1
        if not replaced:
            return None
        return Translation(" ".join(out), tuple(replaced))


_EMPTY = Lexicon({})


@lru_cache(maxsize=8)
def _compiled(text: str) -> Lexicon:
    try:
        return Lexicon(json.loads(text))
    except (ValueError, KeyError, TypeError):
        return _EMPTY


def for_connection(conn: sqlite3.Connection, info_table: str = "search_info") -> Lexicon:
    """The lexicon stored in this database's index (an empty one if none)."""
    try:
        row = conn.execute(f"SELECT value FROM {info_table} WHERE key = ?", (INFO_KEY,)).fetchone()
    except Exception:  # an index without the row: search works without variants
        return _EMPTY
    return _compiled(row[0]) if row and row[0] else _EMPTY


@lru_cache(maxsize=1024)
def theme_label_stems(label: str) -> frozenset[str]:
    """The content stems of a theme label (particles dropped), for label matching."""
    return frozenset(s for w in words(label) if fold(w) not in _PARTICLES
                     for s in (analyze(w).stem,) if len(s) > 1)


#: Particles that do not make a theme label's content.
_PARTICLES = frozenset(fold(w) for w in (
    "في", "من", "على", "إلى", "عن", "و", "أو", "هذا", "هذه", "ذلك", "بشأن", "مع", "بين", "لأغراض",
    "المتعلقة", "المعني", "المعنية", "فيها"))
