# Heritage Hub — every command a developer or CI needs. GNU make; Python 3.11 as python3.
#
#   make run            fresh clone → .venv, install, translations, migrate, demo content,
#                       then serve http://127.0.0.1:8000 as a visitor sees it (DEBUG off)
#   make dev            the same, served by Django's debug server (DEBUG on, tracebacks)
#   make test           the whole pytest suite on SQLite (installs Debian's chromium if missing)
#   make test-postgres  the same suite on the PostgreSQL server at 127.0.0.1:5432
#   make lint | format | check | clean
#
# Everything is installed from pyproject.toml into .venv; nothing by hand.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
INSTALLED := $(VENV)/.installed
RUN_INSTALLED := $(VENV)/.installed-run
VENDORED := static/vendor/.installed
DEV_SETTINGS := heritagehub.settings.dev
# `make run` serves the demo with DEBUG off (heritagehub/settings/demo.py); the demo is
# loaded with the dev settings, since load_demo refuses DEBUG off.
DEMO_SETTINGS := heritagehub.settings.demo
MANAGE := DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) $(PY) manage.py

# The demo database and its stamp. The stamp records which database file the demo was
# loaded into (inode and birth time), so deleting or replacing db.sqlite3 reloads the demo.
DB := db.sqlite3
DEMO_STAMP := $(DB).demo-loaded

HOST ?= 127.0.0.1
PORT ?= 8000
# Extra arguments for pytest, e.g. make test PYTEST_ARGS="-k i18n -x"
PYTEST_ARGS ?=
# Test processes (pytest-xdist; each builds its own test database once). 0: one process.
# --dist loadfile keeps each test module in one process (the demo is loaded once).
PYTEST_WORKERS ?= 2
PYTEST := $(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadfile
# The browser of the end-to-end tests (tests/e2e): Debian's Chromium, driven by Playwright.
CHROMIUM := /usr/bin/chromium
# The PostgreSQL server of the developers' and CI machines (trust authentication).
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/heritagehub_test

.PHONY: help install vendor translations browser migrate demo run dev test test-postgres lint format check clean

help:
	@echo "make run            set up and serve the demo site at http://$(HOST):$(PORT) (DEBUG off)"
	@echo "make dev            the same with Django's debug server (DEBUG on)"
	@echo "make test           run the whole test suite (SQLite)"
	@echo "make test-postgres  run the whole test suite on PostgreSQL ($(POSTGRES_URL))"
	@echo "make lint           ruff check + ruff format --check"
	@echo "make format         ruff format + ruff check --fix"
	@echo "make check          makemigrations --check and Django's system checks"
	@echo "make clean          remove .venv, databases, media, compiled files"
	@echo "make bench          build a 100,000-item database, measure pages and imports (docs/benchmarks.md)"
	@echo "make bench-directory | bench-programme | bench-calls | bench-maps | bench-import | bench-search"
	@echo "                    one capability's budgets (docs/directory.md, programme.md, calls.md, maps.md)"
	@echo "make bench-compare  item, partner and home pages, PostgreSQL against SQLite (after make bench on both)"
	@echo "make screenshots-import  retake the admin screenshots of docs/import.md"
	@echo "make loadtest       gunicorn, PostgreSQL and Redis under load, with faults (docs/reliability.md)"

# --- environment -----------------------------------------------------------------------

# $(call debian_package,TEST,PACKAGE,WHAT NEEDS IT): nothing when the shell TEST succeeds, else
# Debian's PACKAGE installed with apt-get when run as root, else a message saying how.
define debian_package
	@if $(1); then \
		:; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's $(2) for $(3)"; \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $(2); \
	else \
		echo "Debian's package '$(2)' is needed for $(3) (as root: apt-get update && apt-get install -y $(2))." >&2; \
		exit 1; \
	fi
endef

$(PY):
	$(PYTHON) -m venv $(VENV)

# Reinstall only when pyproject.toml changes. --no-compile: Python compiles a module when it
# is first imported, and most of the installed files never are (a third of `make run` on a
# fresh clone went into compiling them all up front). CI compiles them (PIP_COMPILE=), since
# it runs with PYTHONDONTWRITEBYTECODE and would compile them again in every process.
PIP_COMPILE ?= --no-compile
$(INSTALLED): pyproject.toml | $(PY)
	$(PY) -m pip install --disable-pip-version-check --quiet $(PIP_COMPILE) -e ".[dev]"
	touch $@

# What serves the site and loads the demo, without the tools of the tests and benchmarks
# (a third of the install): `make run` needs no more. Nothing to do after `make install`.
$(RUN_INSTALLED): pyproject.toml | $(PY)
	@if [ $(INSTALLED) -nt pyproject.toml ]; then :; else \
		$(PY) -m pip install --disable-pip-version-check --quiet $(PIP_COMPILE) -e ".[demo]"; \
	fi
	touch $@

install: $(INSTALLED) $(VENDORED)

# Browser libraries and map data (frontend/package.json, locked by package-lock.json):
# `npm ci` installs exactly the locked versions, checked against their integrity hashes, and
# the files the site serves are copied with their licences into static/vendor/ (not in git:
# docs/maps.md says why). Run again only when the lock file changes.
vendor: $(VENDORED)

$(VENDORED): frontend/package-lock.json Makefile
	@command -v npm >/dev/null || { echo "npm is needed to build static/vendor/ (Debian: apt-get install -y npm)." >&2; exit 1; }
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	rm -rf static/vendor && mkdir -p static/vendor/leaflet static/vendor/leaflet.markercluster \
		static/vendor/topojson-client static/vendor/world-atlas static/vendor/openseadragon
	# The source maps go with the scripts: collectstatic's manifest follows sourceMappingURL.
	cp -r frontend/node_modules/leaflet/dist/leaflet.js frontend/node_modules/leaflet/dist/leaflet.js.map \
		frontend/node_modules/leaflet/dist/leaflet.css \
		frontend/node_modules/leaflet/dist/images frontend/node_modules/leaflet/LICENSE static/vendor/leaflet/
	cp frontend/node_modules/leaflet.markercluster/dist/leaflet.markercluster.js \
		frontend/node_modules/leaflet.markercluster/dist/leaflet.markercluster.js.map \
		frontend/node_modules/leaflet.markercluster/dist/MarkerCluster.css \
		frontend/node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css \
		frontend/node_modules/leaflet.markercluster/MIT-LICENCE.txt static/vendor/leaflet.markercluster/
	cp frontend/node_modules/topojson-client/dist/topojson-client.min.js \
		frontend/node_modules/topojson-client/LICENSE static/vendor/topojson-client/
	cp frontend/node_modules/world-atlas/countries-110m.json frontend/node_modules/world-atlas/countries-50m.json \
		frontend/node_modules/world-atlas/LICENSE static/vendor/world-atlas/
	cp frontend/node_modules/openseadragon/build/openseadragon/openseadragon.min.js \
		frontend/node_modules/openseadragon/build/openseadragon/openseadragon.min.js.map \
		frontend/node_modules/openseadragon/LICENSE.txt static/vendor/openseadragon/
	touch $@

# The end-to-end tests drive Debian's Chromium: Playwright's own browser download does not
# work on these machines. Nothing to do when it is there; installed with apt-get as root.
browser:
	$(call debian_package,[ -x $(CHROMIUM) ],chromium,the end-to-end tests)

translations: $(RUN_INSTALLED)
	$(MANAGE) compile_translations

# --- the demo site ---------------------------------------------------------------------

migrate: $(RUN_INSTALLED)
	$(MANAGE) migrate --noinput

# load_demo is idempotent, but slow-ish: on SQLite it runs once per database file. The demo's
# page texts are read in the visitor's languages, hence the compiled translations.
demo: migrate translations
	@if [ -n "$${DATABASE_URL:-}" ]; then \
		$(MANAGE) load_demo; \
	elif [ -f $(DEMO_STAMP) ] && [ "$$(cat $(DEMO_STAMP))" = "$$(stat -c '%i %W' $(DB))" ]; then \
		echo "Demo content already loaded into $(DB) (delete $(DEMO_STAMP) to load it again)."; \
	else \
		rm -f $(DEMO_STAMP); \
		$(MANAGE) load_demo; \
		stat -c '%i %W' $(DB) > $(DEMO_STAMP); \
	fi

# The demo site's parts, two at a time: the translations and the browser libraries are made
# while the database migrates (a fresh clone serves a few seconds sooner).
.PHONY: site
site:
	@$(MAKE) --no-print-directory -j2 demo $(VENDORED)

# --nostatic: static files come from WhiteNoise, as in production, not runserver's handler.
run: site
	@echo "Heritage Hub: http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	DJANGO_SETTINGS_MODULE=$(DEMO_SETTINGS) $(PY) manage.py runserver --nostatic $(HOST):$(PORT)

dev: site
	@echo "Heritage Hub (debug): http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	$(MANAGE) runserver $(HOST):$(PORT)

# --- benchmark --------------------------------------------------------------------------

# Run by hand, not by CI: builds bench.sqlite3 (or the PostgreSQL database named by
# DATABASE_URL) once, measures, writes docs/benchmarks.md. BENCH_ARGS="--force" rebuilds;
# python -m benchmarks --help lists the options.
BENCH_ARGS ?=
.PHONY: bench
# Then the capabilities' budgets, each on a database of its own (bench-<name>.sqlite3, or
# DATABASE_URL's name with _<name>), written into its doc: the directory at 1,000 partners
# (docs/directory.md), the programme at 10,000 events (docs/programme.md), the calls at
# 10,000 calls (docs/calls.md), the maps at 100,000 items (docs/maps.md), text search at
# 100,000 items (docs/browse-and-search.md). Every one runs
# even when another misses its budget; make fails at the end if any did.
bench: $(INSTALLED) translations $(VENDORED)
	$(PY) -m benchmarks --command "make bench$(if $(BENCH_ARGS), BENCH_ARGS=\"$(BENCH_ARGS)\")" $(BENCH_ARGS)
	status=0; \
	$(PY) -m benchmarks.directory --command "make bench" || status=1; \
	$(PY) -m benchmarks.programme --command "make bench" || status=1; \
	$(PY) -m benchmarks.calls --command "make bench" || status=1; \
	$(PY) -m benchmarks.maps --command "make bench" || status=1; \
	$(PY) -m benchmarks.importing --command "make bench" || status=1; \
	$(PY) -m benchmarks.search --command "make bench" || status=1; \
	exit $$status

# One capability's budgets alone (as `make bench` runs them).
.PHONY: bench-directory bench-programme bench-calls bench-maps bench-import bench-search bench-compare
bench-directory: $(INSTALLED) translations
	$(PY) -m benchmarks.directory --command "make bench-directory"
bench-programme: $(INSTALLED) translations
	$(PY) -m benchmarks.programme --command "make bench-programme"
bench-calls: $(INSTALLED) translations
	$(PY) -m benchmarks.calls --command "make bench-calls"
bench-maps: $(INSTALLED) translations $(VENDORED)
	$(PY) -m benchmarks.maps --command "make bench-maps" $(BENCH_ARGS)
bench-search: $(INSTALLED) translations $(VENDORED)
	$(PY) -m benchmarks.search --command "make bench-search" $(BENCH_ARGS)
# Item, partner and home pages on PostgreSQL against SQLite, on the databases `make bench` built
# on both engines, measured in alternation (docs/benchmarks.md, "PostgreSQL against SQLite").
bench-compare: $(INSTALLED) translations $(VENDORED)
	$(PY) -m benchmarks.compare --command "make bench-compare" $(BENCH_ARGS)
# A 100,000-row file imported into 100,000 items (docs/benchmarks.md, "Import of one large
# file"); BENCH_ARGS="--rows 10000 --items 10000" for a quick look.
bench-import: $(INSTALLED) translations
	$(PY) -m benchmarks.importing --command "make bench-import" $(BENCH_ARGS)

# The screenshots of docs/import.md (docs/images/import/), taken again: a demo database of
# their own in .shots/ (delete it to start again), the development server, Debian's Chromium.
.PHONY: screenshots-import
screenshots-import: $(INSTALLED) translations $(VENDORED)
	$(PY) docs/shots/import_path.py

# Run by hand, not by CI (which runs tests/heritagehub/test_fault_smoke.py): the 100,000-item
# PostgreSQL database of `make bench` (DATABASE_URL, default heritagehub_bench; built when
# missing) under gunicorn with production settings, its own redis-server, loaded by wrk;
# then Redis is stopped and the PostgreSQL server RESTARTED under load (every client of
# that server is cut off for seconds: LOADTEST_ARGS=--no-postgres-fault skips it).
# Writes docs/reliability.md; python -m benchmarks.loadtest --help lists the options.
LOADTEST_ARGS ?=
.PHONY: loadtest wrk
loadtest: $(INSTALLED) translations wrk $(VENDORED)
	$(PY) -m benchmarks.loadtest --command "make loadtest$(if $(LOADTEST_ARGS), LOADTEST_ARGS=\"$(LOADTEST_ARGS)\")" $(LOADTEST_ARGS)

# The load tool of `make loadtest`: Debian's wrk, installed with apt-get as root when missing.
wrk:
	$(call debian_package,command -v wrk >/dev/null,wrk,the load test)

# --- quality ---------------------------------------------------------------------------

# pytest exits 5 when it collected no tests: make treats that as the failure it is.
test: $(INSTALLED) translations browser $(VENDORED)
	env -u DATABASE_URL $(PYTEST) $(PYTEST_ARGS)

test-postgres: $(INSTALLED) translations browser $(VENDORED)
	DATABASE_URL=$(POSTGRES_URL) $(PYTEST) $(PYTEST_ARGS)

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(INSTALLED)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: $(INSTALLED)
	$(MANAGE) makemigrations --check --dry-run
	$(MANAGE) check

clean:
	rm -rf $(VENV) $(DB) $(DEMO_STAMP) .test-db.sqlite3* media static_collected static/vendor frontend/node_modules \
		test-results .ruff_cache .pytest_cache *.egg-info
	find . -path ./.git -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
	find locale -name '*.mo' -delete 2>/dev/null || true
