#!/usr/bin/env bash
# Run everything `make test` checks: lint, format, types, then the whole suite on real services.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin

say() { printf '==> %s\n' "$*" >&2; }

eval "$(scripts/services.sh start)"
trap 'scripts/services.sh stop' EXIT

say "ruff: lint"
$bin/ruff check src tests bench
say "ruff: format"
$bin/ruff format --check src tests bench
say "mypy: types (strict)"
$bin/mypy
say "import-linter: layers, and only the app imports routers and pages"
$bin/lint-imports --no-cache
say "eslint: the pages' JavaScript and the tests' node script"
node_modules/.bin/eslint src/resumate/web/static/js tests/transfer/corpus
say "stylelint: the pages' CSS"
node_modules/.bin/stylelint "src/resumate/web/static/css/**/*.css"
say "pytest: the whole suite on SQLite and PostgreSQL"
mkdir -p test-artifacts
$bin/pytest "$@"
