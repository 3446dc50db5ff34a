"""The handbook's pages (resources/handbook): every link and picture resolves,
every page is reachable from the contents, and the renderer lets no raw HTML,
foreign link or outside picture through."""

from __future__ import annotations

import re
from pathlib import Path

from desktop import handbook, paths

ROOT = Path(__file__).resolve().parents[2]


def _all_pages() -> list[str]:
    return sorted(p.name for p in handbook.folder().glob("*.md"))


def test_the_handbook_is_a_bundled_resource():
    assert handbook.folder() == paths.resource("handbook")
    assert (handbook.folder() / handbook.CONTENTS).is_file()
    assert (handbook.folder() / handbook.WHATS_NEW).is_file()


def test_every_internal_link_and_picture_resolves():
    checked_links = checked_images = 0
    for name in _all_pages():
        links, images = handbook.references(name)
        for href in links:
            if handbook.is_external(href):
                continue
            page, _, anchor = href.partition("#")
            target = handbook.internal_target(page, handbook.folder()) if page else \
                handbook.folder() / name
            assert target is not None and target.is_file(), f"{name}: broken link {href}"
            if anchor:
                assert anchor in handbook.anchors(target.name), f"{name}: no anchor {href}"
            checked_links += 1
        for src in images:
            target = handbook.internal_target(src, handbook.folder())
            assert target is not None and target.is_file(), f"{name}: missing picture {src}"
            assert handbook.png_size(target) is not None, f"{src} is not a PNG"
            checked_images += 1
    assert checked_links >= 20 and checked_images >= 7


def test_every_picture_is_used_and_small():
    used = {Path(src).name for name in _all_pages() for src in handbook.references(name)[1]}
    files = {p.name for p in (handbook.folder() / "images").glob("*.png")}
    assert files == used, f"unused pictures: {files - used}, missing: {used - files}"
    for name in files:
        path = handbook.folder() / "images" / name
        width, _ = handbook.png_size(path)
        assert width <= 1100, f"{name} is {width} px wide"
        assert path.stat().st_size < 100_000, f"{name} is {path.stat().st_size} bytes"


def test_contents_lead_to_every_page_in_order():
    pages = handbook.pages()
    assert pages[0].name == handbook.CONTENTS and pages[0].title == "دليل الاستخدام"
    assert {p.name for p in pages} == set(_all_pages())
    names = [p.name for p in pages]
    assert names.index("reading.md") < names.index("search.md") < names.index("shortcuts.md")
    assert all(p.title and p.title != p.name for p in pages)


def test_rendered_pages_are_right_to_left_with_anchors():
    page = handbook.render("search.md")
    assert '<body dir="rtl">' in page
    assert '<a name="query"></a>' in page  # a link to search.md#query has somewhere to go
    assert re.search(r'<p[^>]*dir="rtl"', page)
    assert '<img alt="' in page and 'src="images/search.png"' in page
    assert re.search(r'src="images/search.png" /><br /><span[^>]*>لسان البحث', page)  # caption
    # keys stay left to right inside Arabic text
    assert f"{handbook.LRM}Ctrl+K{handbook.LRM}" in page


def test_screen_reader_page_is_written_once():
    assert not (ROOT / "docs" / "screen-reader.md").exists()
    page = handbook.render("screen-reader.md")
    assert "لمستخدمي قارئ الشاشة" in page and "&lt;div" not in page  # GitHub's wrapper dropped
    assert "<table" in page


def test_raw_html_foreign_links_and_outside_pictures_are_not_passed(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "index.md").write_text(
        "# عنوان\n\n<script>alert(1)</script>\n\nنص <b onclick='x'>عريض</b>\n\n"
        "[خارج](../secret.md) [ملف](file:///etc/passwd) [موقع](https://example.org/) "
        "[قسم](index.md#top)\n\n![صورة من الشبكة](http://example.org/a.png) "
        "![صورة خارجية](../../x.png) ![غائبة](images/none.png)\n", encoding="utf-8")
    page = handbook.render("index.md", base=tmp_path)
    assert "<script" not in page and "&lt;script&gt;" in page
    assert "<b " not in page and "&lt;b onclick" in page
    assert 'href="../secret.md"' not in page and 'href="file:' not in page
    assert 'href="https://example.org/"' in page and 'href="index.md#top"' in page
    assert "<img" not in page and "[صورة من الشبكة]" in page


def test_shortcut_table_is_escaped_and_keys_left_to_right():
    rows = [handbook.ShortcutRow("ملف", "<طباعة>", "Ctrl+P"),
            handbook.ShortcutRow("انتقال", "رجوع", f"Alt+←{handbook.KEYS_SEPARATOR}Ctrl+["),
            ]
    page = handbook.render(handbook.SHORTCUTS, rows)
    assert handbook.SHORTCUTS_MARK not in page
    assert "&lt;طباعة&gt;" in page and "<طباعة>" not in page
    assert f"{handbook.LRM}Alt+←{handbook.LRM}، {handbook.LRM}Ctrl+[{handbook.LRM}" in page


def test_whats_new_names_this_version():
    import desktop

    page = handbook.render(handbook.WHATS_NEW)
    assert desktop.__version__ in page and handbook.VERSION_MARK not in page


def test_the_handbook_is_packed_for_the_wheel_the_sdist_and_the_bundle():
    import ast

    setup = ast.parse((ROOT / "setup.py").read_text("utf-8"))
    packed = next(ast.literal_eval(node.value) for node in ast.walk(setup)
                  if isinstance(node, ast.Assign)
                  and any(getattr(t, "id", "") == "PACKAGE_DATA" for t in node.targets))
    assert "resources/handbook" in packed  # the wheel: desktop/_data/resources/handbook
    assert "graft resources/handbook" in (ROOT / "MANIFEST.in").read_text("utf-8").splitlines()
    spec = (ROOT / "build.spec").read_text("utf-8")
    assert 'HANDBOOK.glob("*.md")' in spec and 'HANDBOOK.glob("images/*.png")' in spec
    assert '"resources/handbook/images"' in spec
