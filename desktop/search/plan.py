"""What the engine makes of a query before it reads any row: English terms
read as Arabic, spelling corrections and suggestions, lexicon variants, the
themes it names, and which typed words a row covers."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from typing import Iterable

from desktop.search import lexicon as lexicon_mod
from desktop.search import suggest as suggest_mod
from desktop.search.index import INFO_TABLE, THEMES_TABLE
from desktop.search.normalize import WORD_RE, analyze, fold, words
from desktop.search.query import Alternative, Query, Term, parse
from desktop.search.rows import count_matches
from desktop.search.snippets import Matcher

#: A word the corpus lacks is searched as its suggestion when this many
#: edits away or fewer (after folding, hamza seats and doubled letters).
AUTO_CORRECT = 1


#: A document symbol (CTOC/COP/WG.2/2013/5): its paragraphs in reading order.
SYMBOL_RE = re.compile(r"[A-Za-z][A-Za-z0-9.\-]*(?:/[A-Za-z0-9.\-]+)+")
_ARABIC_RE = re.compile("[\u0621-\u064a]")


@dataclass
class Plan:
    """What the engine made of the query: the expanded Query and what it means."""

    q: Query
    suggestion: str | None = None
    notes: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    #: alternative term index in the matcher's query -> (concept, label)
    labels: dict = field(default_factory=dict)
    #: typed term index -> concept
    concept_of: dict = field(default_factory=dict)
    n_concepts: int = 0
    matcher: Matcher | None = None
    #: the query used quotes or exclusions: no themes, no partial matches
    strict: bool = False


def _spelling(conn: sqlite3.Connection, q: Query) -> dict[int, "suggest_mod.Suggestion"]:
    """{include index: closest corpus word} for the typed words nothing matches."""
    out = {}
    vocab = None
    for i, t in enumerate(q.include):
        if t.is_phrase or t.prefix or not _ARABIC_RE.search(t.words[0]):
            continue
        if count_matches(conn, t.lean_fts(), 1):
            continue
        vocab = vocab or suggest_mod.vocabulary(conn)
        found = vocab.suggest(t.words[0], 1)
        if found:
            out[i] = found[0]
    return out


def _suggestion_text(text: str, fixes: dict[str, str]) -> str:
    """`text` with each word whose folded form is in `fixes` replaced (punctuation kept)."""
    return WORD_RE.sub(lambda m: fixes.get(fold(m.group()), m.group()), text)


def _themes_named(conn: sqlite3.Connection, q: Query, matches: Iterable[lexicon_mod.GroupMatch],
                  extra_words: Iterable[str]) -> list[str]:
    """Themes the query names: linked to a lexicon form in it, or all their label's words in it."""
    stems = {analyze(w).stem for t in q.include for w in t.words}
    stems.update(analyze(w).stem for w in extra_words)
    linked = [t for m in matches for t in m.group.themes]
    named = []
    for theme, n in conn.execute(f"SELECT theme, COUNT(*) FROM {THEMES_TABLE} GROUP BY theme"):
        if theme in linked:
            named.append((0, linked.index(theme), n, theme))
        else:
            label = lexicon_mod.theme_label_stems(theme)
            if label and label <= stems:
                named.append((1, 0, n, theme))
    return [t for *_, t in sorted(named)]


def make_plan(conn: sqlite3.Connection, text: str, q: Query, as_you_type: bool) -> Plan:
    """Spelling, glossary, lexicon variants and themes applied to a parsed query."""
    lex = lexicon_mod.for_connection(conn, INFO_TABLE)
    notes: list[str] = []
    translated = lex.translate(text)
    if translated is not None:
        q = parse(translated.text, as_you_type=as_you_type)
        for en, ar in translated.replaced:
            notes.append(f"بحث عن «{ar}» ترجمةً لـ«{en}»")
    fixes = _spelling(conn, q)
    suggestion = None
    if fixes:
        vocab = suggest_mod.vocabulary(conn)
        replace = {t.words[0]: fixes[i].display for i, t in enumerate(q.include) if i in fixes}
        for w in words(q.text):  # words as the texts spell them (حمايه -> حماية)
            if w not in replace and w in vocab and vocab.display[w] != w:
                replace[w] = vocab.display[w]
        suggestion = _suggestion_text(q.text, replace)
    stems: list[str | None] = []
    for i, t in enumerate(q.include):
        if t.is_phrase or t.prefix:
            stems.append(None)
        else:
            fixed = i in fixes and fixes[i].distance <= AUTO_CORRECT
            stems.append(analyze(fixes[i].word if fixed else t.words[0]).stem)
    matches = lex.find(stems)
    alternatives: list[Alternative] = []
    covered: set[int] = set()
    extra: list[str] = []
    for m in matches:
        typed = tuple(q.include[k].words[0] for k in range(m.start, m.end))
        terms: list[tuple[str, Term]] = []
        for form in m.group.forms:
            ws = tuple(words(form))
            if ws and ws != typed and all(ws != t.words for _, t in terms):
                terms.append((form, Term(ws)))
                extra.extend(ws)
        if terms:
            alternatives.append(Alternative(m.start, m.end, tuple(terms)))
            covered.update(range(m.start, m.end))
    for i, s in fixes.items():
        # Searched as corrected only when one slip away; a farther word is only suggested.
        if i not in covered and s.distance <= AUTO_CORRECT:
            alternatives.append(Alternative(i, i + 1, ((s.display, Term((s.word,))),)))
    # A theme's label counts as named by the words typed (or corrected), not by variants.
    extra = [s.word for s in fixes.values() if s.distance <= AUTO_CORRECT]
    q.alternatives = sorted(alternatives, key=lambda a: a.start)
    # Quotes or exclusions ask for exactly these words: no themes brought forward.
    # A document symbol narrows like a filter.
    strict = (bool(q.exclude) or any(c in q.text for c in '"«»“”')
              or bool(SYMBOL_RE.search(q.text)))
    themes = _themes_named(conn, q, matches, extra) if q.include and not strict else []
    labelled = [f for a in q.alternatives for f, _ in a.terms if not any(
        i in fixes for i in range(a.start, a.end))]
    if labelled:
        notes.append("وبصيغ أخرى: " + "، ".join(labelled[:6]) + ("…" if len(labelled) > 6 else ""))
    plan = Plan(q, suggestion, tuple(notes), tuple(themes))
    # The matcher's query: the typed terms, then every alternative term.
    include = list(q.include)
    for c, (start, end, alt) in enumerate(q.concept_spans()):
        for k in range(start, end):
            plan.concept_of[k] = c
        for label, term in (alt.terms if alt else ()):
            plan.labels[len(include)] = (c, label)
            include.append(term)
    plan.n_concepts = len(q.concept_spans())
    plan.strict = strict
    plan.matcher = Matcher(Query(q.text, include=include))
    return plan


def coverage(plan: Plan, hits: set[int]) -> tuple[int, tuple[str, ...]]:
    """(typed words matched, labels of the alternatives a row matched by instead of the typed words).

    A typed word counts as matched when it is in the row, or when an
    alternative of its span (a lexicon form, a spelling correction) is.
    """
    typed_ok: dict[int, bool] = {}
    for k, c in plan.concept_of.items():
        typed_ok[c] = typed_ok.get(c, True) and k in hits
    alt_label: dict[int, str] = {}
    for ti, (c, label) in plan.labels.items():
        if ti in hits and c not in alt_label:
            alt_label[c] = label
    matched = sum(1 for k, c in plan.concept_of.items() if k in hits or c in alt_label)
    variants = tuple(dict.fromkeys(alt_label[c] for c in range(plan.n_concepts)
                                   if not typed_ok.get(c) and c in alt_label))
    return matched, variants
