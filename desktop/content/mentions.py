"""Find what an Arabic paragraph refers to: decisions, resolutions, paragraphs, articles.

A pure function over text (no database), so every document's stage can use it:

    find_mentions("وإذ استذكر مقرريه 6/2 و4/3")
    -> two decision mentions of the COP: (session 2, number 6), (session 3, number 4)

Rules of the Arabic text:
- `a/b` is number a of session b: `المقرر 4/3` is decision 4 of session 3
  (English 3/4).
- the keyword gives the kind: `قرار` resolution, `مقرر` decision, with
  their clitics and suffixes (`بالمقررين`, `مقرريه`, `مقرَّره`, `وقرارها`);
- an enumeration inherits its keyword and body: `مقرريه 6/2 و4/3`;
- the body is the Conference of the Parties unless named:
  `قرار الجمعية العامة 25/55` (General Assembly), `قرار المجلس الاقتصادي
  والاجتماعي 27/2006` (ECOSOC); `وقرارها 25/55` after a General Assembly
  mention is the Assembly's again;
- `الفقرة 2 أعلاه` is a paragraph of the same unit (`أعلاه` above,
  `أدناه` below); `الفقرة 2 (ج) من المادة 30 من الاتفاقية` is an article
  of the Convention (with its paragraph), never a paragraph of the
  compendium; `المادة 26 من الاتفاقية`, `المادتين 24 و25 منها`,
  `الفقرتين 4 و5 من المادة 32` likewise. An article of another instrument
  (`من النظام الداخلي`) keeps its instrument;
- a document symbol (`CTOC/COP/2008/16`, `A/63/539`) is a "document"
  mention (body "symbol").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKS = "\u064b-\u065f\u0670\u0640"
_AR = "\u0621-\u064a"
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


def _w(word: str) -> str:
    """A regex for `word` that tolerates diacritics and tatweel between letters."""
    return "".join(re.escape(ch) + f"[{_MARKS}]*" for ch in word)


@dataclass(frozen=True)
class Mention:
    """One reference found in a text.

    kind: "decision", "resolution", "paragraph", "article" or "document";
    body: for decisions/resolutions "cop", "ga", "ecosoc" or "other"; for a
    paragraph "self" (same unit); for an article the instrument:
    "convention", "rules_of_procedure", "protocol" or "other";
    session/number: of a decision or resolution (`4/3` -> session 3, number 4);
    paragraph: label path of a paragraph (("2", "(ج)")) for paragraph
    mentions and for an article's paragraph; article: the article number;
    text: the words as printed; start/end: their offsets.
    """

    kind: str
    body: str
    text: str
    start: int
    end: int
    session: int | None = None
    number: int | None = None
    paragraph: tuple[str, ...] | None = None
    article: int | None = None
    direction: str | None = None   # "above" / "below" for paragraph mentions


_DECISION_WORD = (
    rf"(?<![{_AR}])(?:و|ف)?(?:ب|ل)?(?:ال)?"
    rf"(?P<stem>{_w('مقرر')}|{_w('قرار')})"
    rf"(?P<suffix>{_w('يه')}|{_w('ين')}|{_w('ات')}|{_w('اته')}|{_w('اتها')}|{_w('ها')}|{_w('ه')}|{_w('ي')})?"
    rf"(?![{_AR}])"
)
_BODIES = [
    ("ga", _w("الجمعية العامة")),
    ("ecosoc", _w("المجلس الاقتصادي والاجتماعي")),
    ("cop", _w("مؤتمر الأطراف") + rf"(?:\s+{_w('في الاتفاقية')})?"),
    ("cop", _w("المؤتمر")),
]
_BODY_RE = re.compile(r"\s+(?:" + "|".join(f"(?P<{b}{i}>{p})" for i, (b, p) in enumerate(_BODIES)) + ")")
_NUM = r"([0-9٠-٩]+)\s*/\s*([0-9٠-٩]+)(?![0-9٠-٩/])"
_DECISION_RE = re.compile(_DECISION_WORD)
_NUMBER_RE = re.compile(r"\s+" + _NUM)
_ENUM_RE = re.compile(r"\s*(?:،|,)?\s*و\s*" + _NUM)

_LETTER = r"\((?:هـ|[\u0621-\u064a])\)"
_PARA_WORD = rf"(?<![{_AR}])(?:و|ف)?(?:ب|ل|لل)?(?:ال)?{_w('فقر')}(?:{_w('ة')}|{_w('تين')}|{_w('ات')}|{_w('تان')})(?![{_AR}])"
_ARTICLE_WORD = rf"(?<![{_AR}])(?:و|ف)?(?:ب|ل|لل)?(?:ال)?{_w('ماد')}(?:{_w('ة')}|{_w('تين')}|{_w('تان')}|{_w('ات')})(?![{_AR}])"
_LABEL = rf"[0-9٠-٩]+(?:\s*{_LETTER})?(?:\s*'[0-9]+')?"
_LABEL_LIST = rf"{_LABEL}(?:\s*(?:،|,)?\s*و\s*{_LABEL})*"
_PARA_RE = re.compile(rf"{_PARA_WORD}\s+(?P<labels>{_LABEL_LIST})")
_ARTICLE_RE = re.compile(rf"{_ARTICLE_WORD}\s+(?P<labels>[0-9٠-٩]+(?:\s*(?:،|,)?\s*و\s*[0-9٠-٩]+)*)")
_OF_ARTICLE = re.compile(rf"\s+من\s+{_ARTICLE_WORD}\s+(?P<art>[0-9٠-٩]+)")
_INSTRUMENT = [
    ("convention", re.compile(rf"\s*(?:من|في)\s+(?:{_w('الاتفاقية')}|{_w('اتفاقية')}\s)|\s+منها")),
    ("rules_of_procedure", re.compile(rf"\s*من\s+{_w('النظام الداخلي')}")),
    ("protocol", re.compile(rf"\s*من\s+{_w('البروتوكول')}")),
]
_SYMBOL_RE = re.compile(r"(?<![A-Za-z0-9/])(?:CTOC|A|E)/[A-Za-z0-9./]*[A-Za-z0-9]")
_DIRECTION = re.compile(rf"\s*(?P<d>{_w('أعلاه')}|{_w('أدناه')})")


def _int(s: str) -> int:
    return int(s.translate(DIGITS))


def _labels(text: str) -> list[tuple[str, ...]]:
    out = []
    for piece in re.split(r"\s*(?:،|,)?\s*و\s*(?=[0-9٠-٩])", text.strip()):
        m = re.match(rf"([0-9٠-٩]+)\s*({_LETTER})?\s*('[0-9]+')?", piece)
        if m:
            out.append(tuple(x.translate(DIGITS) if i == 0 else x
                             for i, x in enumerate(m.groups()) if x))
    return out


def _instrument(text: str, pos: int) -> str | None:
    for name, rx in _INSTRUMENT:
        if rx.match(text, pos):
            return name
    return None


def find_mentions(text: str) -> list[Mention]:
    """Every decision, resolution, paragraph and article reference in `text`, in order."""
    found: list[Mention] = []
    previous_body = None
    words = list(_DECISION_RE.finditer(text))
    for i, kw in enumerate(words):
        stem = re.sub(f"[{_MARKS}]", "", kw.group("stem"))
        kind = "resolution" if stem == "قرار" else "decision"
        suffix = re.sub(f"[{_MARKS}]", "", kw.group("suffix") or "")
        pos = kw.end()
        body = "cop"
        named = _BODY_RE.match(text, pos)
        if named:
            body = re.sub(r"\d+$", "", next(k for k, v in named.groupdict().items() if v))
            pos = named.end()
        elif suffix in ("ها", "اتها"):
            # "وقرارها": the (feminine) body named before, e.g. the General Assembly
            body = previous_body if previous_body not in (None, "cop") else "other"
        number = _NUMBER_RE.match(text, pos)
        if not number:
            continue                        # "ومن المقرر أن", "مقرر" as a noun
        a, b = _int(number.group(1)), _int(number.group(2))
        found.append(Mention(kind, body, text[kw.start():number.end()], kw.start(),
                             number.end(), session=b, number=a))
        previous_body = body
        end = number.end()
        limit = words[i + 1].start() if i + 1 < len(words) else len(text)
        while True:
            cont = _ENUM_RE.match(text, end)
            if not cont or cont.start() >= limit:
                break
            a, b = _int(cont.group(1)), _int(cont.group(2))
            start = cont.start() + len(cont.group(0)) - len(cont.group(0).lstrip(" ،,"))
            found.append(Mention(kind, body, text[start:cont.end()].strip(), start,
                                 cont.end(), session=b, number=a))
            end = cont.end()
    # articles first, so that "الفقرة 2 (ج) من المادة 30" is one article mention
    taken: list[tuple[int, int]] = []
    for m in _PARA_RE.finditer(text):
        of_article = _OF_ARTICLE.match(text, m.end())
        if of_article:
            instrument = _instrument(text, of_article.end()) or "other"
            art = _int(of_article.group("art"))
            for label in _labels(m.group("labels")):
                found.append(Mention("article", instrument,
                                     text[m.start():of_article.end()], m.start(),
                                     of_article.end(), paragraph=label, article=art))
            taken.append((m.start(), of_article.end()))
            continue
        direction = _DIRECTION.match(text, m.end())
        for label in _labels(m.group("labels")):
            end = direction.end() if direction else m.end()
            d = None
            if direction:
                d = "above" if "أعلاه" in re.sub(f"[{_MARKS}]", "", direction.group("d")) else "below"
            found.append(Mention("paragraph", "self", text[m.start():end], m.start(), end,
                                 paragraph=label, direction=d))
    for m in _ARTICLE_RE.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        instrument = _instrument(text, m.end()) or "other"
        for n in re.findall(r"[0-9٠-٩]+", m.group("labels")):
            found.append(Mention("article", instrument, m.group(0), m.start(), m.end(),
                                 article=_int(n)))
    for m in _SYMBOL_RE.finditer(text):
        found.append(Mention("document", "symbol", m.group(0), m.start(), m.end()))
    found.sort(key=lambda x: (x.start, x.end))
    return found
