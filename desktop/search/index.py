"""Build stage: the FTS5 search index over folded and stemmed text.

Run last in desktop.content.build.STAGES. Reads paragraphs, nodes and (when
the thematic-index stage made them) theme tables; writes only its own tables,
whose DDL desktop.content.schema declares (SEARCH_DDL):

search_docs   one row per searchable thing: rowid, kind ("paragraph",
              "title" for a decision/resolution/annex/section title,
              "theme" for a thematic-index theme name), ref (the paragraph
              id a hit opens, or the theme name), label (how a hit on a title
              or theme is cited), text (the title or theme name; null for a
              paragraph, whose text is in paragraphs), part, document, meeting (the meeting or session node
              id), year, sort (reading order), locator (the citation or
              heading folded for locator look-up, see normalize_locator),
              loc_tail (the same without "الجزء ألف/باء")
search_fts    FTS5 over the same rowids, columns
              exact (folded words), bare (article stripped), stem (Snowball
              stem, noun reading), alt (other stem readings, and readings
              without a single-letter clitic), meta (the folded document
              symbol, so `CTOC/COP/WG.2/2013/5` finds that report's paragraphs);
              tokenizer unicode61 only, so plain sqlite3 and sqlite-utils can
              query it; all Arabic-specific work happens here in Python.
              tags (filter tokens: kind, part, document, year, every
              enclosing node, themes; see tag()), so filters are part of the
              MATCH expression and never need a join over all hits;
              twin (for a paragraph printed twice, e.g. resolution 12/2 in the
              supplement and in the COP 12 report: the ref of the first copy
              in reading order, the same for every copy; null otherwise)
search_vocab  the corpus words (folded), their commonest spelling and count,
              for spelling suggestions (desktop.search.suggest)
search_info   key/value: version (INDEX_VERSION), lexicon (data/search/*.toml
              as JSON, see desktop.search.lexicon), vocab (a build stamp)
search_themes theme name, paragraph id, key (the theme's number in tags),
              copied from the index stage's tables when they exist
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Iterator

from desktop.content import schema
from desktop.search import lexicon
from desktop.search.normalize import WORD_RE, analyze, fold, strip_marks, words

if TYPE_CHECKING:
    import sqlite_utils

    from desktop.content.build import BuildContext, Finding

#: Bump when the search tables change shape: the engine refuses another version.
INDEX_VERSION = "4"
INFO_TABLE = "search_info"
FTS_TABLE = "search_fts"
DOCS_TABLE = "search_docs"
THEMES_TABLE = "search_themes"
VOCAB_TABLE = "search_vocab"
COLUMNS = schema.SEARCH_FTS_COLUMNS

_YEAR_RE = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
_TITLE_KINDS = ("decision", "resolution", "annex", "section")


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table','view')")}


def index_columns(text: str) -> tuple[str, str, str, str]:
    """The exact, bare, stem, alt column values for one text (first three position-aligned)."""
    ws = words(text)
    cols = [_word_columns(w) for w in ws]
    return (" ".join(ws), " ".join([c[0] for c in cols]), " ".join([c[1] for c in cols]),
            " ".join([c[2] for c in cols if c[2]]))


@lru_cache(maxsize=262144)
def _word_columns(word: str) -> tuple[str, str, str]:
    a = analyze(word)
    return a.bare, a.stems[0], " ".join(a.variants)


_TAG_RE = re.compile(r"[^0-9a-z]")


def tag(kind: str, value: object) -> str:
    """A filter token: `tag("u", "B6-r4")` -> "ub6r4" (one unicode61 token)."""
    return kind + (_TAG_RE.sub("", str(value).lower()) or "0")


_PART_PREFIX_RE = re.compile(r"^الجزء (?:الف|باء) ")


def normalize_locator(text: str | None) -> str:
    """A citation or locator folded for comparison: `الجزء ألف، سابعاً - 13` -> `الجزء الف سابعا-13`."""
    if not text:
        return ""
    t = fold(text).replace("،", " ").replace(",", " ")
    t = re.sub(r"\s*([-–/])\s*", lambda m: "-" if m.group(1) != "/" else "/", t)
    return " ".join(t.split())


def locator_tail(locator: str) -> str:
    return _PART_PREFIX_RE.sub("", locator)


def _year(*texts: object) -> int | None:
    for t in texts:
        if t:
            found = _YEAR_RE.findall(str(t))
            if found:
                return int(found[-1])
    return None


def _node_context(conn: sqlite3.Connection) -> dict[str, tuple[str | None, int | None, tuple]]:
    """node id -> (meeting/session node id, year, the node and its ancestors)."""
    nodes = {r[0]: r[1:] for r in conn.execute(
        "SELECT id, parent_id, kind, dates, document FROM nodes")}
    doc_dates = dict(conn.execute("SELECT id, date FROM documents"))
    out: dict[str, tuple[str | None, int | None, tuple]] = {}
    for nid in nodes:
        chain = []
        cur, seen = nid, set()
        while cur in nodes and cur not in seen:
            seen.add(cur)
            chain.append(cur)
            cur = nodes[cur][0]
        meeting = next((c for c in chain if nodes[c][1] in ("meeting", "session")), None)
        if meeting is None and chain:
            meeting = chain[-1]
        year = _year(*(nodes[c][2] for c in chain), doc_dates.get(nodes[nid][3]))
        out[nid] = (meeting, year, tuple(chain))
    return out


def _theme_pairs(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(theme label, paragraph id) pairs from the thematic-index stage's tables
    (empty when it found nothing): themes(id, label), index_entries(id,
    theme_id), index_targets(entry_id, paragraph_id).
    """
    rows = conn.execute(
        "SELECT DISTINCT t.label, x.paragraph_id FROM themes t "
        "JOIN index_entries e ON e.theme_id = t.id "
        "JOIN index_targets x ON x.entry_id = e.id "
        "JOIN paragraphs p ON p.id = x.paragraph_id "
        "WHERE t.label IS NOT NULL AND t.label != ''")
    return sorted((str(label), str(pid)) for label, pid in rows)


def _rows(conn: sqlite3.Connection, themes_of: dict[str, list[int]]) -> Iterator[dict]:
    ctx = _node_context(conn)
    paragraphs = conn.execute(
        "SELECT id, text, part, document, node_id, unit_id, sort, citation, symbol, source_line "
        "FROM paragraphs ORDER BY sort, id").fetchall()
    # One text printed twice: same document, same source line, same text.
    copies: dict[tuple, list[str]] = {}
    for pid, text, _p, document, *_rest, line in paragraphs:
        if line is not None and text:
            copies.setdefault((document, line, text), []).append(pid)
    twin_of = {pid: ids[0] for ids in copies.values() if len(ids) > 1 for pid in ids}
    first_para: dict[str, tuple] = {}
    for pid, text, part, document, node_id, unit_id, sort, citation, symbol, _line in paragraphs:
        meeting, year, chain = ctx.get(node_id) or ctx.get(unit_id) or (unit_id, None, ())
        units = tuple(dict.fromkeys((*chain, unit_id, node_id, meeting)))
        for nid in (node_id, unit_id):
            first_para.setdefault(nid, (pid, part, document, meeting, year, sort))
        yield {"kind": "paragraph", "ref": pid, "label": None, "text": text or "",
               "part": part, "document": document, "meeting": meeting, "year": year,
               "sort": sort, "locator": normalize_locator(citation), "meta": symbol,
               "units": units, "themes": themes_of.get(pid, ()), "twin": twin_of.get(pid)}
    # Titles of decisions, resolutions, annexes and sections open their first paragraph.
    placeholders = ",".join("?" * len(_TITLE_KINDS))
    for nid, heading, title in conn.execute(
            f"SELECT id, heading, title FROM nodes WHERE kind IN ({placeholders}) "
            "AND title IS NOT NULL AND title != '' ORDER BY sort, id", _TITLE_KINDS):
        target = first_para.get(nid)
        if target is None:
            continue
        pid, part, document, meeting, year, sort = target
        yield {"kind": "title", "ref": pid, "label": heading or title, "text": title,
               "part": part, "document": document, "meeting": meeting, "year": year,
               "sort": sort, "locator": normalize_locator(heading),
               "units": tuple(dict.fromkeys((*ctx.get(nid, (None, None, ()))[2], meeting)))}


def build(db: sqlite_utils.Database, ctx: BuildContext | None = None) -> None:
    """Write the search tables (replacing any previous ones)."""
    conn = db.conn
    schema.create_search_tables(conn, (FTS_TABLE, DOCS_TABLE, THEMES_TABLE, INFO_TABLE))
    conn.execute(f"INSERT INTO {INFO_TABLE} VALUES ('version', ?)", (INDEX_VERSION,))
    conn.execute(f"INSERT INTO {INFO_TABLE} VALUES (?, ?)",
                 (lexicon.INFO_KEY, json.dumps(lexicon.load_files(), ensure_ascii=False)))

    pairs = _theme_pairs(conn)
    keys = {t: n for n, t in enumerate(sorted({t for t, _ in pairs}), 1)}
    themes_of: dict[str, list[int]] = {}
    for t, pid in pairs:
        themes_of.setdefault(pid, []).append(keys[t])
    conn.executemany(f"INSERT INTO {THEMES_TABLE} VALUES (?, ?, ?)",
                     [(t, pid, keys[t]) for t, pid in pairs])
    rows = list(_rows(conn, themes_of))
    for theme in keys:
        rows.append({"kind": "theme", "ref": theme, "label": theme, "text": theme,
                     "part": None, "document": None, "meeting": None, "year": None,
                     "sort": None, "locator": None})
    insert_rows(conn, rows)
    write_vocabulary(conn, (r["text"] for r in rows))
    for ddl in schema.SEARCH_INDEX_DDL:
        conn.execute(ddl)
    conn.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")
    conn.commit()


def insert_rows(conn: sqlite3.Connection, rows: Iterable[dict]) -> None:
    """Append rows (dicts as _rows yields) to the docs and FTS tables."""
    start = conn.execute(f"SELECT COALESCE(MAX(rowid), 0) FROM {DOCS_TABLE}").fetchone()[0]
    docs, fts = [], []
    for i, r in enumerate(rows, start + 1):
        loc = r.get("locator") or None
        # A paragraph's text stays in paragraphs: a narrow table keeps the
        # per-hit join for filters cheap.
        text = None if r["kind"] == "paragraph" else r["text"]
        docs.append((i, r["kind"], r["ref"], r["label"], text, r["part"],
                     r["document"], r["meeting"], r["year"], r["sort"],
                     loc, locator_tail(loc) if loc else None, r.get("twin")))
        fts.append((i, *index_columns(r["text"]), " ".join(words(r.get("meta") or "")),
                    row_tags(r)))
    conn.executemany(f"INSERT INTO {DOCS_TABLE} VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", docs)
    conn.executemany(
        f"INSERT INTO {FTS_TABLE}(rowid, {', '.join(COLUMNS)}) VALUES (?,?,?,?,?,?,?)", fts)


def write_vocabulary(conn: sqlite3.Connection, texts: Iterable[str]) -> None:
    """The corpus words: folded form, commonest spelling (no diacritics), count."""
    counts: dict[str, dict[str, int]] = {}
    for text in texts:
        for m in WORD_RE.finditer(text or ""):
            raw = strip_marks(m.group())
            folded = fold(raw)
            if folded:
                spellings = counts.setdefault(folded, {})
                spellings[raw] = spellings.get(raw, 0) + 1
    schema.create_search_tables(conn, (VOCAB_TABLE,))
    conn.executemany(f"INSERT INTO {VOCAB_TABLE} VALUES (?, ?, ?)",
                     [(w, max(sp, key=lambda k: (sp[k], k)), sum(sp.values()))
                      for w, sp in counts.items()])
    conn.execute(f"INSERT OR REPLACE INTO {INFO_TABLE} VALUES ('vocab', ?)",
                 (f"{len(counts)}-{time.time_ns()}",))


def row_tags(r: dict) -> str:
    """The tags column of one row (see tag())."""
    tags = [tag("k", r["kind"])]
    for kind, key in (("p", "part"), ("d", "document"), ("y", "year")):
        if r.get(key) is not None:
            tags.append(tag(kind, r[key]))
    tags.extend(tag("u", u) for u in r.get("units") or () if u)
    tags.extend(tag("t", t) for t in r.get("themes") or ())
    return " ".join(tags)


def dump(db: sqlite_utils.Database) -> Iterator[dict]:
    """Nothing: the index is derived from rows that other stages dump."""
    return iter(())


def check(db: sqlite_utils.Database) -> Iterator[Finding]:
    """Counts, and an error if a paragraph is missing from the index."""
    from desktop.content.build import Finding

    conn = db.conn
    if DOCS_TABLE not in _tables(conn):
        yield Finding("search", "error", "search index missing: rebuild the database")
        return
    counts = dict(conn.execute(f"SELECT kind, COUNT(*) FROM {DOCS_TABLE} GROUP BY kind"))
    yield Finding("search", "info",
                  "search index: " + ", ".join(f"{counts.get(k, 0)} {k}(s)"
                                               for k in ("paragraph", "title", "theme")))
    missing = conn.execute(
        f"SELECT COUNT(*) FROM paragraphs WHERE id NOT IN "
        f"(SELECT ref FROM {DOCS_TABLE} WHERE kind='paragraph')").fetchone()[0]
    if missing:
        yield Finding("search", "error", f"{missing} paragraph(s) missing from the search index")
    known = {t for (t,) in conn.execute(f"SELECT DISTINCT theme FROM {THEMES_TABLE}")}
    if known:
        for group in lexicon.for_connection(conn, INFO_TABLE).groups:
            for theme in group.themes:
                if theme not in known:
                    yield Finding("search", "error",
                                  f"data/search/lexicon.toml: group {group.forms[0]!r} names "
                                  f"theme {theme!r}, which the thematic index does not have")
    fts_rows = conn.execute(f"SELECT COUNT(*) FROM {FTS_TABLE}").fetchone()[0]
    docs_rows = sum(counts.values())
    if fts_rows != docs_rows:
        yield Finding("search", "error",
                      f"search index out of step: {fts_rows} FTS rows for {docs_rows} documents")
