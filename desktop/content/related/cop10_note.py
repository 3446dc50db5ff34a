"""Parse the COP 10 note on the reports of the subsidiary bodies (seed 000).

The note (Vienna, 12-16 October 2020; dated 1 July 2020) has eighteen
numbered paragraphs under six sub-headings, one per subsidiary body. The
first sub-heading lost its Markdown '#' in the extraction; the others carry
'####'. A page break splits paragraph 2 (page furniture: the "please
recycle" line and the job number) and paragraph 10 is split over two lines.
"""

from __future__ import annotations

import re
import unicodedata

from desktop.content.model import Footnote, Node, Paragraph, Parsed, Problem, strip_markers
from desktop.content.related import clean_markdown

DOCUMENT = "cop10-note"
PREFIX = "cop10"
ROOT = PREFIX
TITLE = ("تقارير اجتماعات الأجهزة الفرعية لمؤتمر الأطراف في اتفاقية الأمم المتحدة "
         "لمكافحة الجريمة المنظمة عبر الوطنية والبروتوكولات الملحق بها: مذكرة من الأمانة")

_FURNITURE = re.compile(r"^(الرجاء إعادة استعمال الورق|\d{6} \d{6} V\.\d\d-\d+ \(A\))$")
_NUMBER = re.compile(r"^(?:-\s+)?(\d+)\s*-\s+(.*)$")
_HEADING = re.compile(r"^#+\s*(.*)$")
_FOOTNOTE = re.compile(r"^\\?\*\s+(.*)$")
#: The six sub-headings begin "تقرير(ان) عن اجتماع(ي) ..."
_SUBHEADING = re.compile(r"^(تقرير|تقريران) عن اجتماع")


def parse(text: str) -> Parsed:
    out = Parsed()
    lines = text.split("\n")
    out.nodes.append(Node(id=ROOT, kind="document", heading=TITLE,
                          title="مؤتمر الأطراف، الدورة العاشرة، فيينا، 12-16 تشرين الأول/أكتوبر 2020",
                          dates="1 تموز/يوليه 2020", source_line=28))
    section: Node | None = None
    para: Paragraph | None = None
    expected = 1
    for idx, raw in enumerate(lines):
        n = idx + 1
        line = unicodedata.normalize("NFC", raw).replace("\u00a0", " ").strip()
        if not line or _FURNITURE.match(line):
            continue
        m = _FOOTNOTE.match(line)
        if m:
            # "* CTOC/COP/2020/1." : the provisional agenda, marked on the
            # agenda-items line of the front matter (before paragraph 1).
            out.footnotes.append(Footnote(0, clean_markdown(m.group(1)), n))
            continue
        heading = _HEADING.match(line)
        body = clean_markdown(heading.group(1) if heading else line)
        if _SUBHEADING.match(body):
            section = Node(id=f"{PREFIX}:s{len(out.nodes)}", kind="section", heading=body,
                           parent_id=ROOT, source_line=n)
            out.nodes.append(section)
            para = None
            continue
        m = _NUMBER.match(line)
        if m and section is not None:
            number = int(m.group(1))
            if number != expected:
                out.problems.append(Problem("error", n, f"paragraph {number} where {expected} was expected"))
            expected = number + 1
            text_, markers = strip_markers(clean_markdown(m.group(2)))
            para = Paragraph(
                id=f"{PREFIX}:{number}", node_id=section.id, unit_id=section.id,
                kind="numbered", label=str(number), label_path=[str(number)],
                text=text_, citation=f"الفقرة {number}", depth=0,
                source_line=n, source_line_end=n, markers=markers)
            out.paragraphs.append(para)
            continue
        if para is not None and not para.text.endswith((".", "؛", ":")):
            para.append(body, n)
            continue
        if section is None:
            continue            # front matter: symbol lines, session, agenda, title
        out.problems.append(Problem("error", n, f"line not placed: {body[:60]}"))
    if out.footnotes and out.paragraphs:
        # The marker stands in the front matter, not in a paragraph: attach
        # the agenda footnote to the first paragraph, without an offset.
        out.footnotes[0].paragraph_id = out.paragraphs[0].id
    return out
