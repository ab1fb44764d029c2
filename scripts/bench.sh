#!/usr/bin/env bash
# Run the benchmarks: api (the JSON API on PostgreSQL, driven by wrk, then SQLite's durable
# saves), pdf (Chromium printing,
# in process), preview (the editor's live preview, one connection, against its 100 ms budget),
# ai (the offline analyzers, the local model and the guard's evaluation set; no network),
# import (reading resume files: PDF, Word, Markdown, and through the worker process),
# share (a share link's public page, its PDF and preview, in process),
# export (writing a resume as Word, Markdown, text and PNG, against the JSON export),
# fit (fitting a resume to N pages, against one plain print),
# or all (the default: pdf, then api, then preview, then ai, then import, then share, then export,
# then fit).
# Usage: scripts/bench.sh [api|pdf|preview|ai|import|share|export|fit|all] [options]
#   api: [--quick] [--duration SECONDS] [--connections N]   (python -m bench.api --help)
#   pdf: [--quick] [--seconds SECONDS] [--concurrency N] [--queue N]   (python -m bench.pdf --help)
#   preview: [--quick] [--samples N]   (python -m bench.preview --help)
#   ai: [--quick] [--runs N]   (python -m bench.ai --help)
#   import: [--quick]   (python -m bench.import --help)
#   share: [--quick] [--samples N]   (python -m bench.share --help)
#   export: [--quick]   (python -m bench.export --help)
#   fit: [--quick]   (python -m bench.fit --help)
#   all: the api options; --quick applies to all eight.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '==> %s\n' "$*" >&2; }

which=all
case "${1:-}" in
  api | pdf | preview | ai | import | share | export | fit | all) which=$1; shift ;;
esac

run_api() {
  if ! command -v wrk >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    say "installing wrk (the HTTP load generator) from Debian's packages"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends wrk >/dev/null
  fi
  eval "$(scripts/services.sh start)"
  say "running the API benchmark against a fresh database on $RESUMATE_TEST_DATABASE_URL"
  .venv/bin/python -m bench.api "$@"
  say "measuring what durable saves cost on SQLite (synchronous=FULL against NORMAL)"
  quick=()
  for arg in "$@"; do [ "$arg" = --quick ] && quick=(--quick); done
  .venv/bin/python -m bench.sqlite_saves "${quick[@]}"
}

run_pdf() {
  say "running the PDF benchmark (Chromium in process, a scratch SQLite database)"
  .venv/bin/python -m bench.pdf "$@"
}

run_preview() {
  eval "$(scripts/services.sh start)"
  say "running the live preview benchmark against a fresh database on $RESUMATE_TEST_DATABASE_URL"
  .venv/bin/python -m bench.preview "$@"
}

run_import() {
  say "running the import benchmark: reading PDF, Word and Markdown files (Chromium prints the PDFs)"
  .venv/bin/python -m bench.import "$@"
}

run_share() {
  say "running the share benchmark: a link's public page, its PDF and preview (a scratch SQLite database)"
  .venv/bin/python -m bench.share "$@"
}

run_export() {
  say "running the export benchmark: writing Word, Markdown, text and PNG files (Chromium prints the PDFs)"
  .venv/bin/python -m bench.export "$@"
}

run_fit() {
  say "running the fit benchmark: fitting resumes to one and two pages (Chromium in process)"
  .venv/bin/python -m bench.fit "$@"
}

run_ai() {
  say "running the AI benchmark: analyzers, the local model, the guard's evaluation set (offline)"
  .venv/bin/python -m bench.ai "$@"
}

case "$which" in
  api) run_api "$@" ;;
  ai) run_ai "$@" ;;
  import) run_import "$@" ;;
  share) run_share "$@" ;;
  export) run_export "$@" ;;
  fit) run_fit "$@" ;;
  pdf) run_pdf "$@" ;;
  preview) run_preview "$@" ;;
  all)
    quick=()
    for arg in "$@"; do [ "$arg" = --quick ] && quick=(--quick); done
    run_pdf "${quick[@]}"
    run_api "$@"
    run_preview "${quick[@]}"
    run_ai "${quick[@]}"
    run_import "${quick[@]}"
    run_share "${quick[@]}"
    run_export "${quick[@]}"
    run_fit "${quick[@]}"
    ;;
esac
