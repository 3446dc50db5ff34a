"""Damaged copies of SQLite files, made the same way on every run.

Each function takes a healthy file and writes a damaged copy: a byte flipped
at fixed-seed places, the first leaf page of a table zeroed (found by
walking the table's b-tree from its root page), a truncation, invalid UTF-8
in a text value or in the schema, another schema version.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import struct
from pathlib import Path


def copy(src: Path, dst: Path) -> Path:
    shutil.copyfile(src, dst)
    return dst


def page_size(data: bytes) -> int:
    size = struct.unpack(">H", data[16:18])[0]
    return 65536 if size == 1 else size


def root_pages(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {name: root for name, root in conn.execute(
            "SELECT name, rootpage FROM sqlite_master WHERE type = 'table' AND rootpage > 0")}
    finally:
        conn.close()


def first_leaf_page(path: Path, table: str) -> int:
    """Page number (1-based) of the leftmost leaf of ``table``'s b-tree."""
    data = path.read_bytes()
    size = page_size(data)
    page = root_pages(path)[table]
    while True:
        start = (page - 1) * size
        header = start + (100 if page == 1 else 0)
        kind = data[header]
        if kind in (0x0D, 0x0A):                 # table / index leaf
            return page
        # interior page: the first cell's left child pointer
        first_cell = struct.unpack(">H", data[header + 12:header + 14])[0]
        page = struct.unpack(">I", data[start + first_cell:start + first_cell + 4])[0]


def zero_first_leaf(src: Path, dst: Path, table: str) -> Path:
    """The first leaf page of ``table`` filled with zero bytes."""
    copy(src, dst)
    page = first_leaf_page(dst, table)
    data = bytearray(dst.read_bytes())
    size = page_size(data)
    start = (page - 1) * size
    data[start:start + size] = bytes(size)
    dst.write_bytes(bytes(data))
    return dst


def flip_bits(src: Path, dst: Path, seed: int, count: int = 8) -> Path:
    """``count`` single-bit flips at places drawn from ``random.Random(seed)``
    (the 100-byte file header left alone: that case is truncation's)."""
    data = bytearray(src.read_bytes())
    rng = random.Random(seed)
    for _ in range(count):
        at = rng.randrange(100, len(data))
        data[at] ^= 1 << rng.randrange(8)
    dst.write_bytes(bytes(data))
    return dst


def truncate(src: Path, dst: Path, fraction: float) -> Path:
    data = src.read_bytes()
    dst.write_bytes(data[:int(len(data) * fraction)])
    return dst


def bad_utf8_text(src: Path, dst: Path, sql: str) -> Path:
    """Run an UPDATE that stores invalid UTF-8 (e.g. CAST(X'FF' AS TEXT)||text)."""
    copy(src, dst)
    conn = sqlite3.connect(dst)
    conn.execute(sql)
    conn.commit()
    conn.close()
    return dst


def bad_utf8_schema(src: Path, dst: Path, needle: bytes) -> Path:
    """The first byte of ``needle`` in the file's schema text replaced by 0xB0."""
    data = bytearray(src.read_bytes())
    at = data.find(needle)
    assert at >= 0, needle
    data[at] = 0xB0
    dst.write_bytes(bytes(data))
    return dst


def other_schema_version(src: Path, dst: Path, version: str = "999") -> Path:
    copy(src, dst)
    conn = sqlite3.connect(dst)
    conn.execute("UPDATE metadata SET value = ? WHERE key = 'schema_version'", (version,))
    conn.commit()
    conn.close()
    return dst
