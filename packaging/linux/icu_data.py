"""Trim the ICU data library Qt's Linux wheel ships (libicudata.so.73, 31 MB).

    python packaging/linux/icu_data.py BUNDLE_DIR     # build.spec runs it on Linux

Qt Core is ICU's only user in the bundle, and it calls four ICU services
(see `objdump -T libQt6Core.so.6 | grep _73`): collation (QCollator,
QString::localeAwareCompare), case mapping (QLocale::toUpper/toLower, whose
tables are compiled into libicuuc), calendars' time-zone names (QTimeZone) and
converters (QStringConverter for encodings beyond UTF-8/16/32 and Latin-1).
No break iterator, transliterator, number or unit formatter, spoof checker,
IDNA or character-name lookup is ever called, so their data goes; locale data
(collation rules, zone names, locale resources) stays for the app's two
languages, Arabic and English (as Qt's translations do), and for root, which
every other locale falls back to (CLDR's default order and names). Of the
converters, the single-byte code pages stay (windows-1256, ISO-8859-6, ...:
what an Arabic text from another program may come in); the multi-byte East
Asian and EBCDIC ones go, as Python's East Asian codecs do (the app reads and
writes UTF-8). Everything else (supplemental data, likely subtags, zone rules,
normalisation, alias tables) stays whole. The result is 3.2 MB (0.6 MB in
the .deb, against 7.5 MB).

The data is ICU's "common data" package: a header, a table of contents sorted
by name, then the items, 16-byte aligned. The new package keeps the header and
the order of the kept items, and is linked (binutils) into a data-only shared
library with the same soname and symbol (icudt73_dat), so libicuuc loads it as
before.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

#: The app's languages: their locale data stays (root too, the fallback).
KEEP_LANGUAGES = ("ar", "en")
#: Item folders of services Qt never calls (see the module docstring).
DROPPED_FOLDERS = ("brkitr", "translit", "rbnf", "unit", "curr", "lang", "region")
#: Folders whose items are per-locale data: kept only for KEEP_LANGUAGES.
PER_LOCALE_FOLDERS = ("", "coll", "zone")
#: Whole items Qt never reads: character names (u_charName), IDNA/stringprep
#: profiles (Qt does IDNA itself), spoof-check confusables.
DROPPED_SUFFIXES = (".spp", ".cfu")
DROPPED_ITEMS = ("unames.icu",)

_LOCALE = re.compile(r"^([a-z]{2,3})(_[A-Za-z0-9]*)*$")  # de_, de__PHONEBOOK too
#: Names in the per-locale folders that look like locales but are indexes.
_NOT_LOCALES = ("res_index", "pool")


def read_package(data: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The header and the (name, bytes) items of an ICU common data package."""
    header_size = struct.unpack_from("<H", data, 0)[0]
    if data[2:4] != b"\xda\x27" or data[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package (CmnD)")
    if data[8] != 0:
        raise ValueError("only little-endian ICU data is handled")
    count = struct.unpack_from("<I", data, header_size)[0]
    toc = [struct.unpack_from("<II", data, header_size + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_offset, data_offset) in enumerate(toc):
        start = header_size + name_offset
        name = data[start:data.index(b"\0", start)].decode("ascii")
        end = toc[i + 1][1] if i + 1 < count else len(data) - header_size
        items.append((name, data[header_size + data_offset:header_size + end]))
    return data[:header_size], items


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """The package holding `items` (in the given, sorted order), laid out as icupkg
    does (padding bytes 0xaa): read_package then write_package gives the same bytes."""
    def align16(n: int) -> int:
        return (n + 15) & ~15

    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    toc_size = 4 + 8 * len(items)
    # Items start 16-byte aligned in the file (offsets count from the ToC).
    position = align16(len(header) + toc_size + len(names)) - len(header)
    toc, body, name_offset = [struct.pack("<I", len(items))], [], toc_size
    for name, blob in items:
        toc.append(struct.pack("<II", name_offset, position))
        name_offset += len(name) + 1
        padded = blob + b"\xaa" * (align16(len(blob)) - len(blob))
        body.append(padded)
        position += len(padded)
    head = header + b"".join(toc) + names
    return head + b"\xaa" * (align16(len(head)) - len(head)) + b"".join(body)


def _single_byte_converter(blob: bytes) -> bool:
    """A .cnv whose code page has one byte per character (UConverterStaticData)."""
    header_size = struct.unpack_from("<H", blob, 0)[0]
    # structSize (4), name (60), codepage (4), platform (1), conversionType (1),
    # minBytesPerChar (1), maxBytesPerChar (1).
    return blob[header_size + 4 + 60 + 4 + 3] == 1


def keep(name: str, blob: bytes) -> bool:
    """Whether the item `name` (e.g. icudt73l/coll/ar.res) stays."""
    path = name.split("/", 1)[1] if "/" in name else name
    folder, _, leaf = path.rpartition("/")
    if folder in DROPPED_FOLDERS or leaf in DROPPED_ITEMS or leaf.endswith(DROPPED_SUFFIXES):
        return False
    if leaf.endswith(".cnv"):
        return _single_byte_converter(blob)
    stem = leaf.rsplit(".", 1)[0]
    if folder in PER_LOCALE_FOLDERS and leaf.endswith(".res") and stem not in _NOT_LOCALES:
        match = _LOCALE.match(stem)
        if match:
            return match.group(1) in KEEP_LANGUAGES
    return True


def trim(data: bytes) -> bytes:
    header, items = read_package(data)
    kept = [(name, blob) for name, blob in items if keep(name, blob)]
    return write_package(header, kept)


def _data_symbol(library: Path) -> tuple[str, bytes]:
    """The name (icudtNN_dat) and bytes of the data symbol of libicudata."""
    from elftools.elf.elffile import ELFFile

    with library.open("rb") as f:
        elf = ELFFile(f)
        for symbol in elf.get_section_by_name(".dynsym").iter_symbols():
            if re.fullmatch(r"icudt\d+_dat", symbol.name):
                section = elf.get_section(symbol["st_shndx"])
                start = symbol["st_value"] - section["sh_addr"] + section["sh_offset"]
                f.seek(start)
                return symbol.name, f.read(symbol["st_size"])
    raise ValueError(f"{library}: no icudtNN_dat symbol")


def link_data_library(symbol: str, data: bytes, soname: str, out: Path) -> None:
    """A shared library exporting `data` as `symbol`, as ICU's build makes it.

    Assembled and linked by binutils' `as` and `ld` (the .deb build needs
    binutils already): no C compiler, no C library, no symbol versions.
    """
    tools = [shutil.which(tool) for tool in ("as", "ld")]
    if None in tools:
        raise RuntimeError("as/ld not found to link the trimmed ICU data (Debian: binutils)")
    assembler, linker = tools
    with tempfile.TemporaryDirectory() as tmp:
        dat = Path(tmp) / "icudata.dat"
        dat.write_bytes(data)
        source, obj = Path(tmp) / "icudata.s", Path(tmp) / "icudata.o"
        source.write_text(
            "\t.section .rodata\n\t.balign 16\n"
            f"\t.globl {symbol}\n\t.type {symbol}, @object\n"
            f"{symbol}:\n\t.incbin \"{dat}\"\n\t.size {symbol}, . - {symbol}\n"
            "\t.section .note.GNU-stack,\"\",@progbits\n", "ascii")
        subprocess.run([assembler, "-o", str(obj), str(source)], check=True)
        subprocess.run([linker, "-shared", "-s", "-soname", soname, "-z", "noexecstack",
                        "--build-id", "-o", str(out), str(obj)], check=True)


def trim_library(library: Path) -> tuple[int, int]:
    """Replace `library` (libicudataNN.so) by its trimmed copy: (bytes before, after)."""
    before = library.stat().st_size
    symbol, data = _data_symbol(library)
    out = library.with_name(library.name + ".trimmed")
    link_data_library(symbol, trim(data), library.name, out)
    out.replace(library)
    return before, library.stat().st_size


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.splitlines()[2].strip(), file=sys.stderr)
        return 2
    found = sorted(Path(argv[0]).rglob("libicudata.so.*"))
    for library in found:
        if library.is_file() and not library.is_symlink():
            before, after = trim_library(library)
            print(f"{library}: {before:,} -> {after:,} bytes")
    return 0 if found else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
