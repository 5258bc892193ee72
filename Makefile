# FactDesk's two-command quick start: `make run` and `make test`.
# Both create the virtual environment and install requirements.txt on first use: the lock generated
# from requirements.in, every package pinned with its hashes (`make lock` regenerates it).
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000

PIP_TOOLS_VERSION := 7.6.2

.PHONY: run test install lock demo worker clean

install: $(VENV)/.installed $(VENV)/.compiled

$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.txt
	touch $@

# Our bytecode, and the engine's rules compiled once and kept beside it (claims/extraction/pattern_cache.py), so
# that a one-shot `extract_claims` neither compiles 8,000 lines of Python nor parses half a megabyte of regex
# (0.8 s of CPU down to 0.4 s); redone whenever our code or the engine's lexicons change. Both are caches: a
# stale or missing one costs time, never a different result.
OUR_SOURCES := $(shell find claims sources factdesk -name '*.py' -o -name '*.json')

$(VENV)/.compiled: $(VENV)/.installed $(OUR_SOURCES)
	$(BIN)/python -m compileall -q claims sources factdesk
	$(BIN)/python -m claims.extraction.precompile
	touch $@

# requirements.in (what we depend on) → requirements.txt (everything installed, exact, hashed).
# pip-tools lives in a venv of its own so that it never enters the lock it writes.
lock:
	test -x .venv-tools/bin/pip-compile || ($(PYTHON) -m venv .venv-tools && \
		.venv-tools/bin/python -m pip install --quiet pip-tools==$(PIP_TOOLS_VERSION))
	.venv-tools/bin/pip-compile --quiet --strip-extras --generate-hashes --allow-unsafe \
		--no-emit-index-url --no-emit-find-links --output-file requirements.txt requirements.in

# The service on its embedded default: SQLite under var/, Celery tasks in-process.
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py runserver $(HOST)

test: install
	$(BIN)/python -m pytest

worker: install
	$(BIN)/celery -A factdesk worker --beat --loglevel INFO

clean:
	rm -rf $(VENV) .venv-tools var
	find claims sources factdesk -name __pycache__ -type d -prune -exec rm -rf {} +
