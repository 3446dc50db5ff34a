"""packaging/linux/icu_data.py: the ICU data package is read and rewritten
faithfully, and the trimmed ICU answers as the full one does.

The fast tests read the wheel's own libicudata (PySide6 in this venv); the
``packaging`` test asks the frozen bundle's ICU what Qt Core asks of it
(tests/packaging/icu_probe.py, one process per ICU) and compares.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.packaging.conftest import ROOT

_spec = importlib.util.spec_from_file_location(
    "icu_data", ROOT / "packaging" / "linux" / "icu_data.py")
icu_data = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(icu_data)

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="only Qt's Linux wheel carries ICU")


def wheel_icu_dir() -> Path:
    spec = importlib.util.find_spec("PySide6")
    return Path(next(iter(spec.submodule_search_locations))) / "Qt" / "lib"


@pytest.fixture(scope="module")
def wheel_data() -> bytes:
    pytest.importorskip("elftools", reason="pyelftools is in the dist extra")
    libraries = sorted(wheel_icu_dir().glob("libicudata.so.*"))
    if not libraries:
        pytest.skip("this PySide6 wheel carries no ICU")
    return icu_data._data_symbol(libraries[0])[1]


@linux_only
def test_package_round_trips_byte_for_byte(wheel_data):
    header, items = icu_data.read_package(wheel_data)
    assert len(items) > 1000
    assert icu_data.write_package(header, items) == wheel_data


@linux_only
def test_trim_keeps_the_app_languages_and_drops_the_rest(wheel_data):
    trimmed = icu_data.trim(wheel_data)
    assert len(trimmed) < len(wheel_data) / 5
    _header, items = icu_data.read_package(trimmed)
    names = {name.split("/", 1)[1] for name, _ in items}
    for needed in ("coll/ucadata.icu", "coll/root.res", "coll/ar.res", "coll/en.res",
                   "ar.res", "ar_EG.res", "en.res", "root.res", "res_index.res", "pool.res",
                   "zone/ar.res", "zoneinfo64.res", "cnvalias.icu", "likelySubtags.res",
                   "ibm-5352_P100-1998.cnv"):  # windows-1256
        assert needed in names, needed
    for gone in ("coll/zh.res", "fr.res", "brkitr/cjdict.dict", "translit/root.res",
                 "unames.icu", "gb18030.cnv", "zone/fr.res", "coll/de_.res"):
        assert gone not in names, gone
    # Items stay sorted by name: ICU finds them by binary search.
    ordered = [name for name, _ in items]
    assert ordered == sorted(ordered, key=lambda n: n.encode("ascii"))


def test_keep_rules_on_names():
    single_byte = b"\x10\x00" + b"\0" * 14 + b"\0" * (4 + 60 + 4 + 3) + b"\x01"
    double_byte = single_byte[:-1] + b"\x02"
    assert icu_data.keep("icudt73l/coll/ar_SA.res", b"")
    assert icu_data.keep("icudt73l/en_US_POSIX.res", b"")
    assert not icu_data.keep("icudt73l/coll/de__PHONEBOOK.res", b"")
    assert not icu_data.keep("icudt73l/sr_Latn_BA.res", b"")
    assert icu_data.keep("icudt73l/supplementalData.res", b"")
    assert icu_data.keep("icudt73l/coll/res_index.res", b"")
    assert not icu_data.keep("icudt73l/lang/ar.res", b"")
    assert icu_data.keep("icudt73l/windows-1256.cnv", single_byte)
    assert not icu_data.keep("icudt73l/big5.cnv", double_byte)


@pytest.mark.packaging
def test_bundle_icu_answers_as_the_full_data(bundle_dir, tmp_path):
    bundled = sorted(bundle_dir.rglob("libicuuc.so.*"))
    assert bundled, "no ICU in the bundle"
    reference = wheel_icu_dir()
    assert (reference / bundled[0].name).is_file(), "the bundle's ICU is not this wheel's"
    data = next(bundled[0].parent.glob("libicudata.so.*"))
    assert data.stat().st_size < 6_000_000, "the bundle's ICU data is not trimmed"

    def probe(folder: Path) -> dict:
        proc = subprocess.run([sys.executable, str(ROOT / "tests" / "packaging" / "icu_probe.py"),
                               str(folder)], capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr[-2000:]
        return json.loads(proc.stdout)

    full, trimmed = probe(reference), probe(bundled[0].parent)
    # The data of Chinese collation is gone: ICU says it fell back to root
    # (U_USING_DEFAULT_WARNING), which shows this reads the trimmed data.
    assert full["collation"].pop("zh")["status"] == 0
    assert trimmed["collation"].pop("zh")["status"] == -127
    assert trimmed.pop("converters_available") < full.pop("converters_available")
    assert full["collation"]["ar"]["status"] == 0 and len(full["collation"]["ar"]["order"]) > 20
    assert trimmed == full
