"""The spelling check of `python -m desktop.content check` (a build stage).

Every Arabic word of every paragraph, footnote and heading is looked up in
Hunspell's Arabic dictionary (Debian package `hunspell-ar`, read with the
pure-Python `spylls`). A word the dictionary does not know is

* explained if it is on the allow-list (data/spelling-allow.txt: names,
  symbols, terms of art, each with its reason);
* explained if its paragraph carries a damage mark (the COP 6 agenda's
  visual-order text, the migrant-smuggling report's reconstruction): those
  words are listed as warnings, the reader already says the text is damaged;
* otherwise an error: a typo to fix in data/corrections/*.toml or a word to
  allow. So `check` stays "non-zero on anything unexplained".

Loading the dictionary takes ~10 s in pure Python and a lookup a few ms, so
the answers are cached per dictionary (keyed by the files' hash) in the
user's cache folder; a second `check` does not load the dictionary at all.
Real-word errors (الآتية for الآنية) pass any word list: those need reading.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from desktop import paths
from desktop.content.build import BuildContext, Finding

if TYPE_CHECKING:
    import sqlite_utils

STAGE = "spelling"
ALLOW_FILE = "spelling-allow.txt"
#: where Hunspell dictionaries are installed (Debian/Ubuntu, Fedora, macOS Homebrew)
DICTIONARY_DIRS = ("/usr/share/hunspell", "/usr/share/myspell", "/usr/local/share/hunspell",
                   "/opt/homebrew/share/hunspell")
#: damaged or machine-reconstructed text: unknown words are explained by the mark
MARKED_QUALITIES = ("damaged", "reconstructed")

#: an Arabic word: letters, harakat, superscript alef, tatweel
WORD = re.compile(r"[\u0621-\u063A\u0640-\u065F\u0670]+")
_TATWEEL = "\u0640"
#: clitics an allow-listed name may carry (و + ب/ل/ك + ال ...)
_CLITICS = re.compile(r"^(?:[وف])?(?:[بلك])?(?:ال)?")


class DictionaryMissing(Exception):
    """No Arabic Hunspell dictionary on this machine."""


def words(text: str) -> list[str]:
    """The Arabic words of a text, tatweel removed (it is decoration, not spelling)."""
    out = []
    for m in WORD.finditer(text or ""):
        w = m.group().replace(_TATWEEL, "")
        if w:
            out.append(w)
    return out


def dictionary_files() -> tuple[Path, Path]:
    """The .dic/.aff pair of Hunspell's Arabic dictionary; DictionaryMissing if none."""
    override = os.environ.get("COMPENDIUM_HUNSPELL_AR")
    candidates = [Path(override)] if override else [Path(d) / "ar" for d in DICTIONARY_DIRS]
    for base in candidates:
        dic, aff = base.with_suffix(".dic"), base.with_suffix(".aff")
        if dic.is_file() and aff.is_file():
            return dic, aff
    raise DictionaryMissing(
        "Hunspell's Arabic dictionary (ar.dic/ar.aff) not found: install the Debian "
        "package hunspell-ar (or set COMPENDIUM_HUNSPELL_AR to the path without suffix)")


def _cache_dir() -> Path:
    explicit = os.environ.get("COMPENDIUM_SPELLING_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "unodc-ta-compendium"


class Speller:
    """Dictionary lookups with a persistent per-dictionary cache.

    The dictionary itself is loaded only when a word is not in the cache.
    """

    def __init__(self, dic: Path, aff: Path, cache_dir: Path | None = None):
        self.dic, self.aff = dic, aff
        digest = hashlib.sha256(dic.read_bytes() + b"\0" + aff.read_bytes()).hexdigest()[:16]
        self.cache_path = (cache_dir or _cache_dir()) / f"spelling-ar-{digest}.json"
        self._known: dict[str, bool] = {}
        with contextlib.suppress(OSError, ValueError):
            loaded = json.loads(self.cache_path.read_text(encoding="utf-8"))
            if isinstance(loaded, dict):
                self._known = {str(k): bool(v) for k, v in loaded.items()}
        self._dirty = False
        self._dictionary: Any = None   # spylls.hunspell.Dictionary, once read
        self.loaded_dictionary = False

    def _load(self) -> Any:
        """spylls' Dictionary (untyped), read on the first cache miss."""
        if self._dictionary is None:
            from spylls.hunspell import Dictionary  # slow import and load: only on a cache miss
            self._dictionary = Dictionary.from_files(str(self.dic.with_suffix("")))
            self.loaded_dictionary = True
        return self._dictionary

    def known(self, word: str) -> bool:
        hit = self._known.get(word)
        if hit is None:
            hit = bool(self._load().lookup(word))
            self._known[word] = hit
            self._dirty = True
        return hit

    def save(self) -> None:
        """Write the cache atomically; a cache that cannot be written is only slower."""
        if not self._dirty:
            return
        with contextlib.suppress(OSError):
            self.cache_path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.cache_path.parent, suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(self._known, fh, ensure_ascii=False, sort_keys=True)
                os.replace(tmp, self.cache_path)
            finally:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(tmp)
        self._dirty = False


def load_allow_list(path: Path | None = None) -> set[str]:
    """Words allowed though the dictionary lacks them: one a line, `#` comments."""
    path = path or paths.data(ALLOW_FILE)
    allowed = set()
    with contextlib.suppress(FileNotFoundError):
        for line in path.read_text(encoding="utf-8").splitlines():
            word = line.split("#", 1)[0].strip().replace(_TATWEEL, "")
            if word:
                allowed.add(word)
    return allowed


def allowed(word: str, allow: set[str]) -> bool:
    """On the allow-list as written or with clitics (وكيوتو، لمولدوفا، والإنتربول)."""
    if word in allow:
        return True
    m = _CLITICS.match(word)
    for cut in range(m.end() if m else 0, 0, -1):
        if word[cut:] in allow and len(word) - cut >= 2:
            return True
    return False


@dataclass(frozen=True)
class Place:
    document: str
    where: str          # a paragraph id, "fn-..." footnote id or node id
    marked: bool        # its text carries a damage/reconstruction mark


def places(db: sqlite_utils.Database) -> list[tuple[Place, str]]:
    """(place, text) for every paragraph, footnote and heading of every document."""
    # a damaged document's headings are damaged too (the COP 6 agenda's visual
    # order); a reconstructed one's are sound (its quality note says so)
    damaged_docs = {r["id"] for r in db.query(
        "SELECT id FROM documents WHERE quality = 'damaged'")}
    marked_paras = set()
    if "paragraph_quality" in db.table_names():
        marked_paras = {r["paragraph_id"] for r in db.query(
            "SELECT paragraph_id FROM paragraph_quality WHERE quality IN (?, ?)",
            list(MARKED_QUALITIES))}
    out = []
    for r in db.query("SELECT id, document, text FROM paragraphs ORDER BY sort"):
        out.append((Place(r["document"], r["id"], r["id"] in marked_paras), r["text"]))
    for r in db.query("SELECT f.id, f.document, f.text, f.paragraph_id FROM footnotes f "
                      "LEFT JOIN paragraphs p ON p.id = f.paragraph_id ORDER BY p.sort, f.number"):
        out.append((Place(r["document"], r["id"], r["paragraph_id"] in marked_paras), r["text"]))
    for r in db.query("SELECT id, document, heading, title FROM nodes ORDER BY sort"):
        text = " ".join(t for t in (r["heading"], r["title"]) if t)
        out.append((Place(r["document"], r["id"], r["document"] in damaged_docs), text))
    return [(p, t) for p, t in out if t]


def unknown_words(db: sqlite_utils.Database, speller: Speller, allow: set[str]) -> dict[Place, list[str]]:
    """place -> its unknown, not allow-listed words (in text order, each once)."""
    found: dict[Place, list[str]] = defaultdict(list)
    for place, text in places(db):
        for w in words(text):
            if w in found[place] or allowed(w, allow):
                continue
            if not speller.known(w):
                found[place].append(w)
    speller.save()
    return {p: ws for p, ws in found.items() if ws}


def build(db: sqlite_utils.Database, ctx: BuildContext) -> None:
    """Nothing to write: the check reads the built text."""


def dump(db: sqlite_utils.Database) -> Iterator[dict]:
    return iter(())


def check(db: sqlite_utils.Database) -> Iterator[Finding]:
    try:
        dic, aff = dictionary_files()
    except DictionaryMissing as exc:
        yield Finding(STAGE, "error", str(exc))
        return
    try:
        speller = Speller(dic, aff)
        found = unknown_words(db, speller, load_allow_list())
    except ImportError:
        yield Finding(STAGE, "error", "the spelling check needs the Python package spylls "
                                      "(pip install -e .)")
        return
    explained = sum(len(ws) for p, ws in found.items() if p.marked)
    errors = sum(len(ws) for p, ws in found.items() if not p.marked)
    for place, ws in found.items():
        if place.marked:
            yield Finding(STAGE, "warning", f"{place.where}: unknown words in text marked as "
                                            f"damaged/reconstructed: {' '.join(ws)}")
        else:
            yield Finding(STAGE, "error", f"{place.where}: unknown words: {' '.join(ws)} "
                                          f"(fix in data/corrections or allow in data/{ALLOW_FILE})")
    yield Finding(STAGE, "info", f"spelling: {errors} unknown word(s) unexplained, "
                                 f"{explained} in marked damaged/reconstructed text")
