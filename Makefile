# Two commands set everything up: `make run` and `make test` (see README.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

.PHONY: run test install install-dev lint typecheck check-migrations pytest messages demo-totp bench bench-search clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# A stamp per dependency set, so repeated runs skip pip when pyproject.toml did not change.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) load_demo --if-empty
	$(MANAGE) serve

test: install-dev lint typecheck check-migrations pytest

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install-dev
	$(BIN)/mypy .

check-migrations: install-dev
	$(MANAGE) makemigrations --check --dry-run

pytest: install-dev
	$(BIN)/pytest

# Recompile translations after editing weerbaar/locale/*/LC_MESSAGES/django.po (needs gettext).
messages: install-dev
	$(MANAGE) makemessages --all --no-obsolete --add-location file --ignore ".venv/*" --ignore "var/*" --ignore "bench/*" --ignore "static/*"
	$(MANAGE) compilemessages --ignore ".venv/*"

# Current two-step code of a demo login, e.g. `make demo-totp EMAIL=anna@voorbeeldstad.example`.
demo-totp: install
	$(MANAGE) demo_totp $(EMAIL)

bench: install-dev
	$(BIN)/python bench/run.py

# Knowledge search on 20,000 items: SQLite, then PostgreSQL when BENCH_DATABASE_URL is set.
bench-search: install-dev
	$(BIN)/python bench/search.py
	$(if $(BENCH_DATABASE_URL),$(BIN)/python bench/search.py --database-url $(BENCH_DATABASE_URL))

clean:
	rm -rf $(VENV) var
