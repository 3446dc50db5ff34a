"""A tiny content database with known texts, symbols and footnotes, built
with the real schema, so export tests know exactly what to expect."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.fixture_db import make_db

SYMBOL_A07 = "CTOC/COP/WG.2/2013/5"
SYMBOL_B6 = "CTOC/COP/2012/15"

WITNESS = ("ينبغي للدول أن تنظر في الاستفادة من المساعدة التقنية التي يتيحها مكتب "
           "المخدّرات والجريمة بشأن حماية الشهود، بما في ذلك الأدوات والزيارات الدراسية.")
TRAINING = ("ينبغي للدول وضع برامج تدريبية، بتنسيق مع مكتب المخدّرات والجريمة، وضمن "
            "حدود الموارد الموجودة حالياً، مصممة بحسب احتياجات الجهات المستفيدة.")
PREAMBLE = ("إذ يلاحظ أنَّ المساعدة التقنية هي جزء أساسي من العمل الذي يضطلع به مكتب "
            "الأمم المتحدة المعني بالمخدرات والجريمة،")
ENDORSE = ("يُقرُّ التوصيات التي اعتمدها فريق الخبراء الحكوميين العامل المعني "
           "بالمساعدة التقنية في اجتماعه المعقود في فيينا (انظر CTOC/COP/WG.2/2012/4).")
FOOTNOTE = "المرجع نفسه، المرفق الأول."

#: (id, label, kind, text, citation, symbol, report_paragraph, certain, unit)
PARAGRAPHS = [
    ("A07/13", "13", "numbered", WITNESS, "الجزء ألف، سابعاً-13", SYMBOL_A07, "34", 1, "A07"),
    ("A07/19", "19", "numbered", TRAINING, "الجزء ألف، سابعاً-19", SYMBOL_A07, "40", 0, "A07"),
    ("B6-r4/pp1", "ف.د 1", "preamble", PREAMBLE, "الجزء باء، القرار 4/6، ف.د 1", SYMBOL_B6,
     None, 0, "B6-r4"),
    ("B6-r4/1", "1", "numbered", ENDORSE, "الجزء باء، القرار 4/6، 1", SYMBOL_B6, None, 0, "B6-r4"),
]


def make_content_db(path: Path, extra_paragraphs: int = 0) -> Path:
    """Write the fixture database; ``extra_paragraphs`` adds numbered
    paragraphs A09/1..n (for pagination and benchmarks)."""
    nodes = [
        {"id": "A", "document": "compendium", "parent_id": None, "kind": "part", "part": "A",
         "heading": "ألف", "sort": 1},
        {"id": "A07", "document": "compendium", "parent_id": "A", "kind": "meeting", "part": "A",
         "heading": "سابعاً- الاجتماع السابع", "symbol": SYMBOL_A07, "number": 7, "sort": 2},
        {"id": "A09", "document": "compendium", "parent_id": "A", "kind": "meeting", "part": "A",
         "heading": "تاسعاً- الاجتماع التاسع", "symbol": "CTOC/COP/WG.2/2016/4", "number": 9,
         "sort": 3},
        {"id": "B6-r4", "document": "compendium", "parent_id": None, "kind": "resolution",
         "part": "B", "heading": "القرار 4/6", "title": "تنفيذ الأحكام المتعلقة بالمساعدة التقنية",
         "symbol": SYMBOL_B6, "session": 6, "decision_number": 4, "sort": 4},
    ]
    rows = []
    for sort, (pid, label, kind, text, citation, symbol, report, certain, unit) in enumerate(
            PARAGRAPHS):
        rows.append({"id": pid, "document": "compendium", "node_id": unit, "unit_id": unit,
                     "part": unit[0], "kind": kind, "label": label, "label_path": f'["{label}"]',
                     "text": text, "citation": citation, "symbol": symbol,
                     "report_paragraph": report, "report_paragraph_certain": certain,
                     "depth": 0, "sort": sort + 1})
    for n in range(1, extra_paragraphs + 1):
        rows.append({"id": f"A09/{n}", "document": "compendium", "node_id": "A09",
                     "unit_id": "A09", "part": "A", "kind": "numbered", "label": str(n),
                     "label_path": f'["{n}"]', "text": f"{TRAINING} ({n})",
                     "citation": f"الجزء ألف، تاسعاً-{n}", "symbol": "CTOC/COP/WG.2/2016/4",
                     "report_paragraph": str(n + 10), "report_paragraph_certain": 1,
                     "depth": 0, "sort": 100 + n})
    footnote = {"id": "fn-compendium-14", "document": "compendium", "number": 14,
                "paragraph_id": "B6-r4/pp1", "marker_offset": len(PREAMBLE), "text": FOOTNOTE}
    make_db(path, documents=[{"id": "compendium", "title": "الخلاصة الوافية", "sort": 1}],
            nodes=nodes, paragraphs=rows, footnotes=[footnote])
    return path
