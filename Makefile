# Jalur Resmi. `make site` builds the whole site into site/; `make test` runs the whole test suite.
# Both create .venv and install the pinned dependencies (requirements.txt) first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: system-packages site test serve drift catalogs bench clean content-report contacts-check lighthouse

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

# The Debian packages the build needs (PDF libraries, fonts, pdftoppm), when any is missing.
system-packages:
	bash scripts/system_packages.sh build

site: $(STAMP) system-packages
	$(PY) -m jalur build

test: $(STAMP) system-packages node_modules/.installed
	$(PY) -m pytest

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

# Contacts due a re-check (checked more than 12 months ago); exits non-zero when there is any.
# Another age: make contacts-check MAX_AGE_MONTHS=6
MAX_AGE_MONTHS ?= 12
contacts-check: $(STAMP)
	$(PY) -m jalur contacts-check --max-age-months $(MAX_AGE_MONTHS)

# Lighthouse mobile scores (npm: tools/lighthouse), printed; not part of make test.
tools/lighthouse/node_modules/.installed: tools/lighthouse/package.json tools/lighthouse/package-lock.json
	cd tools/lighthouse && npm ci --no-audit --no-fund --ignore-scripts && touch node_modules/.installed

lighthouse: $(STAMP) tools/lighthouse/node_modules/.installed
	$(PY) -m jalur lighthouse
