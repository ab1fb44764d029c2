# The two commands a new machine needs: `make run` and `make test`.
SHELL := bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Infrastructure linters live apart: checkov's dependencies clash with the app's pins.
INFRA_VENV := .venv-infra

.PHONY: run test install install-dev install-infra install-node system-deps run-deps lint bench lock messages clean

run: install run-deps ## Install and start the app on http://127.0.0.1:8000 (embedded defaults)
	$(BIN)/resumate serve

test: install-dev install-infra system-deps install-node ## Install everything, start PostgreSQL, lint, type-check, run all tests
	scripts/test.sh

install: $(VENV)/.runtime-installed

$(VENV)/.runtime-installed: requirements.lock requirements-data.lock pyproject.toml
	@echo "==> installing Python dependencies into $(VENV)"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/pip install -q --disable-pip-version-check -r requirements.lock
	@$(BIN)/pip install -q --disable-pip-version-check --no-deps -r requirements-data.lock
	@$(BIN)/pip install -q --disable-pip-version-check --no-deps -e .
	@touch $@

install-dev: $(VENV)/.dev-installed

$(VENV)/.dev-installed: $(VENV)/.runtime-installed requirements-dev.lock requirements-extras.lock scripts/install-ai-extras.sh
	@echo "==> installing test and tooling dependencies into $(VENV)"
	@$(BIN)/pip install -q --disable-pip-version-check -r requirements.lock -r requirements-dev.lock
	@scripts/install-ai-extras.sh
	@touch $@

install-infra: $(INFRA_VENV)/.infra-installed ## Install checkov, hadolint and actionlint into .venv-infra

$(INFRA_VENV)/.infra-installed: requirements-infra.lock
	@echo "==> installing infrastructure linters (checkov, hadolint, actionlint) into $(INFRA_VENV)"
	@test -x $(INFRA_VENV)/bin/python || $(PYTHON) -m venv $(INFRA_VENV)
	@$(INFRA_VENV)/bin/pip install -q --disable-pip-version-check -r requirements-infra.lock
	@touch $@

# ESLint and Stylelint for the pages' own JavaScript and CSS, and the JSON Resume themes the
# import's tests print résumés of other tools with, pinned in package-lock.json. Only the checks
# and tests use Node: nothing is built, and `make run` needs none of it.
install-node: node_modules/.npm-installed

node_modules/.npm-installed: package-lock.json package.json
	@command -v npm >/dev/null || { echo "npm is missing: run scripts/install-system-deps.sh" >&2; exit 1; }
	@echo "==> installing ESLint, Stylelint and the tests' JSON Resume themes into node_modules (npm ci)"
	@npm ci --no-audit --no-fund --loglevel=error
	@touch $@

system-deps:
	@scripts/install-system-deps.sh

# The app prints PDFs and thumbnails with Debian's Chromium headless shell.
run-deps:
	@scripts/install-system-deps.sh run

lint: install-dev install-node ## Lint, format check and type check only
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache
	node_modules/.bin/eslint src/resumate/web/static/js tests/transfer/corpus
	node_modules/.bin/stylelint "src/resumate/web/static/css/**/*.css"

bench: install-dev ## Run the benchmarks (see README for what each prints)
	scripts/bench.sh

# The printed words' catalogues (see resumate/rendering/words.py): new messages reach every language.
LOCALES := src/resumate/rendering/locales
messages: install ## Extract the printed words into resume.pot and update every language's .po
	@echo "==> extracting messages into $(LOCALES)/resume.pot and updating each resume.po"
	$(BIN)/pybabel extract --no-location -c TRANSLATORS: --project=Resumate \
		--copyright-holder="Resumate contributors" -o $(LOCALES)/resume.pot src/resumate/rendering/words.py
	$(BIN)/pybabel update --ignore-obsolete -w 100 -D resume -i $(LOCALES)/resume.pot -d $(LOCALES)

lock: ## Re-pin requirements*.lock from pyproject.toml
	scripts/lock.sh

clean:
	rm -rf $(VENV) $(INFRA_VENV) node_modules .services .mypy_cache .ruff_cache .pytest_cache test-artifacts
