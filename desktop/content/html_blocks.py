"""The HTML pieces every reader page is built of (Qt-free): escaping source
text for Markdown, inline Markdown, headings, meta lines, the page itself,
and the anchors/hrefs of paragraphs. render.py (units) and editorial_html.py
(gap pages) both build on them, so neither imports the other's privates.
"""

from __future__ import annotations

import re

from desktop.content.citations import join_symbols
from desktop.content.html_escape import escape

PARA_SCHEME = "para:"
_LONE_STAR = re.compile(r"(?<!\*)\*(?!\*)")
_NUMBERED_LINE = re.compile(r"^(\s*\d+)\.", re.M)
_RULE_LINE = re.compile(r"^(\s*)=", re.M)
_LINE_BREAK = re.compile(r"[ \t]*\n\s*")

#: Escaped text with none of these has nothing for Markdown to do: it is
#: its own HTML (tests/unit/content/test_render.py checks every text of the
#: database both ways). Most paragraphs take this path, so Markdown is
#: imported only when a text needs it, not before the first paint.
_MARKUP = re.compile(r"[\\*`<>=_]")
#: Markdown's backslash escapes (what escape_source adds): "\-" is "-".
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()>#+\-.!])")
_MARKDOWN = None


def anchor_name(paragraph_id: str) -> str:
    return f"p-{paragraph_id}"


def para_href(paragraph_id: str) -> str:
    return f"{PARA_SCHEME}{paragraph_id}"


def escape_source(text: str) -> str:
    """Escape source text for Markdown: HTML first, then Markdown punctuation.

    A paired ``**`` stays (bold in the source); a lone ``*`` is literal.
    No replacement template (``r"\\1"``): for each sub with one, CPython
    imports ``re`` again, through PySide's import hook (issue 17: ~240 of
    them per unit rendered); the rare cases are tried only when their
    character is there.
    """
    text = escape(text, quote=False)
    for char in _MD_PUNCTUATION:   # the backslash first: it escapes the others
        if char in text:
            text = text.replace(char, "\\" + char)
    if "*" in text:
        text = _LONE_STAR.sub(_escaped_star, text)
    if "." in text:
        text = _NUMBERED_LINE.sub(_escaped_dot, text)
    if "=" in text:
        # a line of "=" under a line would make a heading (Markdown has no \= escape)
        text = _RULE_LINE.sub(_entity_equals, text)
    return text


#: Markdown's punctuation, escaped with a backslash (str.replace: ten times
#: faster than str.translate on Arabic text, which takes its slow path)
_MD_PUNCTUATION = "\\`_{}[]()#+!-"


def _escaped_star(_match: re.Match[str]) -> str:
    return "\\*"


def _escaped_dot(match: re.Match[str]) -> str:
    return match.group(1) + "\\."


def _entity_equals(match: re.Match[str]) -> str:
    return match.group(1) + "&#61;"


def _unescaped(match: re.Match[str]) -> str:
    return match.group(1)


def markdown_inline(escaped: str) -> str:
    """Run escaped text through Markdown and drop the paragraph wrapper.

    A line break in the source (a list inside a paragraph) stays a line
    break; blank lines do not split the block (it must keep its dir="rtl").
    """
    escaped = _LINE_BREAK.sub("\n", escaped.strip())
    if not _MARKUP.search(_ESCAPED.sub("", escaped)):
        return _ESCAPED.sub(_unescaped, escaped).replace("\n", "<br/>")
    return _markdown_convert(escaped)


def _markdown_convert(escaped: str) -> str:
    """Markdown proper, for text with markup. One converter, reset between
    uses: building a Markdown instance per paragraph was a third of a
    unit's render time."""
    global _MARKDOWN
    if _MARKDOWN is None:
        import markdown

        _MARKDOWN = markdown.Markdown()
    out = _MARKDOWN.reset().convert(escaped).strip()
    if out.startswith("<p>") and out.endswith("</p>"):
        out = out[3:-4]
    return out.replace("\n", "<br/>")


def heading_block(level: int, text: str, extra_style: str = "") -> str:
    body = markdown_inline(escape_source(join_symbols(text)))
    return f'<h{level} dir="rtl" align="right" style="{extra_style}">{body}</h{level}>'


def meta_block(text: str) -> str:
    body = escape(join_symbols(text))
    return f'<p dir="rtl" align="right" style="color:#555555; margin:0">{body}</p>'


def page(body: str) -> str:
    return f'<html><body dir="rtl">{body}</body></html>'
