"""Ask an ICU build what Qt Core asks of it; print the answers as JSON.

    python tests/packaging/icu_probe.py LIB_DIR

LIB_DIR holds libicuuc.so.NN and libicui18n.so.NN (and the libicudata they
load through their $ORIGIN RUNPATH). Run once per ICU in its own process (two
copies of one soname cannot share a process) and compare the outputs: the
bundle's trimmed ICU data must answer as the wheel's full data does for the
app's locales. The calls are the ones libQt6Core imports (objdump -T):
ucol_* (QCollator), u_strToUpper/Lower (QLocale), ucal_* (QTimeZone names),
ucnv_* (QStringConverter).
"""

from __future__ import annotations

import ctypes
import json
import sys
from pathlib import Path

U_ZERO_ERROR = 0
U_BUFFER = 512

#: Arabic with and without diacritics, hamza forms, tatweel, Arabic-Indic and
#: Latin digits, Latin in both cases: where collation rules differ.
WORDS = ["كتاب", "كُتُب", "كتب", "الكتاب", "أحمد", "إحسان", "آمال", "احمد", "ؤلف", "ئيس",
         "بيت", "بـيت", "ة", "ه", "ى", "ي", "١٠", "٩", "10", "9", "zebra", "Zebra", "apple",
         "Äpfel", "éclair", "eclair", "الأمم المتحدة", "الامم", "لا", "ﻻ"]


def main(lib_dir: str) -> dict:
    folder = Path(lib_dir)
    uc_path = next(folder.glob("libicuuc.so.*"))
    suffix = "_" + uc_path.name.rsplit(".", 1)[1]
    uc = ctypes.CDLL(str(uc_path))
    i18n = ctypes.CDLL(str(next(folder.glob("libicui18n.so.*"))))

    def fn(lib, name, restype=ctypes.c_int32):
        f = getattr(lib, name + suffix)
        f.restype = restype
        return f

    def ustr(text: str):
        data = text.encode("utf-16-le")
        return ctypes.create_string_buffer(data + b"\0\0", len(data) + 2), len(data) // 2

    def from_u(buffer, length: int) -> str:
        return bytes(buffer)[:2 * length].decode("utf-16-le")

    out: dict = {}
    ucol_open = fn(i18n, "ucol_open", ctypes.c_void_p)
    ucol_strcoll = fn(i18n, "ucol_strcoll")
    ucol_close = fn(i18n, "ucol_close", None)
    collations = {}
    for locale in ("ar", "ar_EG", "ar_SA", "en", "en_US", "en_GB", "", "fr", "de", "zh"):
        status = ctypes.c_int32(U_ZERO_ERROR)
        collator = ucol_open(locale.encode(), ctypes.byref(status))
        if status.value > 0:  # U_FAILURE
            collations[locale] = {"status": status.value}
            continue
        import functools

        def compare(a, b, collator=collator):
            (ba, na), (bb, nb) = ustr(a), ustr(b)
            return ucol_strcoll(ctypes.c_void_p(collator), ba, na, bb, nb)

        order = sorted(WORDS, key=functools.cmp_to_key(compare))
        collations[locale] = {"status": status.value, "order": order}
        ucol_close(ctypes.c_void_p(collator))
    out["collation"] = collations

    cases = {}
    for name in ("u_strToUpper", "u_strToLower"):
        f = fn(uc, name)
        for locale in ("ar", "en", "tr", ""):
            src, n = ustr("Istanbul ıi straße ΣΑΣ كتاب")
            dest = ctypes.create_string_buffer(2 * U_BUFFER)
            status = ctypes.c_int32(U_ZERO_ERROR)
            length = f(dest, U_BUFFER, src, n, locale.encode(), ctypes.byref(status))
            cases[f"{name} {locale}"] = [status.value, from_u(dest, length)]
    out["case"] = cases

    ucal_open = fn(i18n, "ucal_open", ctypes.c_void_p)
    ucal_close = fn(i18n, "ucal_close", None)
    display = fn(i18n, "ucal_getTimeZoneDisplayName")
    canonical = fn(i18n, "ucal_getCanonicalTimeZoneID")
    zones = {}
    for zone in ("Africa/Cairo", "Asia/Riyadh", "Europe/Vienna", "America/New_York", "UTC"):
        for locale in ("ar", "ar_EG", "en", "en_US"):
            zid, zn = ustr(zone)
            status = ctypes.c_int32(U_ZERO_ERROR)
            cal = ucal_open(zid, zn, locale.encode(), 0, ctypes.byref(status))
            names = [status.value]
            for kind in range(4):  # UCAL_STANDARD, SHORT_STANDARD, DST, SHORT_DST
                dest = ctypes.create_string_buffer(2 * U_BUFFER)
                s = ctypes.c_int32(U_ZERO_ERROR)
                length = display(ctypes.c_void_p(cal), kind, locale.encode(), dest, U_BUFFER,
                                 ctypes.byref(s))
                names.append([s.value, from_u(dest, max(length, 0))])
            ucal_close(ctypes.c_void_p(cal))
            dest = ctypes.create_string_buffer(2 * U_BUFFER)
            s = ctypes.c_int32(U_ZERO_ERROR)
            length = canonical(zid, zn, dest, U_BUFFER, None, ctypes.byref(s))
            names.append([s.value, from_u(dest, max(length, 0))])
            zones[f"{zone} {locale}"] = names
    out["zones"] = zones

    ucnv_open = fn(uc, "ucnv_open", ctypes.c_void_p)
    ucnv_close = fn(uc, "ucnv_close", None)
    to_unicode = fn(uc, "ucnv_toUChars")
    converters = {}
    sample = "كتاب العربية Text".encode("cp1256")
    for name in ("windows-1256", "ISO-8859-6", "ibm-864", "UTF-8", "ISO-8859-1", "windows-1252",
                 "macos-6_2-10.4"):
        status = ctypes.c_int32(U_ZERO_ERROR)
        conv = ucnv_open(name.encode(), ctypes.byref(status))
        if status.value > 0:
            converters[name] = [status.value]
            continue
        dest = ctypes.create_string_buffer(2 * U_BUFFER)
        s = ctypes.c_int32(U_ZERO_ERROR)
        length = to_unicode(ctypes.c_void_p(conv), dest, U_BUFFER, sample, len(sample),
                            ctypes.byref(s))
        converters[name] = [status.value, s.value, from_u(dest, max(length, 0))]
        ucnv_close(ctypes.c_void_p(conv))
    out["converters"] = converters
    out["converters_available"] = fn(uc, "ucnv_countAvailable")()
    return out


if __name__ == "__main__":
    json.dump(main(sys.argv[1]), sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
