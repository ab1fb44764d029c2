# The two commands a new machine needs: `make run` and `make test`.
SHELL := bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test install install-dev system-deps lint bench lock clean

run: install ## Install and start the app on http://127.0.0.1:8000 (embedded defaults)
	$(BIN)/resumate serve

test: install-dev system-deps ## Install everything, start PostgreSQL, lint, type-check, run all tests
	scripts/test.sh

install: $(VENV)/.runtime-installed

$(VENV)/.runtime-installed: requirements.lock pyproject.toml
	@echo "==> installing Python dependencies into $(VENV)"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/pip install -q --disable-pip-version-check -r requirements.lock
	@$(BIN)/pip install -q --disable-pip-version-check --no-deps -e .
	@touch $@

install-dev: $(VENV)/.dev-installed

$(VENV)/.dev-installed: $(VENV)/.runtime-installed requirements-dev.lock
	@echo "==> installing test and tooling dependencies into $(VENV)"
	@$(BIN)/pip install -q --disable-pip-version-check -r requirements.lock -r requirements-dev.lock
	@touch $@

system-deps:
	@scripts/install-system-deps.sh

lint: install-dev ## Lint, format check and type check only
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

bench: install-dev ## Run the benchmarks (see README for what each prints)
	scripts/bench.sh

lock: ## Re-pin requirements*.lock from pyproject.toml
	scripts/lock.sh

clean:
	rm -rf $(VENV) .services .mypy_cache .ruff_cache .pytest_cache test-artifacts
