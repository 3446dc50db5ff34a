"""Machine reconstruction of the migrant-smuggling report's garbled Arabic.

The PDF of CTOC/COP/WG.7/2020/4 maps its glyphs to the wrong characters:
each letter *in a given contextual form* (isolated, initial, medial,
final) comes out as some fixed string (often the right letter, often
another letter, a space or nothing). The mapping loses information (several
glyphs give the same string, "في" gives only spaces), so it cannot be
inverted character by character. Instead:

1. learn the mapping (glyph -> string) from a small set of hand-read
   phrase pairs (SEED_ALIGNMENTS, garbled as printed / as meant) by
   expectation-maximisation over the possible alignments;
2. garble every word form of the clean sources (lexicon) with it;
3. segment each garbled line into garbled word forms by dynamic programming
   (most probable words; characters no word explains cost a penalty) and
   read back the clean words. A word is *uncertain* when its garbled form
   belongs to several lexicon words of comparable frequency or when a run
   of the line could not be explained at all (kept garbled, marked).

4. with a word bigram model (som_ngram), choose each piece's reading by the
   words around it (Viterbi over the candidates) and call it certain only if
   it beats the next reading by a factor of 4 on the best paths (max-marginals),
   was read from at least three garbled letters (or prints as itself), and is
   not one of the measured systematic false readings (NEVER_CERTAIN); a wide
   run of spaces between two words may be a lost «في» (inserted, uncertain).

On the hand-read reference (tests/data/som_reference.toml) words marked
certain are 98 % right (som_report.MEASURED, kept equal to a fresh measurement
by a test). bench/som_decoder_bench.py measures it on clean text garbled by the same
learned mapping (the decoder's own ambiguity) and on the held-out
hand-read pairs (how well the learned mapping fits the real source).
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from operator import itemgetter
from dataclasses import dataclass
from functools import lru_cache

from desktop import paths
from desktop.content.related.lexicon import Lexicon, bare

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


MAX_PIECE = 2
VARIANT_MIN = 0.1
MAX_VARIANTS = 8


def learn_mapping(pairs, iterations: int = 12, weights=None
                  ) -> dict[str, list[tuple[str, float]]]:
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
        counts: dict[str, Counter] = defaultdict(Counter)
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


def _emit(key, piece, prob):
    if key == " ":
        return 1.0 if piece == " " else (0.02 if piece in ("", "  ") else 0.0)
    return prob[key][piece]


def _expect(text, gl, prob, counts, weight=1.0):
    """Forward-backward over (glyph index, text position); adds expected counts."""
    n, m = len(gl), len(text)
    fwd = [[0.0] * (m + 1) for _ in range(n + 1)]
    fwd[0][0] = 1.0
    for i in range(n):
        for j in range(m + 1):
            if fwd[i][j]:
                for k in range(0, MAX_PIECE + 1):
                    if j + k <= m:
                        p = _emit(gl[i], text[j:j + k], prob)
                        if p:
                            fwd[i + 1][j + k] += fwd[i][j] * p
    bwd = [[0.0] * (m + 1) for _ in range(n + 1)]
    bwd[n][m] = 1.0
    for i in range(n - 1, -1, -1):
        for j in range(m + 1):
            s = 0.0
            for k in range(0, MAX_PIECE + 1):
                if j + k <= m:
                    p = _emit(gl[i], text[j:j + k], prob)
                    if p:
                        s += p * bwd[i + 1][j + k]
            bwd[i][j] = s
    z = fwd[n][m]
    if not z:
        return
    for i in range(n):
        if gl[i] == " ":
            continue
        for j in range(m + 1):
            if fwd[i][j]:
                for k in range(0, MAX_PIECE + 1):
                    if j + k <= m:
                        p = _emit(gl[i], text[j:j + k], prob)
                        if p:
                            counts[gl[i]][text[j:j + k]] += (
                                weight * fwd[i][j] * p * bwd[i + 1][j + k] / z)


def garble(word: str, mapping) -> str:
    """The word as the faulty PDF would most likely print it (unknown glyphs: themselves)."""
    return "".join(mapping[k][0][0] if k in mapping else k.split(":")[0] for k in glyphs(word))


def garble_variants(word: str, mapping) -> list[tuple[str, float]]:
    """The ways the PDF may print the word, with their probabilities (best first)."""
    forms = [("", 1.0)]
    for k in glyphs(word):
        options = mapping.get(k) or [(k.split(":")[0], 1.0)]
        forms = [(f + piece, p * q) for f, p in forms for piece, q in options]
        forms = sorted(forms, key=lambda fp: -fp[1])[:MAX_VARIANTS]
    return forms


@dataclass
class Token:
    text: str          # the reconstructed word, or the garbled run as printed
    garbled: str       # the garbled run it stands for
    certain: bool
    read: bool = True  # a word of the lexicon (False: a run no word explains)


class Decoder:
    """Garbled line -> reconstructed words, from a lexicon and a glyph mapping."""

    NOISE = 9.0       # cost of a character no word explains
    SPACE_NOISE = 0.3  # cost of a surplus space

    def __init__(self, lexicon: Lexicon, mapping: dict[str, list[tuple[str, float]]]):
        self.mapping = mapping
        total = sum(lexicon.counts.values())
        # garbled form -> word -> weighted count (a share of the word's count)
        by_form: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        for word, n in lexicon.counts.items():
            best: float | None = None
            for g, p in garble_variants(word, mapping):
                g = g.strip()
                if best is None:
                    best = p
                if g and len(g) <= 40 and p >= best * VARIANT_MIN:
                    by_form[g][word] += n * p / best
        self.by_form = by_form
        self.cost = {g: -math.log(sum(c.values()) / total) for g, c in by_form.items()}
        self.max_len = max(len(g) for g in by_form)

    def candidates(self, garbled_form: str) -> dict[str, float]:
        return self.by_form.get(garbled_form, {})

    def decode(self, garbled_text: str, lm=None, prev: str | None = "<s>") -> list[Token]:
        """Most probable reading; punctuation, digits and Latin pass through.

        lm: a som_ngram.BigramModel choosing among a piece's candidates by
        the words around it (None: by frequency alone); prev: the word before
        the text (the previous line's last word, "<s>" at a paragraph start).
        """
        text = normalise_garbled(garbled_text)
        n = len(text)
        edge = [True] + [not _is_letter(c) for c in text]    # edge[i]: a word may start at i
        best = [math.inf] * (n + 1)
        back: list[tuple[int, str | None]] = [(0, None)] * (n + 1)
        best[0] = 0.0
        for i in range(n):
            if best[i] == math.inf:
                continue
            if edge[i] and _is_letter(text[i]):
                for L in range(1, min(self.max_len, n - i) + 1):
                    word = text[i:i + L]
                    if word in self.cost and (i + L == n or not _is_letter(text[i + L])):
                        c = best[i] + self.cost[word]
                        if c < best[i + L]:
                            best[i + L], back[i + L] = c, (i, word)
            ch = text[i]
            step = (self.NOISE if _is_letter(ch) else
                    self.SPACE_NOISE if ch == " " else 0.0)
            c = best[i] + step
            if c < best[i + 1]:
                best[i + 1], back[i + 1] = c, (i, None)
        pieces: list[tuple[str, str | None]] = []
        j = n
        while j > 0:
            i, piece = back[j]
            pieces.append((text[i:j], piece))
            j = i
        pieces.reverse()
        items: list[tuple[str, str | None]] = []      # (raw run, None) or (piece, piece)
        run = ""
        for raw, piece in pieces:
            if piece is None:
                run += raw
                continue
            if run.strip():             # spaces between words are no run
                items.append((run, None))
            elif len(run) >= FI_GAP and items:
                items.append((run, GAP))    # «في» prints as spaces only
            run = ""
            items.append((raw, piece))
        if run.strip():
            items.append((run, None))
        return self._read(items, lm, prev)

    def _read(self, items, lm, prev) -> list[Token]:
        """Choose a word for each explained piece: by frequency alone, or (with
        a bigram model) by the best path through the candidates; certainty is
        the margin of the chosen word over the next best (max-marginals)."""
        gaps = {i for i, (_, piece) in enumerate(items) if piece is GAP}
        items = [it for it in items if it[1] is not GAP]
        gap_before = {i - sum(g < i for g in gaps) for i in gaps}
        slots: list[list[tuple[str, float]] | None] = []   # per item: None (a run) or [(word, log share)]
        for raw, piece in items:
            if piece is None:
                slots.append(None)
                continue
            cands = heapq.nlargest(MAX_CANDIDATES, self.by_form[piece].items(), key=itemgetter(1))
            total = sum(n for _, n in self.by_form[piece].items())
            slots.append([(w, math.log(n / total)) for w, n in cands])
        runs = {i: any(_is_letter(c) for c in raw)
                for i, (raw, piece) in enumerate(items) if piece is None}
        choice, margin = _best_path(slots, lm, prev, runs)
        tokens: list[Token] = []
        for i, ((raw, piece), slot, k, gap) in enumerate(zip(items, slots, choice, margin)):
            if i in gap_before and lm is not None and tokens and tokens[-1].read and slot:
                # a wide gap between two words: «في» if the words around read better with it
                a, b = bare(tokens[-1].text), bare(slot[k][0])
                if lm.logp(a, FI) + lm.logp(FI, b) > lm.logp(a, b):
                    tokens.append(Token(FI, "", False))
            if slot is None:
                # an unexplained run: its punctuation/digits are sure, its letters not
                for part in re.findall(r"[^\s]+", raw):
                    tokens.append(Token(part, part, not any(_is_letter(c) for c in part), read=False))
                continue
            word = slot[k][0]
            tokens.append(Token(word, piece, gap >= CERTAIN_MARGIN and self._trusted(word, piece)))
        return tokens

    @staticmethod
    def _trusted(word: str, piece: str) -> bool:
        """Never certain: a word read from fewer than three garbled letters
        (unless it prints as itself), or one of the systematic false readings
        measured on the hand-checked reference (tests/data/som_reference.toml)."""
        if bare(word) in NEVER_CERTAIN:
            return False
        letters = sum(_is_letter(c) for c in piece)
        return len(bare(word)) >= 2 and (letters >= 3 or piece == bare(word))


#: Readings the decoder produced, marked certain, for other words: «فريق» is
#: what the pieces «ال» of تهريب/المهاجرين decode to, «يعول» stands for أيلول,
#: «كبير» fills a lost «في», «جرت»/«جدول» come from ات/دول fragments.
NEVER_CERTAIN = {"فريق", "يعول", "كبير", "جرت", "جدول"}
MAX_CANDIDATES = 6
#: «في» prints as nothing but spaces; a gap this wide between two words may be one
FI = "في"
FI_GAP = 3
GAP = "<gap>"
#: log of the factor by which the chosen reading must beat the next best
CERTAIN_MARGIN = math.log(4)


def _best_path(slots, lm, prev, slot_runs=None):
    """(index of the chosen candidate per slot, its log margin over the next
    best) by Viterbi over the candidates; a run (None) breaks the context."""
    n = len(slots)
    slot_runs = slot_runs or {}     # slot index -> the run has letters (debris)
    choice = [0] * n
    margin = [0.0] * n
    # forward: best score ending in each candidate
    fwd: list[list[float] | None] = []
    ctx_prev = prev
    last: list[tuple[str, float]] | None = None     # previous slot's (word, fwd score)
    for i, slot in enumerate(slots):
        if slot is None:
            fwd.append(None)
            last = None
            ctx_prev = None if slot_runs.get(i) else "<s>"
            continue
        scores = []
        for w, ls in slot:
            if lm is None:
                scores.append(ls)
                continue
            if last is None:
                scores.append(ls + lm.logp(ctx_prev, bare(w)))
            else:
                scores.append(ls + max(f + lm.logp(bare(pw), bare(w)) for pw, f in last))
        fwd.append(scores)
        last = list(zip([w for w, _ in slot], scores))
    # backward: best score of the rest given each candidate
    bwd: list[list[float] | None] = [None] * n
    nxt: list[tuple[str, float, float]] | None = None   # next slot's (word, log share, bwd)
    for i in range(n - 1, -1, -1):
        slot = slots[i]
        if slot is None:
            nxt = None
            continue
        scores = []
        for w, _ in slot:
            if nxt is None or lm is None:
                scores.append(0.0 if nxt is None else max(ls + b for _, ls, b in nxt))
            else:
                scores.append(max(ls + lm.logp(bare(w), bare(nw)) + b for nw, ls, b in nxt))
        bwd[i] = scores
        nxt = [(w, ls, b) for (w, ls), b in zip(slot, scores)]
    for i, slot in enumerate(slots):
        forward, backward = fwd[i], bwd[i]
        if slot is None or forward is None or backward is None:   # all three None together
            continue
        total = sorted(((f + b, k) for k, (f, b) in enumerate(zip(forward, backward))), reverse=True)
        choice[i] = total[0][1]
        margin[i] = total[0][0] - total[1][0] if len(total) > 1 else math.inf
    return choice, margin


def _is_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a"


def occurrence_weights(pairs, source_text: str) -> list[float]:
    """How often each hand-read phrase occurs in the report (at least once):
    the mapping should fit the glyphs as often as the report prints them."""
    text = normalise_garbled(source_text)
    return [float(max(1, text.count(normalise_garbled(g)))) for g, _ in pairs]


@lru_cache(maxsize=1)
def learned_mapping() -> dict[str, list[tuple[str, float]]]:
    """The mapping learned from SEED_ALIGNMENTS, weighted by their frequency
    in the report (data/sources/som-wg-2020.txt)."""
    source = (paths.sources_dir() / "som-wg-2020.txt").read_text(encoding="utf-8")
    return learn_mapping(SEED_ALIGNMENTS, weights=occurrence_weights(SEED_ALIGNMENTS, source))
