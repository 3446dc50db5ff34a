"""The Arabic handbook (Help › دليل الاستخدام, F1): Markdown pages bundled
under ``resources/handbook`` (with their pictures in ``images/``), rendered
here to controlled, right-to-left HTML for the help viewer
(desktop/app/handbook_viewer.py). Qt-free, so it is tested without a window.

- ``index.md`` is the contents page; the order of the sections is the order
  of its links to other pages. ``whats-new.md`` is «ما الجديد».
- Raw HTML in the Markdown is never passed through: it is shown as text
  (the ``<div dir="rtl">`` wrapper that GitHub needs is dropped). A link is
  kept only if it goes to another page or anchor of the handbook, or to an
  http(s) address (opened by the viewer only when the user asks); a picture
  only if it is a file of the handbook.
- A paragraph made of ``[[shortcuts]]`` becomes the table of keyboard
  shortcuts the viewer reads from the window's actions (so it cannot drift).
- ``[[version]]`` is the program's version.
- ``## Title {#anchor}`` gives a section an anchor for links.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from desktop import paths
from desktop.content import html_escape

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

    import markdown

CONTENTS = "index.md"
WHATS_NEW = "whats-new.md"
SHORTCUTS = "shortcuts.md"
SHORTCUTS_MARK = "[[shortcuts]]"
VERSION_MARK = "[[version]]"
#: widest a picture is shown (the viewer scales it down smoothly, to fit its page)
MAX_IMAGE_WIDTH = 760
EXTERNAL_SCHEMES = ("http", "https")
LRM = "\u200e"
#: between the several keys of one action in ShortcutRow.keys
KEYS_SEPARATOR = " | "
#: a key combination as the handbook writes it: Ctrl+Shift+B, Alt+←, Ctrl++, Ctrl+\\
_KEYS = re.compile(r"(?<![\w+])(?:(?:Ctrl|Alt|Shift|Meta)\+)+(?:F\d{1,2}\b|[A-Za-z0-9]+|[←→↑↓+\-=\\,./]|&lt;|&gt;)")

_WRAPPER = re.compile(r'^\s*(<div dir="rtl">|</div>)\s*$', re.M)
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table", "th", "td",
           "blockquote")


def folder() -> Path:
    return paths.resource("handbook")


@dataclass(frozen=True)
class Page:
    name: str   # file name, e.g. "search.md"
    title: str  # its first heading


@dataclass(frozen=True)
class ShortcutRow:
    place: str   # the menu (or panel) the action is in
    action: str  # what it does
    keys: str    # as the platform writes them, e.g. "Ctrl+Shift+B"


def source(name: str, base: Path | None = None) -> str:
    return ((base or folder()) / name).read_text(encoding="utf-8")


def title(name: str, base: Path | None = None) -> str:
    for line in source(name, base).splitlines():
        if line.startswith("# "):
            return _ANCHOR.sub("", line[2:]).strip()
    return name


def pages(base: Path | None = None) -> list[Page]:
    """The contents page, then every page it links to, in its order."""
    names = [CONTENTS]
    for href in _hrefs(source(CONTENTS, base)):
        name = urlsplit(href).path
        if name.endswith(".md") and name not in names and not urlsplit(href).scheme:
            names.append(name)
    return [Page(name, title(name, base)) for name in names]


_ANCHOR = re.compile(r"\s*\{#[\w-]+\}\s*$")
_LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


def _hrefs(text: str) -> list[str]:
    return [m.group(1) for m in _LINK.finditer(text) if not m.group(0).startswith("!")]


def references(name: str, base: Path | None = None) -> tuple[list[str], list[str]]:
    """(links, pictures) of a page as written in its Markdown."""
    text = source(name, base)
    links = [m.group(1) for m in _LINK.finditer(text) if not m.group(0).startswith("!")]
    images = [m.group(1) for m in _LINK.finditer(text) if m.group(0).startswith("!")]
    return links, images


def anchors(name: str, base: Path | None = None) -> set[str]:
    return set(re.findall(r"\{#([\w-]+)\}", source(name, base)))


def is_external(href: str) -> bool:
    return urlsplit(href).scheme in EXTERNAL_SCHEMES


def internal_target(href: str, base: Path | None = None) -> Path | None:
    """The handbook file a relative link or picture names, or None if it
    leaves the handbook's folder (or has a scheme)."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("/"):
        return None
    root = (base or folder()).resolve()
    if not parts.path:
        return None
    target = (root / PurePosixPath(parts.path)).resolve()
    try:
        target.relative_to(root)
    except ValueError:
        return None
    return target


def png_size(path: Path) -> tuple[int, int] | None:
    with open(path, "rb") as handle:
        head = handle.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", head[16:24])


def render(name: str, shortcuts: list[ShortcutRow] | None = None,
           base: Path | None = None) -> str:
    """One page as HTML: escaped, right to left, links and pictures checked."""
    from desktop import __version__

    text = _WRAPPER.sub("", source(name, base)).replace(VERSION_MARK, html_escape.escape(__version__))
    body = mark_keys(_converter(base or folder()).reset().convert(text))
    if shortcuts is not None:
        table = shortcut_table(shortcuts)
        body = re.sub(r"<p[^>]*>" + re.escape(SHORTCUTS_MARK) + "</p>", lambda _: table, body)
    return ('<html><head><meta charset="utf-8"/></head>'
            f'<body dir="rtl">{body}</body></html>')


def shortcut_table(rows: list[ShortcutRow]) -> str:
    """The shortcuts as an escaped HTML table, the keys kept left to right."""
    # columns written last to first: Qt lays tables out left to right
    out = ['<table dir="rtl" align="right" border="1" cellspacing="0" cellpadding="5" '
           'width="100%"><tr><th dir="rtl">المفتاح</th><th dir="rtl">الأمر</th>'
           '<th dir="rtl">القائمة</th></tr>']
    for row in rows:
        keys = "، ".join(ltr(html_escape.escape(k)) for k in row.keys.split(KEYS_SEPARATOR))
        out.append(f'<tr><td dir="rtl" align="right">{keys}</td>'
                   f'<td dir="rtl" align="right">{html_escape.escape(row.action)}</td>'
                   f'<td dir="rtl" align="right">{html_escape.escape(row.place)}</td></tr>')
    out.append("</table>")
    return "".join(out)


def ltr(text: str) -> str:
    """Keys inside Arabic text: left-to-right marks keep «Alt+←» from being
    shown «←+Alt» (Qt's rich text ignores the isolates U+2066/U+2069)."""
    return f"{LRM}{text}{LRM}"


def mark_keys(body: str) -> str:
    """Every key combination in the text kept left to right (see ltr)."""
    return _KEYS.sub(lambda m: ltr(m.group(0)), body)


_CONVERTERS: dict[Path, markdown.Markdown] = {}


def _converter(base: Path) -> markdown.Markdown:
    """A Markdown converter without raw HTML and with checked links."""
    if base in _CONVERTERS:
        return _CONVERTERS[base]
    import markdown
    from markdown.extensions import Extension
    from markdown.treeprocessors import Treeprocessor

    class Controlled(Treeprocessor):
        def run(self, root: Element) -> None:
            parents = {child: parent for parent in root.iter() for child in parent}
            for element in list(root.iter()):
                if element.tag == "tr":  # Qt lays tables out left to right
                    cells = list(element)
                    for cell in cells:
                        element.remove(cell)
                    element.extend(reversed(cells))
                if element.tag == "table":
                    element.attrib.update(border="1", cellspacing="0", cellpadding="5",
                                          width="100%")
                if element.tag in _BLOCKS:
                    element.set("dir", "rtl")
                    if element.tag not in ("ul", "ol", "table"):
                        element.set("align", "right")
                if element.tag in ("h1", "h2", "h3", "h4") and (anchor := element.get("id")):
                    # QTextBrowser scrolls to <a name>, not to an id
                    mark = element.makeelement("a", {"name": anchor})
                    mark.tail, element.text = element.text, None
                    element.insert(0, mark)
                if element.tag == "a":
                    href = element.get("href", "")
                    if not (is_external(href) or href.startswith("#")
                            or internal_target(href, base) is not None):
                        element.attrib.pop("href", None)
                if element.tag == "img":
                    src = element.get("src", "")
                    target = internal_target(src, base)
                    if target is None or not target.is_file():
                        element.tag, element.text = "span", f"[{element.get('alt', '')}]"
                        element.attrib.clear()
                        continue
                    parent = parents.get(element)
                    if (element.get("alt") and parent is not None and parent.tag == "p"
                            and len(parent) == 1 and not (parent.text or "").strip()):
                        # a picture alone in its paragraph: its description under it
                        element.tail = None
                        parent.append(parent.makeelement("br", {}))
                        caption = parent.makeelement("span", {"style": "color:#555555;"})
                        caption.text = element.get("alt")
                        parent.append(caption)

    class Handbook(Extension):
        def extendMarkdown(self, md: markdown.Markdown) -> None:
            md.preprocessors.deregister("html_block")
            md.inlinePatterns.deregister("html")
            md.treeprocessors.register(Controlled(md), "handbook", 0)

    converter = markdown.Markdown(extensions=["tables", "attr_list", Handbook()])
    _CONVERTERS[base] = converter
    return converter
