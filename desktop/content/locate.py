"""THE locator resolver: what a user typed -> paragraph ids (Qt-free).

`python -m desktop --open`, `python -m desktop.export` and the search box all
take the same things and answer through this module:

* a paragraph id (``A07/13``) or a node id (``A07``, ``B6-r4``: its paragraphs);
* a citation as the app prints it, short or full
  («الجزء باء، المقرر 3/4، (ط) '2'»,
  «تقرير مؤتمر الأطراف عن أعمال دورته الثانية عشرة (2024)، الفقرة 81»,
  «…، الوثيقة CTOC/COP/WG.2/2013/5، الفقرة 34»);
* a locator of the thematic index (``الجزء ألف سابعاً-13``, ``ثامناً-3-7``),
  through desktop.content.locators and desktop.content.locator_resolver.
"""

from __future__ import annotations

from desktop.content import citations
from desktop.content.store import ContentStore


class UnknownLocator(LookupError):
    """Locators that name no paragraph (all of them, so they can be fixed at once)."""

    def __init__(self, locators: list[str]):
        super().__init__(", ".join(locators))
        self.locators = locators


def _strip_full_form(text: str) -> str:
    """The short citation inside a full one (official document, notice dropped)."""
    for cut in (" — ", "، الوثيقة "):
        if cut in text:
            text = text[:text.index(cut)]
    return text.strip()


def by_citation(store: ContentStore, text: str) -> str | None:
    """The paragraph a printed citation names, or None."""
    text = _strip_full_form(" ".join(text.split()))
    if not text:
        return None
    for document in store.documents():
        name = citations.document_name(document)
        if not name or not text.startswith(name):
            continue
        rest = text[len(name):].lstrip("، ").strip()
        symbol = document.symbol or ""
        if symbol and rest.startswith(symbol):
            rest = rest[len(symbol):].lstrip("، ").strip()
        for local in (rest, f"{symbol}، {rest}", f"الجزء باء، {rest}", f"الجزء ألف، {rest}"):
            found = store.paragraph_by_citation(local, document.id)
            if found:
                return found.id
        return None
    found = store.paragraph_by_citation(text)
    return found.id if found else None


def resolve(store: ContentStore, text: str) -> list[str]:
    """Paragraph ids one locator names, in reading order; [] if none."""
    text = " ".join((text or "").split())
    try:
        text.encode("utf-8")
    except UnicodeError:      # lone surrogates (a broken command line): names nothing
        return []
    if not text:
        return []
    if store.paragraph(text):
        return [text]
    under = store.paragraphs_under(text)
    if under:
        return under
    cited = by_citation(store, text)
    if cited:
        return [cited]
    try:
        found = store.locator_ids(text)
    except (ValueError, KeyError, LookupError):
        found = []
    known = store.existing_ids(found)
    return [pid for pid in found if pid in known]


def resolve_all(store: ContentStore, locators: list[str]) -> list[str]:
    """Paragraph ids for every locator, in order, without repeats;
    UnknownLocator names every one that matched nothing."""
    out: list[str] = []
    unknown: list[str] = []
    for raw in locators:
        ids = resolve(store, raw)
        if not ids:
            unknown.append(raw)
        out.extend(ids)
    if unknown:
        raise UnknownLocator(unknown)
    return list(dict.fromkeys(out))
