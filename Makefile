# The README's two commands are `make run` and `make test`. Everything is installed from the
# lock files into .venv, so a fresh machine needs only Python 3.11+, git and make.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
TEST_WORKERS ?= 2

.PHONY: run test install install-dev lint format bench-api bench-search clean messages soak

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.lock | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.lock
	touch $@

$(VENV)/.installed-dev: requirements-dev.lock | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.lock
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# Install, migrate, load the demo content, print the admin login, serve on http://127.0.0.1:8000
run: install
	$(BIN)/python manage.py migrate --noinput
	WAGTAILADMIN_BASE_URL=$${WAGTAILADMIN_BASE_URL:-http://$(HOST):$(PORT)} $(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# Install everything and run the whole test suite (SQLite unless DATABASE_URL is set).
test: install-dev
	$(BIN)/python -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# API benchmark: 10,000 exemplars, production settings under gunicorn on loopback, wrk.
bench-api: install-dev
	$(BIN)/python benchmarks/api_bench.py $(BENCH_ARGS)

# Soak test (docs/deployment.md): mixed traffic against gunicorn while editors publish and withdraw
# consent, with a Redis kill and a PostgreSQL restart (its own, on free loopback ports), 60 s.
soak: install-dev
	$(BIN)/python benchmarks/soak.py $(SOAK_ARGS)

# Recompile the project's translation catalogues (site/locale/*/LC_MESSAGES/*.po -> .mo; needs gettext).
messages:
	$(BIN)/python manage.py compilemessages --locale vi --ignore '.venv*' --ignore 'node_modules*'

clean:
	rm -rf $(VENV) data staticfiles
