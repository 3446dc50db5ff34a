"""The spelling check of `check`: Hunspell's Arabic dictionary, the allow-list, the cache."""

from __future__ import annotations

import os
import shutil
import sqlite3

import pytest
import sqlite_utils

from desktop.content import spelling


def _dictionary_or_fail():
    try:
        return spelling.dictionary_files()
    except spelling.DictionaryMissing:
        if os.environ.get("CI"):
            raise               # CI installs hunspell-ar: its absence is a failure there
        pytest.skip("hunspell-ar not installed")


def test_words_are_arabic_runs_without_tatweel():
    assert spelling.words("مجموعة الـ 77 (CTOC/COP) والمتّصلة،") == ["مجموعة", "ال", "والمتّصلة"]


def test_allow_list_takes_clitics_and_ignores_comments(tmp_path):
    f = tmp_path / "allow.txt"
    f.write_text("# comment\nمولدوفا   # a country\n\nشيرلوك\n", encoding="utf-8")
    allow = spelling.load_allow_list(f)
    assert allow == {"مولدوفا", "شيرلوك"}
    for w in ("مولدوفا", "ومولدوفا", "لمولدوفا", "وبشيرلوك", "الشيرلوك"):
        assert spelling.allowed(w, allow), w
    assert not spelling.allowed("مولدوفيا", allow)


def test_speller_caches_answers_and_does_not_reload(tmp_path):
    dic, aff = _dictionary_or_fail()
    first = spelling.Speller(dic, aff, cache_dir=tmp_path)
    assert first.known("المتصلة") and not first.known("المنصلة")
    first.save()
    again = spelling.Speller(dic, aff, cache_dir=tmp_path)
    assert again.known("المتصلة") and not again.known("المنصلة")
    assert not again.loaded_dictionary          # answered from the cache


def test_real_database_has_no_unexplained_unknown_word(content_db):
    _dictionary_or_fail()
    findings = list(spelling.check(content_db))
    assert not [f.message for f in findings if f.severity == "error"]
    summary = [f.message for f in findings if f.message.startswith("spelling:")]
    assert summary and summary[0].startswith("spelling: 0 unknown")
    # damaged text is listed, with its paragraph, as explained by its mark
    assert any(f.severity == "warning" and f.message.startswith("som:") for f in findings)


def test_a_typo_is_listed_with_its_paragraph_and_fails_check(content_db_path, tmp_path):
    _dictionary_or_fail()
    copy = tmp_path / "typo.sqlite"
    shutil.copy(content_db_path, copy)
    conn = sqlite3.connect(copy)
    conn.execute("UPDATE paragraphs SET text = text || ' المنصلة' WHERE id = 'A07/13'")
    conn.execute("UPDATE footnotes SET text = text || ' والوثقتين' WHERE id = 'fn-compendium-1'")
    conn.commit()
    findings = list(spelling.check(sqlite_utils.Database(conn)))
    errors = [f.message for f in findings if f.severity == "error"]
    assert any(m.startswith("A07/13: unknown words: المنصلة") for m in errors)
    assert any(m.startswith("fn-compendium-1: unknown words: والوثقتين") for m in errors)


def test_missing_dictionary_is_an_error_not_a_crash(content_db, monkeypatch, tmp_path):
    monkeypatch.setenv("COMPENDIUM_HUNSPELL_AR", str(tmp_path / "none" / "ar"))
    findings = list(spelling.check(content_db))
    assert [f.severity for f in findings] == ["error"]
    assert "hunspell-ar" in findings[0].message
