"""Arabic for the Qt strings that Qt's own catalogue (qtbase_ar.qm) misses.

Qt 6 renamed some source strings of its dialogs, and the Arabic catalogue
still carries the old ones: the file dialog asks for ``"&Look in:"`` and
``"Files of &type:"`` where qtbase_ar translates ``"Look in:"`` and
``"Files of type:"``, so those labels showed in English. The same holds for
a few labels of the print dialog's options and the file-type column.

:class:`ArabicQtSupplement` answers those strings. It is installed BEFORE
qtbase_ar, so Qt asks it last: it only ever fills gaps and costs nothing
for the strings qtbase_ar translates. tests/unit/app/test_qt_arabic.py
opens each kind of dialog the app uses and fails on any English left.
"""

from __future__ import annotations

from PySide6.QtCore import QTranslator

#: (context, source text) -> Arabic. ``&`` marks Alt+letter access (the
#: underline itself is never drawn: see desktop.app.style).
SUPPLEMENT: dict[tuple[str, str], str] = {
    # the file dialog
    ("QFileDialog", "&Look in:"): "&البحث في:",
    ("QFileDialog", "Files of &type:"): "&نوع الملفات:",
    ("QAbstractFileIconProvider", "Folder"): "مجلّد",
    ("QAbstractFileIconProvider", "Drive"): "محرّك أقراص",
    # the print dialog's options and its page set-up
    ("QPrintSettingsOutput", "Double Sided Printing"): "الطباعة على الوجهين",
    ("QPrintSettingsOutput", "Off"): "لا",
    ("QPrintSettingsOutput", "Long side binding"): "التجليد على الحافة الطويلة",
    ("QPrintSettingsOutput", "Short side binding"): "التجليد على الحافة القصيرة",
    ("QPrintSettingsOutput", "Page &Set:"): "&مجموعة الصفحات:",
    ("QPrintSettingsOutput", "Pages"): "الصفحات",
    ("QPrintSettingsOutput",
     "Specify pages or ranges separated by commas. Ranges are specified by two numbers "
     "separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9."):
        "اكتب صفحات أو نطاقات تفصل بينها فواصل، والنطاق رقمان بينهما شَرطة. "
        "مثال: 3,5-7,9 يطبع الصفحات 3 و5 و6 و7 و9.",
    ("QPageSetupWidget", "Page &order:"): "&ترتيب الصفحات:",
    ("QPageSetupWidget", "Pages &per sheet:"): "صفحات &لكل ورقة:",
}


class ArabicQtSupplement(QTranslator):
    """A translator that knows only :data:`SUPPLEMENT`."""

    def translate(self, context: str, source_text: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        # None (a null string) lets Qt keep looking / fall back to the source
        return SUPPLEMENT.get((context, source_text))

    def isEmpty(self) -> bool:
        return False
