# Nearer: `make run` to try it, `make test` to check everything.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python

# A Python >= 3.12: $(PYTHON) if given, else the first suitable one on PATH or under pyenv.
PYTHON ?= $(shell for p in python3.14 python3.13 python3.12 python3 \
	$$(ls -d $$(pyenv root 2>/dev/null)/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do \
	  if "$$p" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then echo "$$p"; break; fi; \
	done)

.PHONY: help run test lint format check-migrations pytest bench lock demo worker venv dev clean messages

help:
	@echo "make run    install, migrate, load the library and serve at http://127.0.0.1:$(PORT)"
	@echo "make test   lint, migration check and the whole test suite"
	@echo "make bench  print performance numbers (load test: docs/benchmarks.md)"
	@echo "make lock   re-lock requirements.txt and requirements-dev.txt (with hashes) after editing the .in files"

PIP := $(PY) -m pip install --quiet --disable-pip-version-check --require-hashes

# The runtime only (what `make run` needs): requirements.txt, locked with hashes.
$(VENV)/.installed: requirements.txt
	@if [ -z "$(PYTHON)" ]; then \
	  echo "Nearer needs Python 3.12 or newer. Install one, or run: make PYTHON=/path/to/python3.12 ..."; exit 1; fi
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) -r requirements.txt
	@touch $@

# Tests and tools on top (what `make test` needs): requirements-dev.txt, locked with hashes.
$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PIP) -r requirements-dev.txt
	@touch $@

venv: $(VENV)/.installed
dev: $(VENV)/.installed-dev

run: export SITE_URL ?= http://127.0.0.1:$(PORT)
run: venv messages
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_library
	$(PY) manage.py seed_demo
	PORT=$(PORT) PYTHON=$(PY) scripts/serve.sh

# Background tasks and the periodic chores, on whichever TASKS_BACKEND is configured.
worker: venv
	$(PY) manage.py worker

test: dev lint check-migrations messages pytest

lint: dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check-migrations: venv
	NEARER_ENV=test $(PY) manage.py makemigrations --check --dry-run

# The interface translations (nearer/locale); docs/translating.md.
# Without gettext's msgfmt (a fresh machine), the committed .mo files are used as they are.
messages: venv
	@if command -v msgfmt >/dev/null; then $(PY) manage.py compilemessages --ignore=.venv -v0; \
	else echo "gettext's msgfmt is not installed: using the committed translations"; fi

pytest: dev
	$(VENV)/bin/pytest $(PYTEST_ARGS)

bench: dev
	NEARER_ENV=test $(PY) -m scripts.bench
	$(PY) -m scripts.loadbench $(BENCH_ARGS)

# Re-lock after editing requirements.in or requirements-dev.in: exact versions and hashes
# for every package, from the package index pip is configured with (or its cache). Existing
# pins are kept unless the .in files ask for something else; `make lock UPGRADE=1` upgrades.
LOCK := $(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links $(if $(UPGRADE),--upgrade)
lock: dev
	$(LOCK) --output-file=requirements.txt requirements.in
	$(LOCK) --output-file=requirements-dev.txt requirements-dev.in

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
