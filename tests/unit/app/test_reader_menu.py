"""desktop.app.reader_menu: a paragraph's context menu: «نسخ مع الإحالة»
copies the text with its full citation, «ما يحيل إلى هذه الفقرة», and the
entries features add (add_paragraph_action)."""

from __future__ import annotations


def test_context_menu_copy_with_citation_and_extra_actions(make_window, tiny_db_path, app):
    window = make_window(tiny_db_path)
    window.open_paragraph("A07/13")
    called = []
    window.reader.add_paragraph_action("إضافة إلى المختارات", called.append)
    menu = window.reader.paragraph_menu("A07/13")
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["نسخ مع الإحالة", "ما يحيل إلى هذه الفقرة", "إضافة إلى المختارات"]
    menu.actions()[0].trigger()
    copied = app.clipboard().text()
    # the selection's clipboard form: label, text, then THE full citation
    assert copied.startswith("\u200f13- ينبغي للدول أن تنظر في حماية الشهود")
    assert "\u200f(الجزء ألف، سابعاً-13، الوثيقة CTOC/COP/WG.2/2013/5، الفقرة 34)" in copied
    assert "سابعاً-13" in app.clipboard().mimeData().html()
    menu.actions()[-1].trigger()
    assert called == ["A07/13"]
