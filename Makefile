# Jalur Resmi. `make site` builds the whole site into site/; `make test` runs the whole test suite.
# Both create .venv and install the pinned dependencies (requirements.txt) first. Every target runs
# one subcommand of `python -m jalur` (jalur/cli.py) or a tool pinned in requirements.txt.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: system-packages test-packages tools site release test test-fast lint serve drift catalogs bench clean content-report contacts-check lighthouse

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

# The Debian packages the build needs (PDF libraries, fonts, pdftoppm), when any is missing.
system-packages:
	bash scripts/system_packages.sh build

# Also what only the tests need (Chromium, zbar-tools, nginx), when any is missing.
test-packages:
	bash scripts/system_packages.sh all

site: $(STAMP) system-packages
	$(PY) -m jalur build

# A release: SITE_URL must be the public https:// address and data/publisher.yml must name the
# publisher; a placeholder, reserved or local address stops it. (make site builds previews.)
release: $(STAMP) system-packages
	@test -n "$(SITE_URL)" || { echo "make release: set SITE_URL=https://... (the site's public address)" >&2; exit 1; }
	SITE_URL="$(SITE_URL)" $(PY) -m jalur build --release

# The whole suite: lint, type check, then every test (browser and PDF tests included).
test: $(STAMP) test-packages node_modules/.installed lint
	$(PY) -m pytest

# Lint and the tests that need no browser and make no PDF (under a minute): for the edit-test loop.
test-fast: $(STAMP)
	$(VENV)/bin/ruff check .
	$(PY) -m pytest -m "not browser and not pdf"

# ruff (lint and format check) and mypy, configured in pyproject.toml.
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

# Test-only tools from npm (axe-core for the accessibility test), pinned in package-lock.json.
# Without npm the axe test is skipped (it fails in CI, where CI is set).
node_modules/.installed: package.json package-lock.json
	if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund && touch $@; \
	else echo "npm not found: the axe-core accessibility test will be skipped"; fi

# Preview one language with live reload: make serve LANG_CODE=en
LANG_CODE ?= id
serve: $(STAMP)
	$(PY) -m jalur serve --lang $(LANG_CODE)

# Translation drift: pages missing, outdated (by git history) or orphaned in each translation.
drift: $(STAMP)
	$(PY) -m jalur drift

# Extract our UI strings from templates/ and merge them into every catalog (then translate the .po files).
catalogs: $(STAMP)
	$(PY) -m jalur catalogs

bench: $(STAMP)
	$(PY) -m jalur bench

clean:
	rm -rf build site

# Words, sentences, sources and review dates per page; flags long pages and long sentences.
content-report: $(STAMP)
	$(PY) -m jalur content-report

# Contacts due a re-check (compared with their sources more than 12 months ago) and contacts whose
# newest source is over 24 months old; exits non-zero when there is any.
# Another age: make contacts-check MAX_AGE_MONTHS=6
MAX_AGE_MONTHS ?= 12
contacts-check: $(STAMP)
	$(PY) -m jalur contacts-check --max-age-months $(MAX_AGE_MONTHS)

# Lighthouse mobile scores (npm: tools/lighthouse), printed; not part of make test.
tools/lighthouse/node_modules/.installed: tools/lighthouse/package.json tools/lighthouse/package-lock.json
	cd tools/lighthouse && npm ci --no-audit --no-fund --ignore-scripts && touch node_modules/.installed

lighthouse: $(STAMP) tools/lighthouse/node_modules/.installed
	$(PY) -m jalur lighthouse

# Install every npm tool folder from its lock file (CI runs this, so a stale lock file fails CI).
tools: tools/lighthouse/node_modules/.installed
