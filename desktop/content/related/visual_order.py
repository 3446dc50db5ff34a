"""Repairs for Arabic text that a PDF extractor wrote in visual order.

The COP 6 agenda (seed 001) was extracted span by span from left to right:
within a line the spans come in reverse reading order, brackets are
mirrored, number pairs ("15-19", "10.00", decision "1/5") come out as
"١٩-١٥", "٠٠/١٠", "٥/١", dates as "٢٠١٢أكتوبر / تشرين الأول١٥", and
justification stretching (tatweel) splits words into fragments.

Only repairs that cannot make the text worse are applied here (each is a
pure function of one line); the rest is *detected* and reported, so that
the reader can mark the paragraph as damaged source text instead of
guessing at its word order.
"""

from __future__ import annotations

import re

TATWEEL = "\u0640"
ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
_TO_ASCII = str.maketrans(ARABIC_INDIC, "0123456789")
_ARABIC_LETTER = "\u0621-\u063a\u0641-\u064a"
_MARKS = "\u064b-\u065f\u0670"

#: Western month name / Eastern (Levantine) month name, as printed.
MONTHS = [
    ("يناير", "كانون الثاني"), ("فبراير", "شباط"), ("مارس", "آذار"),
    ("أبريل", "نيسان"), ("مايو", "أيار"), ("يونيه", "حزيران"),
    ("يوليه", "تموز"), ("أغسطس", "آب"), ("سبتمبر", "أيلول"),
    ("أكتوبر", "تشرين الأول"), ("نوفمبر", "تشرين الثاني"),
    ("ديسمبر", "كانون الأول"),
]


def strip_stretching(text: str) -> str:
    """Remove justification tatweel, keeping the abjad letter "هـ"."""
    text = re.sub(r"(?<![" + _ARABIC_LETTER + _MARKS + r"])هـ(?![" + _ARABIC_LETTER + r"])",
                  "ه\x00", text)
    text = text.replace(TATWEEL, "")
    return text.replace("ه\x00", "هـ")


def mirror_brackets(text: str) -> str:
    """Turn mirrored pairs ")…(" back into "(…)".

    A ")" met while no "(" is open opens a mirrored pair, closed by the next
    "("; pairs already in order, such as "(CTOC/COP/2012/1)", stay as they
    are.
    """
    out = list(text)
    depth = 0
    mirrored_open = None
    for i, ch in enumerate(text):
        if ch == "(":
            if mirrored_open is not None:
                out[mirrored_open], out[i] = "(", ")"
                mirrored_open = None
            else:
                depth += 1
        elif ch == ")":
            if depth:
                depth -= 1
            elif mirrored_open is None:
                mirrored_open = i
    return "".join(out)


_DATE = re.compile(
    r"([٠-٩]{4})\s*(" + "|".join(w for w, _ in MONTHS) + r")\s*/\s*("
    + "|".join(e for _, e in MONTHS) + r")\s*([٠-٩]{1,2}(?:-[٠-٩]{1,2})?)(?![٠-٩])")
_PAIR = re.compile(r"([٠-٩]+)(\s?[/\-–]\s?)([٠-٩]+)")


def repair_digit_runs(text: str) -> str:
    """Put Arabic-Indic number pairs and full dates back in reading order.

    "٢٠١٢أكتوبر / تشرين الأول١٥" -> "15 تشرين الأول/أكتوبر 2012";
    "١٩-١٥" -> "15-19"; "٠٠/١٠" -> "10/00"; "٥/١" -> "1/5" (Arabic
    citation order: number 1 of session 5). A digit run glued to the
    following word gets its space back. Latin digits (document symbols such
    as CTOC/COP/2012/1) are never touched. Digits end up ASCII, as in the
    other sources.
    """
    text = _PAIR.sub(lambda m: f"{m[3]}{m[2].strip()}{m[1]}", text)
    text = _DATE.sub(lambda m: f"{m[4]} {m[3]}/{m[2]} {m[1]}", text)
    text = re.sub(r"([٠-٩])(?=[" + _ARABIC_LETTER + "])", r"\1 ", text)
    return text.translate(_TO_ASCII)


def repair_line(line: str) -> str:
    """All reliable repairs of one extracted line, whitespace normalised."""
    line = strip_stretching(line)
    line = mirror_brackets(line)
    line = repair_digit_runs(line)
    return re.sub(r"\s+", " ", line).strip()


_SPAN_GAP = re.compile(r"\S\s{2,}\S")
_SYMBOL_FIRST = re.compile(r"^[()]?CTOC/\S*[()]?\s*[\u0621-\u064a]")
_SYMBOL_GLUED = re.compile(r"[()]?CTOC/\S*[()][\u0621-\u064a]|[\u0621-\u064a][()]CTOC/")
_LEADING_PUNCT = re.compile(r"^[.:؛،]")
_END_MARKER = re.compile(r"-\s*\d+\s*$|^\d+\s*-")


def order_damage(raw_line: str) -> list[str]:
    """Signs that a raw line's spans are still in visual (reversed) order.

    Returns short reasons (English keys, see REASONS), empty when the line
    reads as one span and so is in reading order after repair.
    """
    reasons: list[str] = []
    stripped = strip_stretching(raw_line).strip()
    if not stripped:
        return reasons
    if (_SPAN_GAP.search(stripped) or _SYMBOL_FIRST.match(stripped)
            or _SYMBOL_GLUED.search(stripped)):
        reasons.append("spans")
    if _LEADING_PUNCT.match(stripped) and len(stripped) > 1:
        reasons.append("punctuation")
    if re.search(r"[٠-٩][" + _ARABIC_LETTER + "]", stripped):
        reasons.append("glued")
    if re.search(TATWEEL + r"(\s|$)", raw_line) or re.search(r"(^|\s)" + TATWEEL, raw_line):
        reasons.append("fragments")
    return reasons


#: Arabic wording of the damage reasons, for the reader.
REASONS = {
    "spans": "أجزاء السطر مقلوبة الترتيب (استُخرج النص بالترتيب المرئي)",
    "punctuation": "علامات الترقيم في غير موضعها",
    "glued": "أرقام ملتصقة بالكلمات في غير موضعها",
    "fragments": "كلمات مجزّأة بفعل مدّ السطر (التطويل)",
    "unknown": "كلمات غير معروفة أو مبتورة",
}
