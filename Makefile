# Lerend — two commands for a newcomer: `make demo` and `make test`.
# Everything they need is installed here: uv (through pip), then the locked environment.
SHELL := /bin/bash
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := .venv
UV := python3 -m uv
PY := .venv/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test lint translations test-sqlite test-postgres test-browser bench load env messages run worker clean vnu

env: .venv/.synced

.venv/.synced: pyproject.toml uv.lock
	@python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet --user uv \
		|| python3 -m pip install --quiet --user --break-system-packages uv
	$(UV) sync --frozen
	@touch $@

# Compile the .po catalogues (pure Python; a fresh machine needs no gettext for this).
compiled-messages: env
	@$(PY) scripts/i18n.py compile

demo: env compiled-messages
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createcachetable
	$(PY) manage.py demo --url http://$(HOST):$(PORT)/
	@echo ""
	@echo "Lerend draait op http://$(HOST):$(PORT)/  (Ctrl+C stopt server en worker)"
	@echo "Demo-inloggegevens staan hierboven en in var/demo-logins.json"
	@trap 'kill 0' INT TERM EXIT; \
		$(PY) manage.py db_worker --interval 2 & \
		DJANGO_SETTINGS_MODULE=lerend.settings.dev $(PY) manage.py runserver --noreload $(HOST):$(PORT)

lint: env
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/lint-imports --no-cache
	.venv/bin/mypy

translations: env
	$(PY) scripts/i18n.py check

# The suite on SQLite (always), on PostgreSQL (when TEST_DATABASE_URL is set), then the
# browser tests in Chromium (skipped loudly when Chromium is absent; failing when CI is set).
test: env compiled-messages lint translations test-sqlite test-postgres test-browser
	@echo "make test: alles groen"

test-sqlite: env
	env -u TEST_DATABASE_URL $(PY) manage.py makemigrations --check --dry-run --settings=lerend.settings.test
	@echo "== SQLite"
	env -u TEST_DATABASE_URL .venv/bin/pytest -m "not browser" -n 2 -q

test-postgres: env
	@if [ -n "$$TEST_DATABASE_URL" ]; then \
		echo "== PostgreSQL: $${TEST_DATABASE_URL%%@*}@…"; \
		.venv/bin/pytest -m "not browser" -n 2 -q; \
	elif [ -n "$$CI" ]; then \
		echo "== CI zonder TEST_DATABASE_URL: de PostgreSQL-suite en de productie-rooktest (tests/ops/test_production_smoke.py) kunnen niet draaien."; \
		exit 1; \
	else \
		echo "== PostgreSQL overgeslagen: zet TEST_DATABASE_URL (zie README) om de suite ook op PostgreSQL te draaien."; \
	fi

# The Nu HTML Checker for the browser tests (npm package vnu-jar, pinned in package-lock.json;
# it runs on Java: apt-get install default-jre-headless). Scripts off: the jar is in the package.
vnu: node_modules/vnu-jar/build/dist/vnu.jar

node_modules/vnu-jar/build/dist/vnu.jar: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: apt-get install npm"; exit 1; }
	npm ci --no-audit --no-fund --ignore-scripts
	@touch $@

test-browser: env vnu
	@echo "== Browser tests (Chromium; every page they visit is checked with vnu)"
	env -u TEST_DATABASE_URL DJANGO_ALLOW_ASYNC_UNSAFE=true .venv/bin/pytest -m browser -q -p no:xdist --timeout=300

bench: env
	$(PY) -m bench
	$(PY) -m bench.crawl --reuse
	$(PY) -m bench.teams

# 200 respondents over a minute against gunicorn with 4 workers, on SQLite and, when
# LOAD_DATABASE_URL or TEST_DATABASE_URL names a PostgreSQL server, on PostgreSQL
# (bench/load.py; docs/operations-tasks.md).
load: env compiled-messages
	$(PY) -m bench.load --db sqlite
	@if [ -n "$$LOAD_DATABASE_URL$$TEST_DATABASE_URL" ]; then \
		$(PY) -m bench.load --db postgresql; \
	else \
		echo "== load on PostgreSQL skipped: set LOAD_DATABASE_URL or TEST_DATABASE_URL"; \
	fi

messages: env
	$(PY) scripts/i18n.py extract

clean:
	rm -rf .venv var node_modules
