"""Parse the report of COP 12 (Vienna, 14-18 October 2024; seed 002).

Chapter I holds the texts adopted: section ألف the resolutions 12/1-12/4
(opening words, preamble paragraphs, operative paragraphs, annexes with
lettered recommendations under sub-headings), section باء the decisions
12/1-12/2. Chapters II-XI are the report proper, paragraphs 3-82 (1 and 2
introduce the two sections of chapter I). Numbering restarts inside every
resolution, annex and decision, so a citation names its container:
``القرار 2/12، المرفق الثاني، (ق)``.

Extraction damage handled here: footnote texts ``(n) ...`` stand where the
PDF page ended, often inside a paragraph that goes on after them; list lines
carry a bullet "- "; two-line headings; ``[symbol](#)`` links. Source
errors (wrong words) are fixed before parsing by
data/corrections/cop12-report.toml. Anything the parser cannot place is a
`Problem`, never dropped.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterator

from desktop.content import ids
from desktop.content.model import Footnote, Node, Paragraph, Parsed, Problem, strip_markers
from desktop.content.related import clean_markdown

DOCUMENT = "cop12-report"
PREFIX = "cop12"
ROOT = PREFIX
SESSION = 12
TITLE = ("تقرير مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة "
         "عبر الوطنية عن أعمال دورته الثانية عشرة، المعقودة في فيينا من 14 "
         "إلى 18 تشرين الأول/أكتوبر 2024")

CHAPTER_ORDINALS = {
    "اولا": 1, "ثانيا": 2, "ثالثا": 3, "رابعا": 4, "خامسا": 5, "سادسا": 6,
    "سابعا": 7, "ثامنا": 8, "تاسعا": 9, "عاشرا": 10, "حادي عشر": 11,
}
SECTION_LETTERS = {"ألف": "A", "باء": "B", "جيم": "C", "دال": "D", "هاء": "E"}
ANNEX_ORDINALS = {None: None, "الأول": 1, "الثاني": 2}
ANNEX_NAMES = {None: "المرفق", 1: "المرفق الأول", 2: "المرفق الثاني"}

_ABJAD = "|".join(re.escape(a) for a in sorted(ids.ABJAD + ["ه"], key=len, reverse=True))
_BULLET = re.compile(r"^-\s+(?=\S)")
_CHAPTER = re.compile(r"^(أولاً|أولا|ثانياً|ثانيا|ثالثاً|ثالثا|رابعاً|رابعا|خامساً|خامسا|سادساً|سادسا|"
                      r"سابعاً|سابعا|ثامناً|ثامنا|تاسعاً|تاسعا|عاشراً|عاشرا|حادي عشر)\s*-\s*(\S.*)$")
_SECTION = re.compile(r"^(ألف|باء|جيم|دال|هاء)\s*-\s*(\S.*)$")
_UNIT = re.compile(r"^(القرار|المقرر)\s+(\d+)/12$")
_ANNEX = re.compile(r"^المرفق(?:\s+(الأول|الثاني))?$")
_ACTION = re.compile(r"^الإجراء الذي اتخذ(?:ته|ه) المؤتمر$")
_NUMBER = re.compile(r"^(\d+)\s*-\s+(.*)$")
_LETTER = re.compile(rf"^\(({_ABJAD})\)\s+(.*)$")
_FOOTNOTE = re.compile(r"^\((\d+)\)\s+(.*)$")
_STAR_FOOTNOTE = re.compile(r"^\\?\*\s+(CTOC/.*)$")
_CHAPEAU = re.compile(r"^إن مؤتمر الأطراف")
#: Preamble paragraphs open with إذ / وإذ (the source misprints some as
#: إن / وإن, and some as واذ; the corrections file restores them, but the
#: parser accepts both so the structure never depends on a fix).
_PREAMBLE = re.compile(r"^و?(?:إذ|اذ|إن|ان)\s+(?!مؤتمر)\S")
_TERMINAL = (".", "؛", ":", "،")


def _fold_ordinal(word: str) -> str:
    return re.sub("[\u064b-\u0652]", "", word).replace("أ", "ا")


def _clean(raw: str) -> str:
    return unicodedata.normalize("NFC", raw).replace("\u00a0", " ").strip()


def _present(node: Node | None, what: str) -> Node:
    """`node`, which the zone the parser is in guarantees is set."""
    assert node is not None, f"no {what} before this line"
    return node


class _Parser:
    def __init__(self, lines: list[str]):
        self.lines = lines
        self.out = Parsed()
        self.root = Node(id=ROOT, kind="document", heading=TITLE,
                         title="الدورة الثانية عشرة، فيينا، 14-18 تشرين الأول/أكتوبر 2024",
                         dates="من 14 إلى 18 تشرين الأول/أكتوبر 2024", source_line=12)
        self.out.nodes.append(self.root)
        self.chapter: Node | None = None
        self.section: Node | None = None     # ألف/باء... of a chapter, or an action heading
        self.unit: Node | None = None        # resolution or decision
        self.annex: Node | None = None
        self.sub: Node | None = None         # sub-heading inside an annex or decision
        self.zone = "front"                  # front, report, title, preamble, operative, annex-title, annex
        self.last: Paragraph | None = None   # the paragraph a continuation line belongs to
        self.last_numbered: Paragraph | None = None
        self.counters: dict[str, int] = {}
        self.expected_report = 1
        self.expected_fn = 1
        self.fn_open: Footnote | None = None
        #: paragraphs that are a list of names, one a line (the officers after paragraph 6)
        self.name_lists: set[str] = set()

    # -- helpers ------------------------------------------------------------
    def problem(self, severity: str, line: int, message: str) -> None:
        self.out.problems.append(Problem(severity, line, message))

    def add_node(self, node: Node) -> Node:
        self.out.nodes.append(node)
        return node

    def container(self) -> Node:
        return self.annex or self.unit or self.section or self.chapter or self.root

    def cite_unit(self) -> str:
        return self.unit.heading if self.unit else ""

    def citation(self, kind: str, label_path: list[str]) -> str:
        if self.unit is None:
            return ("الفقرة " + " ".join(label_path) if label_path
                    else _present(self.chapter, "chapter").heading)
        pieces = [self.unit.heading]
        if self.annex is not None:
            pieces.append(self.annex.heading)
        if kind == "chapeau":
            pieces.append("الفقرة الافتتاحية")
        elif kind == "text":
            pieces.append("الفقرة التمهيدية")
        elif label_path:
            pieces.append(" ".join(label_path))
        return "، ".join(pieces)

    def add_paragraph(self, kind: str, code: str, label_path: list[str], text: str,
                      line: int, depth: int, parent: Paragraph | None = None) -> Paragraph:
        if parent is not None:
            pid = f"{parent.id}.{code}"
        elif self.unit is None:
            pid = f"{PREFIX}:{code}"
        else:
            pid = ids.paragraph_id(self.container().id, [code])
        if any(p.id == pid for p in self.out.paragraphs):
            self.problem("error", line, f"duplicate paragraph id {pid}")
            pid = f"{pid}~{line}"
        body, markers = strip_markers(text)
        unit = self.unit or _present(self.chapter, "chapter")
        para = Paragraph(
            id=pid, node_id=(self.sub or self.container()).id, unit_id=unit.id,
            kind=kind, label=" ".join(label_path), label_path=label_path, text=body.strip(),
            citation=self.citation(kind, label_path), depth=depth,
            source_line=line, source_line_end=line, markers=markers)
        self.out.paragraphs.append(para)
        self.last = para
        return para

    def count(self, key: str) -> int:
        self.counters[key] = self.counters.get(key, 0) + 1
        return self.counters[key]

    def check_sequence(self, key: str, value: int, line: int, label: str) -> None:
        expected = self.counters.get(key, 0) + 1
        if value != expected:
            self.problem("error", line, f"{label} out of sequence (expected {expected}) in "
                         f"{self.container().id}")
        self.counters[key] = value

    # -- blocks -------------------------------------------------------------
    def blocks(self) -> Iterator[tuple[int, str]]:
        """Yield (line number, text): consecutive lines join unless the next
        one starts a labelled item, a footnote or a heading."""
        current: list[str] = []
        start = 0
        for idx, raw in enumerate(self.lines):
            text = _clean(raw)
            n = idx + 1
            if not text:
                if current:
                    yield start, " ".join(current)
                    current = []
                continue
            starts_new = bool(_BULLET.match(text) or _NUMBER.match(text) or _LETTER.match(text)
                              or _FOOTNOTE.match(text) or _STAR_FOOTNOTE.match(text))
            if current and starts_new:
                yield start, " ".join(current)
                current = []
            if not current:
                start = n
            current.append(text)
        if current:
            yield start, " ".join(current)

    def run(self) -> Parsed:
        for n, text in self.blocks():
            self.handle(n, text)
        self.finish()
        return self.out

    def handle(self, n: int, text: str) -> None:
        text = clean_markdown(_BULLET.sub("", text, count=1))
        if self.zone == "front":
            m = _CHAPTER.match(text)
            if not m:
                return                       # title page and table of contents
        if self.footnote(n, text):
            return
        self.fn_open = None
        if (self.chapter_heading(n, text) or self.section_heading(n, text)
                or self.unit_heading(n, text) or self.annex_heading(n, text)
                or self.action_heading(n, text)):
            self.last = None
            return
        m = _NUMBER.match(text)
        if m:
            self.numbered(int(m.group(1)), m.group(2), n)
            return
        m = _LETTER.match(text)
        if m:
            self.lettered(m.group(1), m.group(2), n)
            return
        self.unlabelled(text, n)

    def footnote(self, n: int, text: str) -> bool:
        m = _STAR_FOOTNOTE.match(text)
        if m:
            self.out.footnotes.append(Footnote(0, m.group(1), n))
            self.fn_open = self.out.footnotes[-1]
            return True
        m = _FOOTNOTE.match(text)
        if m and int(m.group(1)) == self.expected_fn:
            self.out.footnotes.append(Footnote(self.expected_fn, m.group(2).strip(), n))
            self.expected_fn += 1
            self.fn_open = self.out.footnotes[-1]
            return True
        if self.fn_open is not None and self.fn_open.text.endswith("،"):
            # a footnote broken over two lines (footnote 9)
            self.fn_open.text += " " + text
            return True
        return False

    def chapter_heading(self, n: int, text: str) -> bool:
        m = _CHAPTER.match(text)
        if not m:
            return False
        number = CHAPTER_ORDINALS[_fold_ordinal(m.group(1))]
        self.chapter = self.add_node(Node(
            id=f"{PREFIX}:ch{number}", kind="section", heading=text, parent_id=ROOT,
            number=number, source_line=n))
        self.section = self.unit = self.annex = self.sub = None
        self.last_numbered = None
        self.zone = "report"
        return True

    def section_heading(self, n: int, text: str) -> bool:
        m = _SECTION.match(text)
        if not m or self.chapter is None:
            return False
        letter = SECTION_LETTERS[m.group(1)]
        self.section = self.add_node(Node(
            id=f"{self.chapter.id}.{letter}", kind="section", heading=text,
            parent_id=self.chapter.id, source_line=n))
        self.unit = self.annex = self.sub = None
        self.last_numbered = None
        self.zone = "report"
        return True

    def action_heading(self, n: int, text: str) -> bool:
        if not _ACTION.match(text):
            return False
        parent = self.section or _present(self.chapter, "chapter")
        self.sub = self.add_node(Node(
            id=f"{parent.id}/action", kind="section", heading=text,
            parent_id=parent.id, source_line=n))
        return True

    def unit_heading(self, n: int, text: str) -> bool:
        m = _UNIT.match(text)
        if not m:
            return False
        kind = "resolution" if m.group(1) == "القرار" else "decision"
        number = int(m.group(2))
        self.unit = self.add_node(Node(
            id=f"{PREFIX}:{'r' if kind == 'resolution' else 'd'}{number}", kind=kind,
            heading=text, parent_id=_present(self.section, "section").id, session=SESSION,
            decision_number=number, source_line=n))
        self.annex = self.sub = None
        self.last_numbered = None
        self.counters = {k: v for k, v in self.counters.items() if k == "report"}
        self.zone = "title"
        return True

    def annex_heading(self, n: int, text: str) -> bool:
        m = _ANNEX.match(text)
        if not m or self.unit is None:
            return False
        ordinal = ANNEX_ORDINALS[m.group(1)]
        self.annex = self.add_node(Node(
            id=ids.annex_id(self.unit.id, ordinal), kind="annex", heading=ANNEX_NAMES[ordinal],
            parent_id=self.unit.id, source_line=n))
        self.sub = None
        self.last_numbered = None
        self.counters = {k: v for k, v in self.counters.items() if k == "report"}
        self.zone = "annex-title"
        return True

    # -- labelled paragraphs --------------------------------------------------
    def numbered(self, number: int, body: str, n: int) -> None:
        if self.unit is None:
            if number != self.expected_report:
                self.problem("error", n, f"report paragraph {number} where "
                             f"{self.expected_report} was expected")
            self.expected_report = number + 1
        else:
            self.check_sequence("number", number, n, f"paragraph {number}")
            if self.zone == "preamble":
                self.zone = "operative"
        para = self.add_paragraph("numbered", str(number), [str(number)], body, n, depth=0)
        self.last_numbered = para
        self.counters.pop("letter", None)

    def lettered(self, letter: str, body: str, n: int) -> None:
        rank = ids.abjad_rank(letter)
        letter = ids.ABJAD[rank - 1]
        parent = self.last_numbered
        self.check_sequence("letter", rank, n, f"item ({letter})")
        code = ids.label_code(ids.LETTER, letter)
        label = ids.printed_label(ids.LETTER, letter)
        if parent is not None:
            self.add_paragraph("item", code, parent.label_path + [label], body, n,
                               depth=1, parent=parent)
            self.last_numbered = parent
        else:
            self.add_paragraph("item", code, [label], body, n, depth=0)

    # -- unlabelled blocks ----------------------------------------------------
    def unlabelled(self, text: str, n: int) -> None:
        last = self.last
        if self.zone == "report" and last is not None and last.id in self.name_lists:
            last.append(text, n, sep="\n")     # the list of officers, one per line
            return
        if last is not None and not last.text.endswith(_TERMINAL):
            last.append(text, n)            # a paragraph broken by a page or footnotes
            return
        if last is not None and last.text.endswith("،") and self.zone == "operative":
            last.append(text, n)
            return
        if self.zone == "title":
            _present(self.unit, "resolution or decision").title = text
            self.zone = "chapeau"
            return
        if self.zone == "annex-title":
            _present(self.annex, "annex").title = text
            self.zone = "annex"
            return
        if self.zone == "chapeau" and _CHAPEAU.match(text):
            self.add_paragraph("chapeau", ids.label_code(ids.CHAPEAU, 1), [], text, n, depth=0)
            self.zone = "preamble"
            return
        if self.zone == "preamble" and _PREAMBLE.match(text):
            number = self.count("preamble")
            self.add_paragraph("preamble", ids.label_code(ids.PREAMBLE, number),
                               [ids.printed_label(ids.PREAMBLE, number)], text, n, depth=0)
            return
        if self.zone in ("chapeau", "annex") and self.last is None or (
                self.zone in ("chapeau", "annex") and text.startswith(("اعتمد", "وافق"))
                and not self.counters.get("letter") and not self.counters.get("number")):
            number = self.count("text")
            self.add_paragraph("text", ids.label_code(ids.TEXT, number), [], text, n, depth=0)
            return
        if self.zone in ("annex", "chapeau") and last is not None and last.text.endswith((".", "؛", ":")):
            parent = self.annex or _present(self.unit, "resolution or decision")
            count = self.count("sub")
            self.sub = self.add_node(Node(
                id=f"{parent.id}/s{count}", kind="section", heading=text,
                parent_id=parent.id, source_line=n))
            self.last = None
            return
        if self.zone == "report" and last is not None and last.text.endswith(":"):
            # the list of officers after paragraph 6: one name per line
            last.append(text, n, sep="\n")
            self.name_lists.add(last.id)
            return
        self.problem("error", n, f"line not placed: {text[:60]}")

    def finish(self) -> None:
        if self.expected_report != 83:
            self.problem("error", 0, f"report paragraphs end at {self.expected_report - 1}, not 82")
        self.attach_footnotes()

    def attach_footnotes(self) -> None:
        by_number = {fn.number: fn for fn in self.out.footnotes}
        for para in self.out.paragraphs:
            for number, offset in para.markers:
                fn = by_number.get(number)
                if fn is None:
                    self.problem("error", para.source_line, f"footnote marker ({number}) has no text")
                elif fn.paragraph_id is not None:
                    self.problem("error", para.source_line, f"footnote marker ({number}) appears twice")
                else:
                    fn.paragraph_id, fn.marker_offset = para.id, offset
        star = by_number.get(0)
        if star is not None and self.out.paragraphs:
            # "* CTOC/COP/2024/1." (the agenda) has no marker in the extracted
            # text; it belongs to the document as a whole: first paragraph.
            star.paragraph_id = self.out.paragraphs[0].id
        for fn in self.out.footnotes:
            if fn.paragraph_id is None:
                self.problem("error", fn.source_line, f"footnote ({fn.number}) has no marker")


def parse(text: str) -> Parsed:
    return _Parser(text.split("\n")).run()
