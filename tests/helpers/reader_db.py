"""A tiny content database for the reader's tests, rows written by hand.

It has the shapes the reader must handle (a meeting with items and
sub-items, a resolution with preamble paragraphs and an annex, a footnote,
a link, an index theme) without depending on the real build, so store and
render tests stay exact and fast.
"""

from __future__ import annotations

import json
from pathlib import Path

from desktop.content.schema import SCHEMA_VERSION
from tests.helpers.fixture_db import make_db

SYMBOL_A07 = "CTOC/COP/WG.2/2013/5"

NODES = [
    dict(id="A", kind="part", part="A", heading="ألف- التوصيات التي اعتمدها الفريق العامل"),
    dict(id="A07", parent_id="A", kind="meeting", part="A", number=7,
         heading="سابعاً- الاجتماع السابع", dates="من 28 إلى 30 تشرين الأول/أكتوبر 2013",
         symbol=SYMBOL_A07),
    dict(id="B", kind="part", part="B", heading="باء- القرارات والمقررات"),
    dict(id="B6", parent_id="B", kind="session", part="B", number=6,
         heading="سادساً- الدورة السادسة", dates="من 15 إلى 19 تشرين الأول/أكتوبر 2012",
         symbol="CTOC/COP/2012/15"),
    dict(id="B6-r4", parent_id="B6", kind="resolution", part="B", session=6,
         decision_number=4, heading="القرار 4/6", title="المساعدة التقنية",
         symbol="CTOC/COP/2012/15"),
    dict(id="B6-r4/annex", parent_id="B6-r4", kind="annex", part="B", heading="المرفق",
         symbol="CTOC/COP/2012/15"),
]

PARAGRAPHS = [
    # id, node, unit, kind, label, label_path, depth, text, citation
    ("A07/12", "A07", "A07", "numbered", "12", ["12"], 0,
     "ينبغي للدول أن تعزّز التعاون الدولي.", "الجزء ألف، سابعاً-12"),
    ("A07/13", "A07", "A07", "numbered", "13", ["13"], 0,
     "ينبغي للدول أن تنظر في حماية الشهود <وفقاً> للوثيقة CTOC/COP/WG.2/2013/5.",
     "الجزء ألف، سابعاً-13"),
    ("A07/13.l1", "A07", "A07", "item", "13 (أ)", ["13", "(أ)"], 1,
     "تبادل المعلومات *بانتظام*؛", "الجزء ألف، سابعاً-13 (أ)"),
    ("A07/13.l1.q1", "A07", "A07", "subitem", "13 (أ) '1'", ["13", "(أ)", "'1'"], 2,
     "عن طريق السلطات المركزية؛", "الجزء ألف، سابعاً-13 (أ) '1'"),
    ("B6-r4/c1", "B6-r4", "B6-r4", "chapeau", None, [], 0,
     "إن مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية،",
     "الجزء باء، القرار 4/6"),
    ("B6-r4/pp1", "B6-r4", "B6-r4", "preamble", "ف.د 1", ["ف.د 1"], 0,
     "إذ يشير إلى المقرر 2/6 وإلى الفقرة 2 أعلاه،", "الجزء باء، القرار 4/6، ف.د 1"),
    ("B6-r4/1", "B6-r4", "B6-r4", "numbered", "1", ["1"], 0,
     "يقرّ التوصيات الواردة في المرفق بهذا القرار؛", "الجزء باء، القرار 4/6، 1"),
    ("B6-r4/annex/1", "B6-r4/annex", "B6-r4", "numbered", "1", ["1"], 0,
     "يرجى الاطلاع على التوصيات التي وردت في الاجتماع السابع.",
     "الجزء باء، القرار 4/6، المرفق، 1"),
]

FOOTNOTES = [
    dict(id="fn-compendium-3", document="compendium", number=3, paragraph_id="A07/13",
         marker_offset=len("ينبغي للدول أن تنظر في حماية الشهود"),
         text="انظر الوثيقة CTOC/COP/WG.2/2013/5، الفقرة 34."),
]

LINKS = [
    # the annex endorses meeting 7 as a whole: the link stands on its first paragraph
    dict(from_id="B6-r4/annex/1", to_id="A07/12", kind="endorsement",
         text="التوصيات التي وردت في الاجتماع السابع", from_node=None, to_node="A07"),
    dict(from_id="A07/12", to_id="B6-r4/annex/1", kind="endorsed_by", text=None,
         from_node="A07", to_node=None),
    dict(from_id="B6-r4/pp1", to_id="A07/13", kind="mention_paragraph",
         text="الفقرة 2 أعلاه", from_node=None, to_node=None),
    # a link with no words in the text: listed under its paragraph
    dict(from_id="B6-r4/1", to_id="A07/13.l1", kind="same_text", text=None,
         from_node=None, to_node=None),
]

THEMES = [
    dict(id=1, label="حماية الشُّهود", sort=1),
    dict(id=2, label="التعاون الدولي", sort=2),
]

ENTRIES = [
    dict(id=1, theme_id=1, sort=1, symbol=SYMBOL_A07, decision=None,
         report_paragraphs="34", locator="الجزء ألف سابعاً-13", status="resolved"),
    dict(id=2, theme_id=1, sort=2, symbol="CTOC/COP/2012/15", decision="4/6",
         report_paragraphs=None, locator="ف.د 9", status="unresolved"),
    dict(id=3, theme_id=2, sort=1, symbol=SYMBOL_A07, decision=None,
         report_paragraphs="33", locator="الجزء ألف سابعاً-12", status="resolved"),
]

TARGETS = [
    dict(entry_id=1, paragraph_id="A07/13", sort=1),
    dict(entry_id=3, paragraph_id="A07/12", sort=1),
]


def make_reader_db(path: Path, *, with_index: bool = True,
                   schema_version: int = SCHEMA_VERSION) -> Path:
    """Write the tiny database to ``path`` and return it (``with_index``:
    False leaves the links and index tables empty)."""
    paragraphs = []
    for sort, (pid, node, unit, kind, label, path_, depth, text, citation) in enumerate(
            PARAGRAPHS, start=1):
        unit_node = next(n for n in NODES if n["id"] == unit)
        paragraphs.append({
            "id": pid, "document": "compendium", "node_id": node, "unit_id": unit,
            "part": unit_node["part"], "kind": kind, "label": label,
            "label_path": json.dumps(path_, ensure_ascii=False), "text": text,
            "citation": citation, "symbol": unit_node.get("symbol"),
            "report_paragraph": "34" if pid == "A07/13" else None,
            "report_paragraph_certain": 1 if pid == "A07/13" else 0,
            "depth": depth, "sort": sort, "source_line": _source_line(node, sort),
            "source_line_end": _source_line(node, sort)})
    index = dict(links=LINKS, themes=THEMES, index_entries=ENTRIES,
                 index_targets=TARGETS) if with_index else {}
    return make_db(
        path, schema_version=schema_version,
        documents=[{"id": "compendium", "title": "الخلاصة الوافية", "sort": 0}],
        nodes=[{"document": "compendium", "parent_id": None, "sort": sort,
                "source_line": sort * 100, **node} for sort, node in enumerate(NODES, start=1)],
        paragraphs=paragraphs, footnotes=FOOTNOTES, **index)


def _source_line(node_id: str, rank: int) -> int:
    """Paragraphs stand in the source just after their container's heading."""
    node_line = next(i for i, n in enumerate(NODES, start=1) if n["id"] == node_id) * 100
    return node_line + rank
