"""Parse the compendium's Parts A and B into nodes, paragraphs and footnotes.

The source (data/sources/compendium.txt) is Markdown-ish text extracted from
the PDF. Headings carry 0 to 4 '#' at random; labels may be preceded by a
bullet "- "; footnote definitions (``<sup>(n)</sup> text``) stand where the
page ended, sometimes in the middle of a paragraph that then continues after
them; one footnote is printed backwards (``. text<sup>(13)</sup>``). The parser
reads line by line with a small state machine and never guesses silently:
every line it cannot place becomes a `Problem` for `check`.
"""

from __future__ import annotations

import json
import re
import unicodedata

from desktop.content import ids
from desktop.content.compendium_facts import MEETING_SYMBOLS, PART_HEADINGS, PART_TITLES, SESSION_SYMBOLS
from desktop.content.model import (
    SUP_MARKER, Footnote, Node, Paragraph, Parsed, Problem, strip_markers)


_MARKS = re.compile("[\u064b-\u0652\u0670]")
_HEADING = re.compile(r"^\s*#+\s*")
_BULLET = re.compile(r"^\s*-\s+(?=\S)")
_NUMBER = re.compile(r"^(\d+)\s*-\s*")
_LETTER = re.compile(r"^\((هـ|[\u0621-\u064a])\)\s*")
_QUOTED = re.compile(r"^'(\d+)'\s*")
_DECISION = re.compile(r"^(المقرر|القرار)\s+(\d+)/(\d+)\s*$")
_ANNEX = re.compile(r"^المرفق(?:\s+(الأول|الثاني|الثالث))?\s*$")
_ORDINAL_HEAD = re.compile(r"^(?P<ord>[^-–]+?)\s*-\s*(?P<rest>.+)$")
_FOOTNOTE_DEF = re.compile(r"^<sup>\((\d+)\)</sup>\s*(.*)$")
_FOOTNOTE_REVERSED = re.compile(r"^\.\s*(.*?)<sup>\((\d+)\)</sup>\s*$")
_TERMINAL = ("؛", ".", ":", "؟", "!")
ANNEX_ORDINALS = {"الأول": 1, "الثاني": 2, "الثالث": 3}


def fold_ordinal(word: str) -> str:
    word = _MARKS.sub("", word.strip())
    return word.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا")


_ORDINAL_LOOKUP = {fold_ordinal(k): v for k, v in ids.ORDINALS.items()}


def ordinal_number(word: str) -> int | None:
    return _ORDINAL_LOOKUP.get(fold_ordinal(word))


def _clean_line(raw: str) -> str:
    return unicodedata.normalize("NFC", raw).replace("\u00a0", " ").strip()


class _Parser:
    def __init__(self, lines: list[str]):
        self.lines = lines
        self.nodes: list[Node] = []
        self.paragraphs: list[Paragraph] = []
        self.footnotes: list[Footnote] = []
        self.problems: list[Problem] = []
        self.part: str | None = None
        self.part_node: Node | None = None
        self.group: Node | None = None       # meeting or session
        self.unit: Node | None = None        # meeting, decision or resolution
        self.container: Node | None = None   # innermost node (annex, section)
        self.annex: Node | None = None
        #: label context inside the current container: current number,
        #: current letter (code, label) -- reset when the container changes.
        self.cur_number: str | None = None
        self.cur_letter: str | None = None
        self.counters: dict[str, int] = {}
        self.last: Paragraph | Footnote | None = None
        self.expect_title: Node | None = None

    # -- nodes ------------------------------------------------------------
    def add_node(self, node: Node) -> Node:
        self.nodes.append(node)
        return node

    def enter_container(self, node: Node, reset_labels: bool) -> None:
        self.container = node
        if reset_labels:
            self.cur_number = None
            self.cur_letter = None
        self.last = None

    # -- labels -----------------------------------------------------------
    def _counter(self, key: str) -> int:
        self.counters[key] = self.counters.get(key, 0) + 1
        return self.counters[key]

    def _where(self) -> tuple[str, Node, Node]:
        """Part, unit and innermost container of a body line (set past the
        check in _body_line, which reports text outside any unit)."""
        assert self.part is not None and self.unit is not None and self.container is not None
        return self.part, self.unit, self.container

    def citation(self, label: str) -> str:
        part_id, unit, _ = self._where()
        part = PART_TITLES[part_id]
        if part_id == "A":
            head = f"{part}، {unit.cite_name}"
            if not label:
                return head
            if label[0].isdigit():
                return f"{head}-{label}"
            if label == "الفقرة الافتتاحية":  # cited as in Part B
                return f"{head}، {label}"
            return f"{head}- {label}"
        pieces = [part, unit.cite_name]
        if self.annex is not None:
            pieces.append(self.annex.heading)
        if label:
            pieces.append(label)
        return "، ".join(pieces)

    def add_paragraph(self, kind: str, codes: list[str], label_path: list[str],
                      text: str, line: int, depth: int) -> Paragraph:
        part, unit, innermost = self._where()
        container = self.annex or unit
        pid = ids.paragraph_id(container.id, codes)
        if any(p.id == pid for p in self.paragraphs[-60:]):
            self.problems.append(Problem("error", line, f"duplicate paragraph id {pid}"))
            pid = f"{pid}~{line}"
        label = " ".join(label_path)
        body, markers = strip_markers(text, SUP_MARKER)
        para = Paragraph(
            id=pid, node_id=innermost.id, unit_id=unit.id, part=part,
            kind=kind, label=label, label_path=label_path, text=body.strip(),
            citation="", symbol=unit.symbol or "", depth=depth,
            source_line=line, source_line_end=line, markers=markers)
        para.citation = self.citation(self._cite_label(kind, label_path))
        self.paragraphs.append(para)
        self.last = para
        return para

    @staticmethod
    def _cite_label(kind: str, label_path: list[str]) -> str:
        if kind in ("chapeau",):
            return "الفقرة الافتتاحية"
        if kind in ("note", "text"):
            return ""
        if not label_path:
            return ""
        first, rest = label_path[0], label_path[1:]
        if first[0].isdigit():
            return first + (" " + " ".join(rest) if rest else "")
        return " ".join(label_path)

    # -- line handlers ----------------------------------------------------
    def run(self, start: int, end: int) -> None:
        for idx in range(start, end):
            raw = self.lines[idx]
            line_no = idx + 1
            line = _clean_line(raw)
            if not line:
                continue
            self.handle(line, line_no)

    def handle(self, line: str, n: int) -> None:
        is_heading = bool(_HEADING.match(line))
        text = _HEADING.sub("", line).strip()

        if self._part_heading(text, n) or self._group_heading(text, n):
            return
        if self.part is None:
            return
        if self._decision_heading(text, n) or self._annex_heading(text, n):
            return
        if self.expect_title is not None and is_heading:
            self.expect_title.title = text
            self.expect_title = None
            return
        if self.expect_title is not None and self.expect_title.kind == "annex" and text.startswith("التوصيات"):
            self.expect_title.title = text
            self.expect_title = None
            return
        self.expect_title = None
        if self._footnote(text, n):
            return
        if is_heading and self.part == "B" and self._section_heading(text, n):
            return
        self._body_line(text, n)

    def _part_heading(self, text: str, n: int) -> bool:
        for part, word in PART_HEADINGS.items():
            if text.startswith(f"{word}- ") or text.startswith(f"{word} - "):
                node = self.add_node(Node(
                    id=part, kind="part", part=part, heading=text, parent_id=None,
                    source_line=n, title=text.split("-", 1)[1].strip(), cite_name=PART_TITLES[part]))
                self.part, self.part_node = part, node
                self.group = self.unit = self.container = self.annex = None
                return True
        return False

    def _group_heading(self, text: str, n: int) -> bool:
        if self.part is None:
            return False
        m = _ORDINAL_HEAD.match(text)
        if not m:
            return False
        number = ordinal_number(m.group("ord"))
        rest = m.group("rest")
        meeting = self.part == "A"   # Part A holds meetings, Part B sessions
        if number is None or not rest.startswith("الاجتماع" if meeting else "الدورة"):
            return False
        name, _, dates = rest.partition("،")
        node = Node(
            id=(ids.meeting_id if meeting else ids.session_id)(number),
            kind="meeting" if meeting else "session", part=self.part,
            heading=f"{m.group('ord').strip()}- {name.strip()}", parent_id=self.part,
            source_line=n, dates=dates.strip(),
            symbol=(MEETING_SYMBOLS if meeting else SESSION_SYMBOLS).get(number), number=number,
            cite_name=ids.ORDINAL_WORDS[number])
        self.add_node(node)
        self.group = node
        if meeting:   # a meeting is its own unit; a session holds decisions
            self.unit = node
            self.annex = None
            self._start_unit(node, expects_title=False)
        else:
            self.unit = self.container = self.annex = None
        return True

    def _start_unit(self, node: Node, expects_title: bool) -> None:
        """Labels and their sequence checks restart in a meeting, decision or
        annex; the title of a decision or annex follows its heading."""
        self.enter_container(node, reset_labels=True)
        self.counters = {}
        if expects_title:
            self.expect_title = node

    def _decision_heading(self, text: str, n: int) -> bool:
        m = _DECISION.match(text)
        if not m or self.part != "B" or self.group is None:
            return False
        word, number, session = m.group(1), int(m.group(2)), int(m.group(3))
        kind = "decision" if word == "المقرر" else "resolution"
        if session != self.group.number:
            self.problems.append(Problem(
                "error", n, f"{text} stands under session {self.group.number}"))
        node = self.add_node(Node(
            id=ids.decision_id(session, number, kind), kind=kind, part="B",
            heading=text, parent_id=self.group.id, source_line=n,
            symbol=self.group.symbol, session=session, decision_number=number,
            cite_name=text))
        self.unit = node
        self.annex = None
        self._start_unit(node, expects_title=True)
        return True

    def _annex_heading(self, text: str, n: int) -> bool:
        m = _ANNEX.match(text)
        if not m or self.unit is None or self.part != "B":
            return False
        ordinal = ANNEX_ORDINALS.get(m.group(1)) if m.group(1) else None
        node = self.add_node(Node(
            id=ids.annex_id(self.unit.id, ordinal), kind="annex", part="B",
            heading=text, parent_id=self.unit.id, source_line=n,
            symbol=self.unit.symbol, number=ordinal, cite_name=text))
        self.annex = node
        self._start_unit(node, expects_title=True)
        return True

    def _section_heading(self, text: str, n: int) -> bool:
        """Sub-headings inside a decision (the recommendations of 4/3)."""
        if self.unit is None or self.unit.kind == "meeting":
            return False
        _, unit, parent = self._where()
        m = _ORDINAL_HEAD.match(text)
        is_ordinal = m is not None and bool(ordinal_number(m.group("ord")))
        if is_ordinal:
            # an ordinal heading nests under the current unnumbered section
            while parent.kind == "section" and parent.number is not None:
                parent = next(x for x in self.nodes if x.id == parent.parent_id)
        count = len([x for x in self.nodes if x.parent_id == parent.id and x.kind == "section"]) + 1
        node = self.add_node(Node(
            id=f"{parent.id}/s{count}", kind="section", part=self.part, heading=text,
            parent_id=parent.id, source_line=n, symbol=unit.symbol,
            number=ordinal_number(m.group("ord")) if m and is_ordinal else None,
            title=m.group("rest").strip() if m and is_ordinal else text))
        # numbering continues across the sections of one decision
        self.enter_container(node, reset_labels=False)
        return True

    def _footnote(self, text: str, n: int) -> bool:
        m = _FOOTNOTE_DEF.match(text)
        if m:
            self.footnotes.append(Footnote(int(m.group(1)), m.group(2).strip(), n))
            self._footnote_interrupts = self.last
            self.last = self.footnotes[-1]
            return True
        m = _FOOTNOTE_REVERSED.match(text)
        if m:
            # printed right-to-left by the extraction: ". text<sup>(n)</sup>"
            body = m.group(1).strip()
            if not body.endswith("."):
                body += "."
            self.footnotes.append(Footnote(int(m.group(2)), body, n))
            self._footnote_interrupts = self.last
            self.last = self.footnotes[-1]
            return True
        return False

    def _body_line(self, text: str, n: int) -> None:
        text = _BULLET.sub("", text).strip()
        if self.unit is None:
            self.problems.append(Problem("error", n, f"text outside any unit: {text[:40]}"))
            return
        mnum = _NUMBER.match(text)
        mlet = _LETTER.match(text)
        mquo = _QUOTED.match(text)
        if mnum:
            self._numbered(mnum.group(1), text[mnum.end():], n)
        elif mlet:
            self._lettered(mlet.group(1), text[mlet.end():], n)
        elif mquo:
            self._quoted(mquo.group(1), text[mquo.end():], n)
        else:
            self._unlabelled(text, n)

    def _check_sequence(self, key: str, value: int, n: int, label: str) -> None:
        expected = self.counters.get(key, 0) + 1
        if value != expected:
            self.problems.append(Problem(
                "error", n, f"{self._where()[1].heading}: label {label} out of sequence (expected {expected})"))
        self.counters[key] = value

    def _numbered(self, number: str, body: str, n: int) -> None:
        self._check_sequence("number", int(number), n, f"{number}-")
        self.cur_number = number
        self.cur_letter = None
        self.counters.pop(f"letter:{number}", None)
        self.add_paragraph("numbered", [number], [number], body, n, depth=0)

    def _lettered(self, letter: str, body: str, n: int) -> None:
        if letter == "ه":
            letter = "هـ"
        try:
            rank = ids.abjad_rank(letter)
        except ValueError:
            self.problems.append(Problem("error", n, f"unknown item letter ({letter})"))
            return
        key = f"letter:{self.cur_number}"
        self._check_sequence(key, rank, n, f"({letter})")
        self.cur_letter = letter
        self.counters.pop(f"quoted:{self.cur_number}:{letter}", None)
        label = ids.printed_label(ids.LETTER, letter)
        if self.cur_number is not None:
            self.add_paragraph("item", [self.cur_number, ids.label_code(ids.LETTER, letter)],
                               [self.cur_number, label], body, n, depth=1)
        else:
            self.add_paragraph("item", [ids.label_code(ids.LETTER, letter)], [label], body, n, depth=0)

    def _quoted(self, number: str, body: str, n: int) -> None:
        if self.cur_letter is None:
            self.problems.append(Problem("error", n, f"sub-item '{number}' without an item"))
            return
        key = f"quoted:{self.cur_number}:{self.cur_letter}"
        self._check_sequence(key, int(number), n, f"'{number}'")
        letter_code = ids.label_code(ids.LETTER, self.cur_letter)
        codes = ([self.cur_number] if self.cur_number else []) + [letter_code, ids.label_code(ids.QUOTED, number)]
        path = ([self.cur_number] if self.cur_number else []) + [
            ids.printed_label(ids.LETTER, self.cur_letter), ids.printed_label(ids.QUOTED, number)]
        depth = 2 if self.cur_number else 1
        self.add_paragraph("subitem", codes, path, body, n, depth=depth)

    def _unlabelled(self, text: str, n: int) -> None:
        last = self.last
        if isinstance(last, Footnote) and not last.text.endswith("."):
            last.text = f"{last.text} {text}"
            return
        if isinstance(last, Footnote):
            last = getattr(self, "_footnote_interrupts", None)
        starts_preamble = text.startswith(("إذ ", "وإذ "))
        starts_chapeau = bool(re.match(r"^إنّ?\s", text))
        if (isinstance(last, Paragraph) and not starts_preamble and not starts_chapeau
                and not _strip_sup(last.text).rstrip().endswith(_TERMINAL)
                and last.node_id == self._where()[2].id):
            self._continue(last, text, n)
            return
        if starts_preamble:
            number = self._counter("preamble")
            self.add_paragraph("preamble", [ids.label_code(ids.PREAMBLE, number)],
                               [ids.printed_label(ids.PREAMBLE, number)], text, n, depth=0)
        elif starts_chapeau or text.endswith(":"):
            number = self._counter("chapeau")
            self.add_paragraph("chapeau", [ids.label_code(ids.CHAPEAU, number)], [], text, n, depth=0)
        elif "التوصيات" in text and ("ترد" in text or "يرجى الاطلاع" in text):
            number = self._counter("note")
            self.add_paragraph("note", [ids.label_code(ids.NOTE, number)], [], text, n, depth=0)
        else:
            number = self._counter("text")
            self.add_paragraph("text", [ids.label_code(ids.TEXT, number)], [], text, n, depth=0)
            self.problems.append(Problem(
                "warning", n, f"{self._where()[1].heading}: paragraph without a label: {text[:50]}"))

    def _continue(self, para: Paragraph, text: str, n: int) -> None:
        para.append(text, n, pattern=SUP_MARKER)
        self.last = para


def _strip_sup(text: str) -> str:
    return SUP_MARKER.sub("", text)


def find_body(lines: list[str]) -> tuple[int, int]:
    """Index range of Parts A and B: from the body's Part A heading to the index."""
    start = end = None
    for i, raw in enumerate(lines):
        text = _HEADING.sub("", raw).strip()
        if start is None and raw.lstrip().startswith("#") and text.startswith("ألف-") and "التوصيات" in text:
            start = i
        elif start is not None and text.startswith("الفهرس المواضي"):
            end = i
            break
    if start is None or end is None:
        raise ValueError("cannot find Parts A and B in the compendium text")
    return start, end


def attach_footnotes(result: Parsed) -> None:
    """Attach each footnote to the paragraph whose text carries its marker."""
    by_number = {}
    for para in result.paragraphs:
        for number, offset in para.markers:
            if number in by_number:
                result.problems.append(Problem(
                    "error", para.source_line, f"footnote marker ({number}) appears twice"))
            by_number[number] = (para, offset)
    for fn in result.footnotes:
        hit = by_number.get(fn.number)
        if hit is None:
            result.problems.append(Problem(
                "error", fn.source_line, f"footnote ({fn.number}) has no marker in any paragraph"))
            continue
        fn.paragraph_id, fn.marker_offset = hit[0].id, hit[1]
    defined = {fn.number for fn in result.footnotes}
    for number, (para, _off) in sorted(by_number.items()):
        if number not in defined:
            result.problems.append(Problem(
                "error", para.source_line, f"footnote marker ({number}) has no footnote text"))


def parse(text: str) -> Parsed:
    lines = text.split("\n")
    start, end = find_body(lines)
    parser = _Parser(lines)
    parser.run(start, end)
    result = Parsed(parser.nodes, parser.paragraphs, parser.footnotes, parser.problems)
    attach_footnotes(result)
    return result


def label_path_json(para: Paragraph) -> str:
    return json.dumps(para.label_path, ensure_ascii=False)
