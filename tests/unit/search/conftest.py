"""A small content database of real sentences for search tests.

Texts are copied from data/sources (compendium.txt; the two cop6-agenda lines
are put back in reading order, keeping their tatweel and Arabic-Indic digits),
so the index sees the diacritics, shadda, tatweel and clitics of the real text.
"""

from __future__ import annotations

import pytest

from tests.helpers.fixture_db import make_db

WG7 = "CTOC/COP/WG.2/2013/5"

#: id, document, part, unit_id, citation, symbol, text
PARAGRAPHS = [
    ("intro/t4", "compendium", None, "intro", "مقدمة، 3", None,
     "وبالإضافة إلى ذلك، تشمل الخلاصة الوافية والفهرس المواضيعي جميع القرارات والمقررات "
     "المتعلقة بالمساعدة التقنية التي اعتمدها حتى الآن مؤتمر الأطراف في الاتفاقية."),
    ("intro/t6", "compendium", None, "intro", "الخلاصة الوافية", None,
     "الخلاصة الوافية للتوصيات وللقرارات والمقررات ذات الصلة"),
    ("A02/1", "compendium", "A", "A02", "الجزء ألف، ثانياً-1", "CTOC/COP/2008/7",
     "أنشئ فريق الخبراء الحكوميين العامل المؤقت المفتوح العضوية المعني بالمساعدة التقنية "
     "عملاً بالمقرر 6/2 الصادر عن مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة "
     "المنظمة عبر الوطنية. وعملاً بالمقررين 6/2 و4/3 الصادرين عن المؤتمر، عقد الفريق العامل "
     "اجتماعاً في فيينا في الفترة من 16 إلى 17 تشرين الأول/أكتوبر 2007 وصاغ عدداً من "
     "التوصيات لكي ينظر فيها المؤتمر في دورته الرابعة. وترد تلك التوصيات أدناه. وعلاوة على "
     "ذلك، طلب الفريق العامل إلى الأمانة اتخاذ عدد من التدابير ترد أيضاً أدناه."),
    ("A02/3.l3", "compendium", "A", "A02", "الجزء ألف، ثانياً-3 (ج)", "CTOC/COP/2008/7",
     "بناء القدرات وتقديم المساعدة في مجال إجراءات وممارسات حماية الشهود والضحايا؛"),
    ("A05/l5", "compendium", "A", "A05", "الجزء ألف، خامساً- (هـ)", "CTOC/COP/WG.2/2010/1",
     "يقرّ النهج الاستراتيجي والشامل الذي يتبعه المكتب في تقديم المساعدة التقنية، والذي "
     "يدمج عناصر الاتفاقية وبروتوكولاتها كأولوية رئيسية في البرامج الوطنية والإقليمية المتكاملة؛"),
    ("A07/5", "compendium", "A", "A07", "الجزء ألف، سابعاً-5", WG7,
     "ينبغي للدول أن تنظر في إنشاء مرافق خاصة لتسجيل شهادات الشهود المستضعفين، ومنهم مثلاً الأطفال."),
    ("A07/6", "compendium", "A", "A07", "الجزء ألف، سابعاً-6", WG7,
     "ينبغي للدول أن تتيح الإمكانية لتوفير الدعم للشهود المستضعفين قبل الإجراءات القضائية "
     "وأثناءها، وأن يكونوا مصحوبين بأشخاص مدرّبين على تقديم المساعدة للضحايا والشهود، ضمن "
     "مكاتب النيابة العامة، حسبما يكون مناسباً."),
    ("A07/7", "compendium", "A", "A07", "الجزء ألف، سابعاً-7", WG7,
     "ينبغي للدول أن تنظر في تعيين أشخاص مدرّبين على تقديم المساعدة للضحايا والشهود ضمن "
     "مكاتب النيابة العامة، حسبما يكون مناسباً."),
    ("A07/11", "compendium", "A", "A07", "الجزء ألف، سابعاً-11", WG7,
     "ينبغي للدول أن تنظر في سنّ تشريعات بشأن التنظيم الرقابي لحماية الشهود، وينبغي لها أن "
     "تستعين بالقانون النموذجي لحماية الشهود، الذي وضعه مكتب المخدّرات والجريمة في عام 2008."),
    ("A07/13", "compendium", "A", "A07", "الجزء ألف، سابعاً-13", WG7,
     "ينبغي للدول أن تنظر في الاستفادة من المساعدة التقنية التي يتيحها مكتب المخدّرات والجريمة "
     "بشأن حماية الشهود، بما في ذلك الأدوات والزيارات الدراسية والمساعدة التشريعية وصياغة "
     "التشريعات، وكذلك تدريب أعضاء النيابة العامة والقضاة وموظفي أجهزة إنفاذ القانون."),
    ("A07/16", "compendium", "A", "A07", "الجزء ألف، سابعاً-16", WG7,
     "ينبغي لمكتب الأمم المتحدة المعني بالمخدّرات والجريمة أن يعدّ دراسة عن إضفاء الصفة "
     "المؤسسية على برامج حماية الشهود في الدول الأعضاء، وذلك رهناً بتوفّر موارد من خارج الميزانية."),
    ("A08/13.l3", "compendium", "A", "A08", "الجزء ألف، ثامناً-13 (ج)", "CTOC/COP/WG.2/2014/4",
     "المادة 7 المتعلقة بتدابير مكافحة غسل الأموال؛"),
    ("A09/14", "compendium", "A", "A09", "الجزء ألف، تاسعاً-14", "CTOC/COP/WG.2/2016/5",
     "ينبغي للدول أن تعتمد نهجاً شاملاً في التحري عن جرائم غسل الأموال وملاحقة مرتكبيها، "
     "ضماناً لفعالية نُظُمها الخاصة بالتجريم."),
    ("A10/l2", "compendium", "A", "A10", "الجزء ألف، عاشراً- (ب)", "CTOC/COP/WG.2/2017/4",
     'ينبغي للدول أن تنظر في المساهمة في صيانة بوابة "شيرلوك" وزيادة تطويرها لدعم العمل على '
     "جمع المعلومات وتعميمها وتحليلها. ويمكن أن تأخذ تلك المساهمات شكلاً مالياً أو عينياً، مثل "
     "المساعدة على ترجمة التشريعات والسوابق القضائية ذات الصلة."),
    ("B3-d4/l1", "compendium", "B", "B3-d4", "الجزء باء، المقرر 4/3، (أ)", "CTOC/COP/2006/14",
     "يُقرُّ التوصيات التي قدّمها الفريق العامل خلال دورة مؤتمر الأطراف الثالثة، والتي هي مبيّنة أدناه؛"),
    ("B3-d4/7.l2", "compendium", "B", "B3-d4", "الجزء باء، المقرر 4/3، 7 (ب)", "CTOC/COP/2006/14",
     "المساعدة المتصلة بتنفيذ الأحكام المتعلقة بحماية الشهود، مع الإشارة إلى أن هذا المجال "
     "مشمول ليس في البروتوكولات فحسب وإنما في الاتفاقية أيضا؛"),
    ("B4-d3/l7", "compendium", "B", "B4-d3", "الجزء باء، المقرر 3/4، (ز)", "CTOC/COP/2008/19",
     "نوه مع التقدير بالخبرة المتخصصة لدى مكتب الأمم المتحدة المعني بالمخدرات والجريمة وكذلك "
     "بشبكة الخبراء التي يمكنه أن يلجأ إليها في مجالات عدة كالمساعدة القانونية؛"),
    ("B6-r4/1", "compendium", "B", "B6-r4", "الجزء باء، القرار 4/6، 1", "CTOC/COP/2012/15",
     "يُقرُّ التوصيات التي اعتمدها فريق الخبراء الحكوميين العامل المعني بالمساعدة التقنية في "
     "اجتماعه المعقود في 17 تشرين الأول/أكتوبر 2012، أثناء دورة المؤتمر السادسة، والتي هي "
     "مرفقة بهذا القرار؛"),
    ("C6/4", "cop6-agenda", None, "C6", "جدول الأعمال، 4", "CTOC/COP/2012/1",
     "التعاون الدولي، مع التركيز خصوصا على تسليم المجرمين والمساعدة القانونيـة المتبادلـة"),
    ("C6/t1", "cop6-agenda", None, "C6", "جدول الأعمال، 1", "CTOC/COP/2012/1",
     "تقضي المادة ٢٢ من النظام الداخلي للمؤتمر بأن يُنتخب، عنـد افتتـاح كـل دورة، رئـيس وثمانيـة نواب للرئيس"),
]

#: id, parent, kind, part, heading, title, dates, document
NODES = [
    ("intro", None, "section", None, "مقدمة", None, None, "compendium"),
    ("A", None, "part", "A", "ألف", None, None, "compendium"),
    ("B", None, "part", "B", "باء", None, None, "compendium"),
    ("A02", "A", "meeting", "A", "ثانياً- الاجتماع الثاني", None, "من 3 إلى 5 تشرين الأول/أكتوبر 2007", "compendium"),
    ("A05", "A", "meeting", "A", "خامساً - الاجتماع الخامس", None, "يومي 19 و20 تشرين الأول/أكتوبر 2010", "compendium"),
    ("A07", "A", "meeting", "A", "سابعاً- الاجتماع السابع", None, "من 28 إلى 30 تشرين الأول/أكتوبر 2013", "compendium"),
    ("A08", "A", "meeting", "A", "ثامناً - الاجتماع الثامن", None, "يومي 6 و7 تشرين الأول/أكتوبر 2014", "compendium"),
    ("A09", "A", "meeting", "A", "تاسعاً- الاجتماع التاسع", None, "من 17 إلى 19 تشرين الأول/أكتوبر 2016", "compendium"),
    ("A10", "A", "meeting", "A", "عاشرًا- الاجتماع العاشر", None, "من 9 إلى 13 تشرين الأول/أكتوبر 2017", "compendium"),
    ("B3", "B", "session", "B", "ثالثاً- الدورة الثالثة", None, "من 9 إلى 18 تشرين الأول/أكتوبر 2006", "compendium"),
    ("B3-d4", "B3", "decision", "B", "المقرر 4/3",
     "توصيات فريق الخبراء الحكوميين العامل المؤقت المفتوح العضوية المعني بالمساعدة التقنية", None, "compendium"),
    ("B4", "B", "session", "B", "رابعاً- الدورة الرابعة", None, "من 8 إلى 17 تشرين الأول/أكتوبر 2008", "compendium"),
    ("B4-d3", "B4", "decision", "B", "المقرر 3/4",
     "تنفيذ الأحكام الخاصة بالمساعدة التقنية من اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية",
     None, "compendium"),
    ("B6", "B", "session", "B", "سادساً - الدورة السادسة", None, "من 15 إلى 19 تشرين الأول/أكتوبر 2012", "compendium"),
    ("B6-r4", "B6", "resolution", "B", "القرار 4/6",
     "تنفيذ الأحكام المتعلقة بالمساعدة التقنية في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية",
     None, "compendium"),
    ("C6", None, "session", None, "جدول الأعمال", None, None, "cop6-agenda"),
]

THEMES = [
    ("حماية الشهود", "A07/5"), ("حماية الشهود", "A07/11"), ("حماية الشهود", "A07/13"),
    ("حماية الشهود", "B3-d4/7.l2"), ("غسل الأموال", "A08/13.l3"), ("غسل الأموال", "A09/14"),
]


def make_fixture_db(path, with_themes: bool = True) -> None:
    """Write the fixture content database at `path` and build the search index."""
    tables = {}
    if with_themes:  # the thematic-index stage's tables, reduced to what search reads
        labels = sorted({t for t, _ in THEMES})
        tables = dict(
            themes=[{"id": i, "label": t} for i, t in enumerate(labels)],
            index_entries=[{"id": n, "theme_id": labels.index(t)}
                           for n, (t, _) in enumerate(THEMES)],
            index_targets=[{"entry_id": n, "paragraph_id": p}
                           for n, (_, p) in enumerate(THEMES)])
    make_db(
        path, search_index=True,
        documents=[{"id": "compendium", "title": "الخلاصة الوافية", "date": "2021", "sort": 1},
                   {"id": "cop6-agenda", "title": "جدول الأعمال", "symbol": "CTOC/COP/2012/1",
                    "date": "2012", "sort": 2}],
        nodes=[{"id": i, "parent_id": p, "kind": k, "part": part, "heading": h, "title": t,
                "dates": d, "document": doc, "sort": n}
               for n, (i, p, k, part, h, t, d, doc) in enumerate(NODES)],
        paragraphs=[{"id": i, "document": doc, "part": part, "node_id": unit, "unit_id": unit,
                     "citation": cit, "symbol": sym, "text": text, "kind": "numbered", "sort": n}
                    for n, (i, doc, part, unit, cit, sym, text) in enumerate(PARAGRAPHS)],
        **tables)


@pytest.fixture(scope="session")
def search_db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("searchdb") / "fixture.sqlite"
    make_fixture_db(path)
    return path


@pytest.fixture(scope="session")
def search_conn(search_db_path):
    from desktop.search.connection import connect

    return connect(search_db_path)


@pytest.fixture(scope="session")
def real(content_db_path):
    """A search connection on the real built database (fixture content_db_path)."""
    from desktop.search.connection import connect

    return connect(content_db_path)


@pytest.fixture(scope="session")
def texts():
    return {p[0]: p[6] for p in PARAGRAPHS}
