"""The handbook's window, the user's path: F1 opens it at its contents, a link
moves to its section, Back returns, Ctrl+F finds an Arabic word in the page,
«ما الجديد» opens; and its table of shortcuts is the window's own."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QMessageBox

import desktop
from desktop import handbook
from desktop.app.handbook_viewer import HandbookWindow, key_text, shortcut_rows
from desktop.app.help_menu import install_help


def _open(make_window, db_path, qtbot):
    window = make_window(db_path)
    install_help(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_F1)
    viewer = window.handbook
    assert viewer is not None, "F1 did not open the handbook"
    qtbot.addWidget(viewer)
    qtbot.waitUntil(viewer.isVisible)
    return window, viewer


def _focus(qtbot, viewer) -> None:
    viewer.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is viewer)
    viewer.browser.setFocus()


def _click_link(qtbot, browser, text: str) -> None:
    """Click the middle of the link whose words are `text`, as a user does."""
    cursor = browser.document().find(text)
    assert not cursor.isNull(), f"no «{text}» on the page"
    assert cursor.charFormat().isAnchor()
    start = QTextCursor(cursor)
    start.setPosition(cursor.selectionStart() + 1)
    browser.setTextCursor(start)
    browser.ensureCursorVisible()
    point = browser.cursorRect(start).center() + QPoint(-3, 0)
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_f1_opens_the_handbook_at_its_contents(make_window, tiny_db_path, qtbot):
    window, viewer = _open(make_window, tiny_db_path, qtbot)
    assert window.handbook_action in window.menu("help").actions()
    assert window.handbook_action.shortcut() == QKeySequence("F1")
    assert viewer.browser.page_name() == handbook.CONTENTS
    assert viewer.layoutDirection() == Qt.LayoutDirection.RightToLeft
    text = viewer.browser.toPlainText()
    assert "دليل الاستخدام" in text and "البحث" in text
    assert viewer.contents.count() == len(handbook.pages())
    assert viewer.contents.currentItem().text() == "دليل الاستخدام"
    assert not viewer.back_action.isEnabled()
    assert viewer.focusWidget() is viewer.browser


def test_link_goes_to_its_section_and_back_returns(make_window, tiny_db_path, qtbot):
    _, viewer = _open(make_window, tiny_db_path, qtbot)
    browser = viewer.browser
    _click_link(qtbot, browser, "البحث")  # the contents' link to search.md
    qtbot.waitUntil(lambda: browser.page_name() == "search.md")
    assert viewer.contents.currentItem().data(Qt.ItemDataRole.UserRole) == "search.md"
    assert "لغة البحث" in browser.toPlainText()
    # a link to a section of another page: the page opens scrolled to that section
    viewer.open_page(handbook.WHATS_NEW)
    _click_link(qtbot, browser, "اتباع الإحالات")  # links.md#preview
    qtbot.waitUntil(lambda: browser.page_name() == "links.md")
    assert browser.source().fragment() == "preview"
    bar = browser.verticalScrollBar()
    assert bar.value() > 0
    block = browser.document().begin()
    while block.isValid() and block.text() != "معاينة الرابط":
        block = block.next()
    assert block.isValid()
    top = browser.cursorRect(QTextCursor(block)).top()
    # the section's heading at the top of the page, unless the page ends first
    assert 0 <= top < browser.viewport().height() // 4 or bar.value() == bar.maximum(), top
    # Back (Alt+←) returns to the page the link was on, then to search
    assert viewer.back_action.isEnabled()
    _focus(qtbot, viewer)
    qtbot.keyClick(browser, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: browser.page_name() == handbook.WHATS_NEW)
    viewer.back_action.trigger()
    qtbot.waitUntil(lambda: browser.page_name() == "search.md")
    viewer.forward_action.trigger()
    qtbot.waitUntil(lambda: browser.page_name() == handbook.WHATS_NEW)


def test_pictures_are_shown(make_window, tiny_db_path, qtbot):
    _, viewer = _open(make_window, tiny_db_path, qtbot)
    viewer.open_page("reading.md")
    image = viewer.browser.document().resource(QTextDocument.ResourceType.ImageResource,
                                               QUrl("images/reading.png"))
    if image is None:  # resolved against the page's address
        image = viewer.browser.loadResource(QTextDocument.ResourceType.ImageResource,
                                            QUrl("images/reading.png"))
    assert image is not None and not image.isNull()
    assert image.width() == viewer.browser.picture_width() <= handbook.MAX_IMAGE_WIDTH
    assert viewer.browser.horizontalScrollBar().maximum() == 0  # no sideways scrolling


def test_ctrl_f_finds_an_arabic_word_in_the_page(make_window, tiny_db_path, qtbot):
    _, viewer = _open(make_window, tiny_db_path, qtbot)
    viewer.open_page("search.md")
    _focus(qtbot, viewer)
    qtbot.keyClick(viewer.browser, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert viewer.find_bar.isVisible()
    viewer.find_bar.box.setText("الشهود")  # keyClicks cannot type Arabic
    assert len(viewer.find_bar.spans) >= 3
    assert "الشهود" in viewer.find_bar.current_text()
    assert viewer.browser.textCursor().selectedText() == viewer.find_bar.current_text()
    viewer.find_bar.box.setText("كلمةغيرموجودة")
    assert viewer.find_bar.spans == [] and viewer.find_bar.count_label.text() == "لا تطابق"


def test_the_page_zooms_and_ctrl_w_closes(make_window, tiny_db_path, qtbot):
    _, viewer = _open(make_window, tiny_db_path, qtbot)
    before = viewer.browser.font().pointSizeF()
    _focus(qtbot, viewer)
    qtbot.keyClick(viewer.browser, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert viewer.browser.font().pointSizeF() > before
    qtbot.keyClick(viewer.browser, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert viewer.browser.font().pointSizeF() == before
    qtbot.keyClick(viewer.browser, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert not viewer.isVisible()


def test_external_link_opens_only_when_the_user_agrees(make_window, tiny_db_path, qtbot,
                                                        monkeypatch):
    _, viewer = _open(make_window, tiny_db_path, qtbot)
    opened, asked = [], []
    monkeypatch.setattr("desktop.app.handbook_viewer.QDesktopServices.openUrl",
                        lambda url: opened.append(url.toString()) or True)
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr("desktop.app.handbook_viewer.QMessageBox.question",
                        lambda *a, **k: asked.append(a[2]) or next(answers))
    _click_link(qtbot, viewer.browser, "موقع مكتب")
    assert len(asked) == 1 and "unodc.org" in asked[0] and opened == []
    assert viewer.browser.page_name() == handbook.CONTENTS  # the page stays
    _click_link(qtbot, viewer.browser, "موقع مكتب")
    assert opened == ["https://www.unodc.org/"]


def test_nothing_outside_the_handbook_is_loaded(make_window, tiny_db_path, qtbot, tmp_path):
    _, viewer = _open(make_window, tiny_db_path, qtbot)
    outside = tmp_path / "x.md"
    outside.write_text("# سر", encoding="utf-8")
    assert viewer.browser.loadResource(QTextDocument.ResourceType.HtmlResource,
                                       QUrl.fromLocalFile(str(outside))) is None
    assert viewer.browser.loadResource(QTextDocument.ResourceType.ImageResource,
                                       QUrl("https://example.org/a.png")) is None


# ---- the shortcuts table is the app's own ------------------------------------------------

#: keys the handbook may name that Qt's own widgets give (no QAction has them)
QT_WIDGET_KEYS = {"Shift+Tab", "Ctrl+Home", "Ctrl+End", "Shift+Enter"}
#: keys a panel reads in its keyPressEvent (no QAction to find): the key, its module
PANEL_KEYS = {"F2": ("desktop/app/bookmarks_panel.py", "Key_F2")}
_MENTION = re.compile(r"(?<![\w+])(?:(?:Ctrl|Alt|Shift)\+)+(?:F\d{1,2}|[A-Za-z0-9]+|[←→+\-=\\,./])"
                      r"|(?<![\w+])F\d{1,2}(?!\w)")


def _full_window(content_db_path, tmp_path):
    from desktop.__main__ import build_main_window
    from desktop.app.settings import AppSettings
    from desktop.content.store import open_store

    return build_main_window(open_store(content_db_path), AppSettings(tmp_path / "s.ini"),
                             remember=False, user_data=":memory:")


def _app_keys(window, viewer) -> set[str]:
    keys = set()
    for owner in (window, viewer):
        for action in owner.findChildren(QAction):
            keys.update(key_text(seq) for seq in action.shortcuts())
        for shortcut in owner.findChildren(QShortcut):
            keys.update(key_text(seq) for seq in shortcut.keys())
    return keys


def test_every_shortcut_of_the_app_is_in_the_handbook_and_back(content_db_path, tmp_path,
                                                               qtbot):
    window = _full_window(content_db_path, tmp_path)
    qtbot.addWidget(window)
    window.show()
    window.handbook_action.trigger()
    viewer = window.handbook
    qtbot.addWidget(viewer)
    viewer.open_page(handbook.SHORTCUTS)
    page = viewer.browser.toPlainText().replace(handbook.LRM, "")

    # the app -> the handbook: every action with a shortcut, in the table
    actions = [a for a in window.findChildren(QAction) + viewer.own_actions()
               if a.shortcuts() and a.isVisible()]
    assert len(actions) >= 15
    rows = shortcut_rows(window, [("x", a) for a in viewer.own_actions()])
    for action in actions:
        for seq in action.shortcuts():
            if key_text(seq) not in ("Back", "Forward"):  # mouse/keyboard browser buttons
                assert key_text(seq) in page, f"{action.text()}: {key_text(seq)} not in the table"
    assert "F1" in page and "Ctrl+K" in page and "Ctrl+Shift+B" in page
    assert any(r.action == "دليل الاستخدام" and r.keys == "F1" for r in rows)
    # every row says what its key does; the handbook's own keys listed once, as its own
    assert all(r.action and r.place for r in rows)
    assert [r.place for r in rows if r.action == "إغلاق الدليل"] == ["x"]

    # the handbook -> the app: every key a page names is a key of the app
    app_keys = _app_keys(window, viewer) | QT_WIDGET_KEYS
    root = Path(desktop.__file__).resolve().parent.parent
    for key, (module, name) in PANEL_KEYS.items():
        if name in (root / module).read_text("utf-8"):
            app_keys.add(key)
    named = set()
    for path in handbook.folder().glob("*.md"):
        for key in _MENTION.findall(path.read_text("utf-8")):
            key = key.replace("\\\\", "\\")
            named.add(key)
            assert key in app_keys, f"{path.name} names {key}, which the app does not have"
    assert {"Ctrl+K", "Ctrl+D", "Ctrl+B", "Ctrl+,", "F6", "Shift+F10"} <= named
    window.close()
