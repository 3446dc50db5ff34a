# Build the installer from a clean clone:   make dist   -> dist/*.deb
# Remove everything the build made:        make clean
#
# `make dist` sets up .venv with the `dist` extra (PyInstaller), builds the
# content database, freezes the app with build.spec into
# dist/unodc-ta-compendium/ and packs that folder into a .deb
# (packaging/linux/build-deb.sh; needs dpkg-deb, no network).
# Windows and macOS installers are built by .github/workflows/.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
NAME   := unodc-ta-compendium
DB     := data/compendium.sqlite

.PHONY: dist bundle deb db venv test-packaging bench-packaging clean

dist: deb

venv: $(VENV)/.dist-installed

$(VENV)/.dist-installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q -e '.[dist]'
	touch $@

db: venv
	$(PY) -m desktop.content build

bundle: db
	$(PY) -m PyInstaller --noconfirm --clean --log-level WARN build.spec

deb: bundle
	rm -f dist/$(NAME)_*.deb
	bash packaging/linux/build-deb.sh dist/$(NAME) dist

# Runs tests/packaging on what `make dist` built (no second build).
test-packaging: venv
	@ls dist/$(NAME)/$(NAME) dist/$(NAME)_*.deb >/dev/null || { echo "run make dist first" >&2; exit 1; }
	$(VENV)/bin/pip install -q -e '.[test,dist]'
	PACKAGING_BUNDLE=dist/$(NAME) PACKAGING_DEB="$$(ls dist/$(NAME)_*.deb)" \
	  QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m packaging tests/packaging

bench-packaging: bundle
	$(PY) bench/package_bench.py --bundle dist/$(NAME)

clean:
	rm -rf build dist $(DB)
