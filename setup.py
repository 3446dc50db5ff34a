"""Packs the app's data into the wheel (everything else is in pyproject.toml).

`pip install .` and `pipx install .` give an app that starts from any folder,
offline: build_py copies the source texts, the corrections, the fonts (with
their licences), the icons and the handbook (F1) into desktop/_data, where desktop.paths finds
them through importlib.resources; the database is built from them on first
start (desktop.content.first_start). An editable install reads the clone's
folders instead, so nothing is copied for it.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
#: Folders of the clone that the installed app needs, same layout under desktop/_data.
PACKAGE_DATA = ("data/sources", "data/corrections", "data/search", "resources/fonts", "resources/icons",
                "resources/handbook")


class build_py_with_data(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "desktop" / "_data"
        for folder in PACKAGE_DATA:
            source = ROOT / folder
            if not source.is_dir():
                raise SystemExit(f"setup.py: {source} is missing: build from a full clone")
            shutil.copytree(source, target / folder, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("__pycache__", ".*"))


setup(cmdclass={"build_py": build_py_with_data})
