"""desktop.app.page_themes: every theme's text, links and the colours the
pages write read well on its page (WCAG contrast), and the ReadingStyle
the preferences make shows the pages in the theme's colours."""

from __future__ import annotations

import re

import pytest

from desktop.app.page_themes import THEMES, contrast, theme_colour
from desktop.app.preferences_values import Preferences, reading_style
from desktop.content.render import HIGHLIGHT_COLOUR, render_unit
from desktop.content.store import open_store


# ---- colours: readable in every theme --------------------------------------------------

@pytest.mark.parametrize("theme", list(THEMES))
def test_text_and_links_are_readable_on_each_page(theme):
    t = THEMES[theme]
    assert contrast(t.text, t.background) >= 7
    assert contrast(t.link, t.background) >= 4.5


@pytest.mark.parametrize("theme", ["dark", "sepia"])
def test_every_colour_written_in_real_pages_reads_on_its_theme(theme, content_db_path):
    """The colours render.py and the editorial notices write (labels, notes,
    corrections, damaged text) against the page and the current paragraph's
    tint, as the theme shows them."""
    store = open_store(content_db_path)
    style = reading_style(Preferences(theme=theme))
    t = THEMES[theme]
    found = set()
    for unit in ("A07", "B3-d4", "B12-r2", "cop6:i2", "som:ch2"):
        page = render_unit(store, unit, store.first_paragraph(unit).id).html
        found |= set(re.findall(r"(?<!-)color\s*:\s*(#[0-9a-fA-F]{6})", page))
        # the current paragraph's light tint is not left in the themed page
        assert HIGHLIGHT_COLOUR in page
        assert HIGHLIGHT_COLOUR not in style.page_html(page)
    assert len(found) >= 4
    grounds = [t.background, theme_colour(t, HIGHLIGHT_COLOUR, True)]
    for colour in found:
        shown = theme_colour(t, colour, False)
        for ground in grounds:
            assert contrast(shown, ground) >= 4.5, (colour, shown, ground)
    assert contrast(t.link, grounds[1]) >= 4.5
    assert contrast(t.text, grounds[1]) >= 4.5


def test_the_light_page_is_shown_as_written_and_the_sheet_spaces_the_lines():
    page = '<p style="color:#a33a33">x</p>'
    light = reading_style(Preferences(theme="light", line_spacing=150))
    assert light.page_html(page) == page
    assert "line-height: 150%" in light.stylesheet() and THEMES["light"].link in light.stylesheet()
    assert reading_style(Preferences(theme="dark")).page_html(page) != page
