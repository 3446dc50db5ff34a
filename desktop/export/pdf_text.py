"""Make the text of a PDF written by Qt copy out as ordinary Arabic (Qt-free).

Qt's PDF engine maps each shaped glyph in its ToUnicode CMaps to the Arabic
*presentation form* of the letter (U+FB50–FDFF, U+FE70–FEFF: ﻟ ﻤ ﺨ …) and
lam-alef ligatures to one code point (ﻻ). Text copied from such a PDF, or
extracted with pdftotext, cannot be searched or spell-checked. After Qt has
written the file, ``fix_to_unicode`` rewrites every ToUnicode map so each
presentation form maps to its ordinary letter(s) -- the NFKC of the form,
which also splits a lam-alef into lam and alef -- and leaves everything else
(fonts, which stay embedded; page content) alone. pypdf (pure Python: no
qpdf or Pillow in the installers) reads and writes the file; the maps are
small and are stored compressed again.
"""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

#: Arabic Presentation Forms-A and -B.
PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")

_HEX = re.compile(rb"<([0-9A-Fa-f]*)>")
_BLOCK = re.compile(rb"(\d+)\s+begin(bfchar|bfrange)(.*?)end\2", re.S)
_RANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]*>)")
_CHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>")


def ordinary(text: str) -> str:
    """Presentation forms replaced by their ordinary letters (NFKC of each form)."""
    return PRESENTATION_FORMS.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)


def glyph_text(text: str) -> str:
    """What one glyph's ToUnicode entry should say: its ordinary letters, a
    ligature's letters (lam-alef: lam, alef) stored last-first. Extractors
    (poppler's pdftotext, and the viewers built on it) put a right-to-left
    run into logical order by reversing it character by character, the
    letters of one glyph's entry included; stored reversed, they come out
    lam then alef."""
    letters = ordinary(text)
    if len(letters) > 1 and PRESENTATION_FORMS.search(text):
        return letters[::-1]
    return letters


def _decode(hex_bytes: bytes) -> str:
    return bytes.fromhex(hex_bytes.decode("ascii")).decode("utf-16-be", errors="replace")


def _encode(text: str) -> bytes:
    return text.encode("utf-16-be").hex().upper().encode("ascii")


def parse_cmap(data: bytes) -> tuple[dict[int, tuple[int, str]], bytes, bytes]:
    """(code -> (code width in bytes, text), what precedes the first mapping
    block, what follows the last one)."""
    mapping: dict[int, tuple[int, str]] = {}
    blocks = list(_BLOCK.finditer(data))
    if not blocks:
        return mapping, data, b""
    for block in blocks:
        body = block.group(3)
        if block.group(2) == b"bfchar":
            for src, dst in _CHAR.findall(body):
                mapping[int(src, 16)] = (len(src) // 2, _decode(dst))
            continue
        for lo, hi, dst in _RANGE.findall(body):
            start, end, width = int(lo, 16), int(hi, 16), len(lo) // 2
            if dst.startswith(b"["):
                for offset, item in enumerate(_HEX.findall(dst)):
                    mapping[start + offset] = (width, _decode(item))
            else:
                first = _decode(dst[1:-1])
                for offset in range(end - start + 1):
                    text = first[:-1] + chr(ord(first[-1]) + offset) if first else ""
                    mapping[start + offset] = (width, text)
    return mapping, data[:blocks[0].start()], data[blocks[-1].end():]


def build_cmap(mapping: dict[int, tuple[int, str]], head: bytes, tail: bytes) -> bytes:
    """A CMap with the same frame, its mappings as bfchar blocks of at most
    100 entries (the PDF limit per block)."""
    codes = sorted(mapping)
    out = [head.rstrip(), b"\n"]
    for first in range(0, len(codes), 100):
        chunk = codes[first:first + 100]
        out.append(b"%d beginbfchar\n" % len(chunk))
        for code in chunk:
            width, text = mapping[code]
            out.append(b"<%s> <%s>\n" % (b"%0*X" % (2 * width, code), _encode(text)))
        out.append(b"endbfchar\n")
    out.append(tail.lstrip())
    return b"".join(out)


def fix_cmap(data: bytes) -> bytes | None:
    """The CMap rewritten, or None when it maps no presentation form."""
    mapping, head, tail = parse_cmap(data)
    if not any(PRESENTATION_FORMS.search(text) for _, text in mapping.values()):
        return None
    fixed = {code: (width, glyph_text(text)) for code, (width, text) in mapping.items()}
    return build_cmap(fixed, head, tail)


def fix_to_unicode(path: str | Path, title: str | None = None) -> int:
    """Rewrite the ToUnicode maps of the PDF at ``path`` in place (and set its
    Title when given); returns how many maps were rewritten. ExportError
    (an Arabic message) when the file cannot be read or written."""
    from pypdf.errors import PyPdfError

    from desktop.export.files import ExportError

    try:
        return _fix(Path(path), title)
    except (PyPdfError, OSError, ValueError, KeyError) as exc:
        raise ExportError(f"تعذّر إصلاح نص ملف PDF: {exc}") from None


def _fix(path: Path, title: str | None) -> int:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, StreamObject, TextStringObject

    reader = PdfReader(io.BytesIO(path.read_bytes()))
    writer = PdfWriter(clone_from=reader)
    changed = 0
    seen: set[int] = set()
    for number in range(len(writer._objects)):  # every object: fonts of all pages
        obj = writer._objects[number]
        if not isinstance(obj, DictionaryObject) or obj.get("/Type") != "/Font":
            continue
        ref = obj.raw_get("/ToUnicode") if "/ToUnicode" in obj else None
        if ref is None:
            continue
        cmap = ref.get_object()
        key = getattr(ref, "idnum", id(cmap))
        if not isinstance(cmap, StreamObject) or key in seen:
            continue
        seen.add(key)
        fixed = fix_cmap(cmap.get_data())
        if fixed is not None:
            cmap.set_data(fixed)
            changed += 1
    if title is not None:
        writer.add_metadata({NameObject("/Title"): TextStringObject(title)})
    if changed or title is not None:
        buffer = io.BytesIO()
        writer.write(buffer)
        path.write_bytes(buffer.getvalue())
    return changed
