#!/usr/bin/env bash
# Re-pin dependencies: requirements.lock (runtime), requirements-dev.lock (tests and tools) and
# requirements-infra.lock (infrastructure linters, installed into their own .venv-infra).
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

say() { printf '==> %s\n' "$*" >&2; }

say "resolving runtime dependencies"
$python -m venv "$work/runtime"
"$work/runtime/bin/pip" install -q --upgrade pip
"$work/runtime/bin/pip" install -q .
"$work/runtime/bin/pip" freeze --exclude resumate | grep -v '^-e' > requirements.lock

say "resolving development dependencies"
$python -m venv "$work/dev"
"$work/dev/bin/pip" install -q --upgrade pip
"$work/dev/bin/pip" install -q ".[dev]"
"$work/dev/bin/pip" freeze --exclude resumate | grep -v '^-e' | grep -vxFf requirements.lock > requirements-dev.lock || true

say "resolving infrastructure linters"
$python -m venv "$work/infra"
"$work/infra/bin/pip" install -q --upgrade pip
"$work/infra/bin/pip" install -q -r requirements-infra.in
"$work/infra/bin/pip" freeze | grep -v '^-e' > requirements-infra.lock
say "wrote requirements.lock ($(wc -l < requirements.lock) pins), requirements-dev.lock ($(wc -l < requirements-dev.lock) pins) and requirements-infra.lock ($(wc -l < requirements-infra.lock) pins)"
