"""The reader's page themes (light, dark, sepia), the colours written in
the pages as each theme shows them, and the ReadingStyle that
ReaderView.apply_reading_style takes (font, spacing, colours). Qt-free:
desktop.app.preferences_values makes a ReadingStyle from the user's preferences;
the reader's parts name its type without importing the preferences (which
name the main window, which holds the reader).
"""

from __future__ import annotations

import colorsys
import re
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    key: str
    label: str
    background: str
    text: str
    link: str
    #: how the colours written in the pages (render.py, editorial_html.py)
    #: are shown: "same", "dark" (lightness turned round) or "sepia"
    #: (backgrounds multiplied by the paper's colour, text a little darker)
    mapping: str = "same"


THEMES: dict[str, Theme] = {
    "light": Theme("light", "فاتحة", "#ffffff", "#000000", "#0b4ea2"),
    "dark": Theme("dark", "داكنة", "#1e1f22", "#e6e3dd", "#8fb8ff", "dark"),
    "sepia": Theme("sepia", "بنّية (سيبيا)", "#f4ecd8", "#3b2f1e", "#1b4a8c", "sepia"),
}


_COLOUR = re.compile(r"(background-color|color)(\s*:\s*)(#[0-9a-fA-F]{6})\b")


def _rgb(colour: str) -> tuple[float, float, float]:
    red, green, blue = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return red, green, blue


def _hex(rgb: Iterable[float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c * 255))):02x}" for c in rgb)


def luminance(colour: str) -> float:
    """Relative luminance (WCAG 2)."""
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours (1 to 21; 4.5 reads as body text)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def theme_colour(theme: Theme, colour: str, background: bool) -> str:
    """A colour written in a page, as this theme shows it."""
    colour = colour.lower()
    if theme.mapping == "dark":
        h, l, s = colorsys.rgb_to_hls(*_rgb(colour))
        if background:   # light tints become dark tints of the same hue
            return _hex(colorsys.hls_to_rgb(h, 0.17 + (1 - l) * 0.2, min(s, 0.35)))
        return _hex(colorsys.hls_to_rgb(h, max(1 - l, 0.8), min(s, 0.65)))
    if theme.mapping == "sepia":
        if background:   # the tint as if printed on the paper
            paper = _rgb(theme.background)
            return _hex(c * p for c, p in zip(_rgb(colour), paper))
        h, l, s = colorsys.rgb_to_hls(*_rgb(colour))   # a little darker on the paper
        return _hex(colorsys.hls_to_rgb(h, l * 0.8, s))
    return colour


@dataclass(frozen=True)
class ReadingStyle:
    """What ReaderView.apply_reading_style needs: font, spacing, colours."""

    family: str
    point_size: int
    line_spacing: int
    theme: Theme

    @property
    def background(self) -> str:
        return self.theme.background

    @property
    def text(self) -> str:
        return self.theme.text

    @property
    def link(self) -> str:
        return self.theme.link

    def colour(self, colour: str, background: bool = True) -> str:
        """A background colour the reader paints (search terms, marks)."""
        return theme_colour(self.theme, colour, background)

    def stylesheet(self) -> str:
        """The document's default style sheet: links and line spacing."""
        sheet = f"a {{ color: {self.link}; }}\n"
        if self.line_spacing != 100:
            sheet += (f"p, li, h1, h2, h3, h4, h5, h6 {{ line-height: {self.line_spacing}%; }}\n")
        return sheet

    def page_html(self, html: str) -> str:
        """The page with its written colours in this theme's."""
        if self.theme.mapping == "same":
            return html
        return _COLOUR.sub(lambda m: m.group(1) + m.group(2) + theme_colour(
            self.theme, m.group(3), m.group(1) == "background-color"), html)
