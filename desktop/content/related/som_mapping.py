"""The faulty glyph mapping of the migrant-smuggling report (CTOC/COP/WG.7/2020/4),
learned: each letter in a given contextual form prints as some fixed string.
The mapping is learned from hand-read phrase pairs (SEED_ALIGNMENTS) by
expectation-maximisation over their alignments, and garbles clean words the
way the PDF did (steps 1 and 2 of desktop.content.related.som_decoder)."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import Iterable, Iterator, Sequence, TypeAlias

from desktop import paths
from desktop.content.related.lexicon import bare


#: Letters that join the following letter (dual-joining); the others only
#: join the preceding one (or nothing: hamza).
_RIGHT_ONLY = set("اأإآدذرزوؤة")
_NON_JOINING = set("ء")
LETTERS = set("ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي")

#: Phrase pairs read by hand from the source: (garbled as extracted, with
#: tatweel removed; the Arabic meant). They train the glyph mapping; the
#: bench holds some out to test it. Each was read from its context in the
#: report (the clean headings and the recurring UN formulas).
SEED_ALIGNMENTS = [
    ("ارفليةا الأمم المتحدة لمحل حا ال الما المعب ما ع ا", "اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر"),
    ("الواعةا", "الوطنية"),
    ("الدولةا", "الدولية"),
    ("عحغ  لتدو  الأاااف فن", "ينبغي للدول الأطراف أن"),
    ("رتزز", "تعزز"),
    ("ر ال  الم ل ال ", "تهريب المهاجرين"),
    ("التوصةا", "التوصية"),
    ("الي  اعتمدم ممرما الأاااف", "الذي اعتمده مؤتمر الأطراف"),
    ("الفال  التلم ", "الفريق العامل"),
    ("المتع  مت ال  الم ل ال ", "المعني بتهريب المهاجرين"),
    ("التشعولو ةل", "التكنولوجيا"),
    ("الأزملت", "الأزمات"),
    ("ال ملعلت الإ اامةا المعبما", "الجماعات الإجرامية المنظمة"),
    ("التتلون", "التعاون"),
    ("المتتوملت", "المعلومات"),
    ("ل حا  و بد", "جائحة كوفيد"),
    ("عت  ", "على"),
    ("م  ", "من"),
    ("دو ره الخلمسا", "دورته الخامسة"),
    ("إل  الممرما", "إلى المؤتمر"),
    ("او تملا", "الاجتماع"),
    ("الموا د", "الموارد"),
    ("استخدام", "استخدام"),
    ("الحدود", "الحدود"),
    ("الأدلا الاعمةا", "الأدلة الرقمية"),
    ("التحرب ", "التحقيق"),
    ("بمل", "بما"),
    ("مث ", "مثل"),
    ("الإيسلن", "الإنسان"),
    ("ؤرو ", "حقوق"),
    ("المسلعدة التقعةا", "المساعدة التقنية"),
    ("الممل سلت", "الممارسات"),
    ("الخ اات", "الخبرات"),
    ("ال ملعلت", "الجماعات"),
    ("المعبمــلت الححومةا الدولةا", "المنظمات الحكومية الدولية"),
    ("اوستخدام", "الاستخدام"),
    ("مع", "مع"),
    ("الحللةا", "الحالية"),
    ("الأمم المتحدة", "الأمم المتحدة"),
    ("الدو  الأاااف", "الدول الأطراف"),
    ("إيفلك الرليون", "إنفاذ القانون"),
    ("المحلفم", "المحاكم"),
    ("التعفبي", "التنفيذ"),
    ("المعبما", "المنظمة"),
    ("الولايا", "الولاية"),
    ("ردامبا", "تدابير"),
    ("غبا", "غير"),
    ("فثعلل", "أثناء"),
    ("التحدللت", "التحديات"),
    ("المتشتمون", "المتكلمون"),
    ("السبد", "السيد"),
    ("الصتبد", "الصعيد"),
    ("بقجن", "بشأن"),
    ("التحقةرلت", "التحقيقات"),
    ("الإلشتاويةا", "الإلكترونية"),
    ("ماورو و  محل حا ر ال  الم ل ال ", "بروتوكول مكافحة تهريب المهاجرين"),
    ("عرد ا تملعلت", "عقد اجتماعات"),
    ("وملاؤرا مارش ب ل", "وملاحقة مرتكبيها"),
    ("فوعلت الأزملت", "أوقات الأزمات"),
    ("رحلد  المتتوملت", "تبادل المعلومات"),
    ("رتزلز", "تعزيز"),
    ("وفماز المتشتمون", "وأبرز المتكلمون"),
    ("الثغاات", "الثغرات"),
    ("الححومةا", "الحكومية"),
    ("بمل    كلك", "بما في ذلك"),
    ("المعب ما ع ا", "المنظمة عبر"),
    ("ععلصا ممرما", "عناصر مؤتمر"),
    ("الرهل ةا", "القضائية"),
    ("يتل  فوسع", "نطاق أوسع"),
    ("لتفهلل السب ااي ", "للفضاء السيبراني"),
    ("رزا د", "تزايد"),
    ("م  خلا ", "من خلال"),
    ("المتشتمب ", "المتكلمين"),
    ("السبدة", "السيدة"),
    ("بمااع ب ", "بمراقبين"),
    ("فثا الشوا  ", "أثر الكوارث"),
    ("المخلاا المارحتا", "المخاطر المرتبطة"),
    ("غبا العبلمةا", "غير النظامية"),
    ("رتولا", "تطوير"),
    ("فيقتا", "أنشطة"),
    ("رق  ع الدو  الأاااف", "تشجع الدول الأطراف"),
    ("م ل  ر ال  الم ل ال ", "مجال تهريب المهاجرين"),
    ("وفتل ت إل ", "وأشارت إلى"),
    ("بمل لقم ", "بما يشمل"),
    ("يةلبا ع  م موعا", "نيابة عن مجموعة"),
    ("واورصلوت", "والاتصالات"),
    ("ردامبا عولا", "تدابير قوية"),
    ("وؤدة", "وحدة"),
    ("القةلم", "القيام"),
    ("الاعللا الصحةا", "الرعاية الصحية"),
    ("الأصو  الرليويةا", "الأصول القانونية"),
    ("المعلظاة", "المناظرة"),
    ("التحقةرلت ال عل ةا", "التحقيقات الجنائية"),
]


def glyphs(word: str) -> list[str]:
    """The word as glyph keys "letter:form", lam-alef fused.

    Forms: i isolated, s initial at the word's start, b initial after a
    non-joining letter, m medial, e final. s and b are the same glyph shape,
    but the faulty PDF prints them differently for some letters (ينبغي ->
    "عحغ", ي dropped; التحديات -> "التحدللت", ي as ل), so they are learned
    apart.
    """
    w = [c for c in bare(word) if c in LETTERS]
    out = []
    i = 0
    while i < len(w):
        c = w[i]
        if c == "ل" and i + 1 < len(w) and w[i + 1] in "اأإآ":
            joined = i > 0 and w[i - 1] not in _RIGHT_ONLY | _NON_JOINING
            out.append(f"ل{w[i + 1]}:{'e' if joined else 'i'}")
            i += 2
            continue
        joins_prev = i > 0 and w[i - 1] not in _RIGHT_ONLY | _NON_JOINING and c not in _NON_JOINING
        joins_next = (i + 1 < len(w) and c not in _RIGHT_ONLY | _NON_JOINING
                      and w[i + 1] not in _NON_JOINING)
        form = {(False, False): "i", (False, True): "b", (True, True): "m",
                (True, False): "e"}[(joins_prev, joins_next)]
        if form == "b" and not out:
            form = "s"      # initial form at the word's start: prints differently
        out.append(f"{c}:{form}")
        i += 1
    return out


def _phrase_glyphs(phrase: str) -> list[str]:
    out = []
    for k, word in enumerate(phrase.split()):
        if k:
            out.append(" ")
        out.extend(glyphs(word))
    return out


def normalise_garbled(text: str) -> str:
    """Garbled text as the decoder reads it: no tatweel, no marks, no line ends."""
    return re.sub(r"[\u0640\u064b-\u065f\u0670]", "", text).replace("\n", " ")


#: glyph key -> the strings it prints as, with their probabilities, most likely first
GlyphMapping: TypeAlias = dict[str, list[tuple[str, float]]]
#: glyph key -> string -> probability (one EM step's estimate)
_Probabilities: TypeAlias = dict[str, dict[str, float]]

MAX_PIECE = 2
VARIANT_MIN = 0.1
MAX_VARIANTS = 8


def learn_mapping(pairs: Sequence[tuple[str, str]], iterations: int = 12,
                  weights: Iterable[float] | None = None) -> GlyphMapping:
    """glyph key -> its garbled strings, most likely first (EM over alignments).

    A glyph may print in a few ways depending on its neighbours (the
    "context-dependent variants"); every string with a probability of at
    least VARIANT_MIN is kept.

    Each glyph emits 0..MAX_PIECE characters; a word separator emits one
    space. Starts from "each glyph tends to give itself".
    """
    data = [(normalise_garbled(g), _phrase_glyphs(c)) for g, c in pairs]
    weights = list(weights) if weights is not None else [1.0] * len(data)
    prob: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(lambda: 0.05))
    for g, gl in data:
        for key in gl:
            if key != " ":
                prob[key][key[0]] = 1.0
    for _ in range(iterations):
        counts: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        for (text, gl), w in zip(data, weights):
            _expect(text, gl, prob, counts, w)
        new: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(lambda: 1e-4))
        for key, c in counts.items():
            total = sum(c.values())
            for piece, n in c.items():
                new[key][piece] = n / total
        prob = new
    out = {}
    for key, pieces in prob.items():
        if key == " ":
            continue
        ranked = sorted(pieces.items(), key=lambda kv: (-kv[1], kv[0]))
        out[key] = [(piece, p) for piece, p in ranked[:3]
                    if p >= VARIANT_MIN or piece == ranked[0][0]]
    return out


def _emit(key: str, piece: str, prob: _Probabilities) -> float:
    if key == " ":
        return 1.0 if piece == " " else (0.02 if piece in ("", "  ") else 0.0)
    return prob[key][piece]


def _pieces(glyph: str, text: str, j: int, prob: _Probabilities) -> Iterator[tuple[int, float]]:
    """(length, probability) of each piece of ``text`` at ``j`` the glyph may print as."""
    for k in range(0, min(MAX_PIECE, len(text) - j) + 1):
        p = _emit(glyph, text[j:j + k], prob)
        if p:
            yield k, p


def _expect(text: str, gl: list[str], prob: _Probabilities, counts: dict[str, dict[str, float]],
            weight: float = 1.0) -> None:
    """Forward-backward over (glyph index, text position); adds expected counts."""
    n, m = len(gl), len(text)
    fwd = [[0.0] * (m + 1) for _ in range(n + 1)]
    fwd[0][0] = 1.0
    for i in range(n):
        for j in range(m + 1):
            if fwd[i][j]:
                for k, p in _pieces(gl[i], text, j, prob):
                    fwd[i + 1][j + k] += fwd[i][j] * p
    bwd = [[0.0] * (m + 1) for _ in range(n + 1)]
    bwd[n][m] = 1.0
    for i in range(n - 1, -1, -1):
        for j in range(m + 1):
            bwd[i][j] = sum(p * bwd[i + 1][j + k] for k, p in _pieces(gl[i], text, j, prob))
    z = fwd[n][m]
    if not z:
        return
    for i in range(n):
        if gl[i] == " ":
            continue
        for j in range(m + 1):
            if fwd[i][j]:
                for k, p in _pieces(gl[i], text, j, prob):
                    counts[gl[i]][text[j:j + k]] += weight * fwd[i][j] * p * bwd[i + 1][j + k] / z


def garble(word: str, mapping: GlyphMapping) -> str:
    """The word as the faulty PDF would most likely print it (unknown glyphs: themselves)."""
    return "".join(mapping[k][0][0] if k in mapping else k.split(":")[0] for k in glyphs(word))


def garble_variants(word: str, mapping: GlyphMapping) -> list[tuple[str, float]]:
    """The ways the PDF may print the word, with their probabilities (best first)."""
    forms = [("", 1.0)]
    for k in glyphs(word):
        options = mapping.get(k) or [(k.split(":")[0], 1.0)]
        forms = [(f + piece, p * q) for f, p in forms for piece, q in options]
        forms = sorted(forms, key=lambda fp: -fp[1])[:MAX_VARIANTS]
    return forms


def occurrence_weights(pairs: Sequence[tuple[str, str]], source_text: str) -> list[float]:
    """How often each hand-read phrase occurs in the report (at least once):
    the mapping should fit the glyphs as often as the report prints them."""
    text = normalise_garbled(source_text)
    return [float(max(1, text.count(normalise_garbled(g)))) for g, _ in pairs]


@lru_cache(maxsize=1)
def learned_mapping() -> GlyphMapping:
    """The mapping learned from SEED_ALIGNMENTS, weighted by their frequency
    in the report (data/sources/som-wg-2020.txt)."""
    source = (paths.sources_dir() / "som-wg-2020.txt").read_text(encoding="utf-8")
    return learn_mapping(SEED_ALIGNMENTS, weights=occurrence_weights(SEED_ALIGNMENTS, source))
