# FactDesk's two-command quick start: `make run` and `make test`.
# Both create the virtual environment and install requirements.txt on first use.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000

.PHONY: run test install demo worker clean

install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

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
	rm -rf $(VENV) var
