# Two commands matter: `make run` (set up everything, seed the demo, serve) and
# `make test`. Both work from a fresh clone and reuse what is already set up.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-browser test-clamav test-postgres lint check bench setup static lock clean messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.lock | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.lock
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

portal/static_build/.built: node_modules/.package-lock.json $(shell find portal/static_src -type f)
	npm run --silent build
	touch $@

setup: $(VENV)/.installed portal/static_build/.built

static: portal/static_build/.built

# Emailed links (the worker's too) and the demo site point where the server listens,
# unless PORTAL_BASE_URL is set already (say, a proxy's address).
# Ctrl+C (or SIGTERM to make) stops both within a few seconds: the shell waits for the
# server, so its trap runs at once; it ends the server and asks the worker to stop, which
# an idle django-q2 cluster does in about a second. Whatever still runs after 3s is killed,
# its whole tree (job control, set -m, gave it a process group of its own); the database
# broker hands the unfinished task out again later, as it does a failed one.
run: export PORTAL_BASE_URL ?= http://$(HOST):$(PORT)
run: setup
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	rm -rf var/cache
	@echo
	@$(BIN)/python manage.py demo_sign_ins
	@echo
	@echo "Portal: $(PORTAL_BASE_URL)/   Admin: $(PORTAL_BASE_URL)/admin/   Emails: var/emails/"
	@echo "Stop with Ctrl+C."
	@set -m; \
	  stop() { \
	    kill -TERM $$server $$worker; \
	    (sleep 3; kill -KILL -$$worker -$$server) & timer=$$!; \
	    wait $$server $$worker; kill -TERM -$$timer; \
	  } 2>/dev/null; \
	  trap stop EXIT; trap 'exit 0' INT TERM HUP; \
	  $(BIN)/python manage.py qcluster & worker=$$!; \
	  $(BIN)/python manage.py runserver $(HOST):$(PORT) --noreload & server=$$!; \
	  wait $$server

# Two processes (pytest-xdist), each with its own test database and media folders.
test: setup
	$(BIN)/pytest -n 2

test-browser: setup
	$(BIN)/pytest -m browser tests/browser

# Virus scanning against a real ClamAV daemon the tests start themselves (needs clamd:
# apt-get install clamav-daemon; no signature download).
test-clamav: setup
	$(BIN)/pytest -m clamav tests/forms_app/test_clamav.py

test-postgres: setup
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} $(BIN)/pytest -n 2

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: setup
	$(BIN)/python manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=portal.settings.production SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))') \
	  ALLOWED_HOSTS=portal.example $(BIN)/python manage.py check --deploy --fail-level WARNING

bench: setup
	$(BIN)/python tests/bench/home_vs_healthz.py

# Rewrite requirements.lock from a fresh resolve of pyproject.toml's pins.
lock:
	rm -rf /tmp/portal-lock-venv && $(PYTHON) -m venv /tmp/portal-lock-venv
	/tmp/portal-lock-venv/bin/pip install --quiet --upgrade pip
	/tmp/portal-lock-venv/bin/pip install --quiet ".[dev]"
	( echo "# Every package, pinned: installed with 'pip install -r requirements.lock' (make does it)."; \
	  echo "# Regenerate after changing pyproject.toml: make lock"; \
	  /tmp/portal-lock-venv/bin/pip freeze --exclude attendance-portal ) > requirements.lock

clean:
	rm -rf $(VENV) node_modules portal/static_build staticfiles var

# Gather the templates' and code's strings into the .po files, then compile them (polib:
# no gettext tools needed to compile). makemessages itself needs xgettext (Debian's gettext).
messages: setup
	$(BIN)/python manage.py makemessages -l cy -l pl -l ro -l ur --ignore=.venv \
	  --ignore=node_modules --ignore=tests --ignore=staticfiles --no-obsolete
	$(BIN)/python -c "import glob, polib; [polib.pofile(p).save_as_mofile(p[:-2] + 'mo') for p in glob.glob('portal/locale/*/LC_MESSAGES/django.po')]"
