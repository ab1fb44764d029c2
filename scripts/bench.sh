#!/usr/bin/env bash
# Benchmark the JSON API on PostgreSQL: installs wrk if missing, starts PostgreSQL, runs bench.api.
# Usage: scripts/bench.sh [--quick] [--duration SECONDS] [--connections N]
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '==> %s\n' "$*" >&2; }

if ! command -v wrk >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  say "installing wrk (the HTTP load generator) from Debian's packages"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi

eval "$(scripts/services.sh start)"
say "running the API benchmark against a fresh database on $RESUMATE_TEST_DATABASE_URL"
exec .venv/bin/python -m bench.api "$@"
