#!/usr/bin/env bash
# Start or stop the real services the test suite talks to (PostgreSQL on loopback).
# Usage: scripts/services.sh start|stop|env
# `start` prints the environment the tests need; `env` prints it without starting anything.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
state="$root/.services"
pg_port="${RESUMATE_TEST_PG_PORT:-55432}"
pg_dir="$state/postgres"

say() { printf '==> %s\n' "$*" >&2; }

pg_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$found" ] || { say "PostgreSQL server is not installed (run scripts/install-system-deps.sh)"; exit 1; }
  printf '%s' "$found"
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  local bin
  bin=$(pg_bin)
  mkdir -p "$state"
  if [ ! -f "$pg_dir/PG_VERSION" ]; then
    say "creating a PostgreSQL cluster in .services/postgres"
    mkdir -p "$pg_dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$pg_dir"
    as_postgres "$bin/initdb" -D "$pg_dir" -U postgres --auth=trust -E UTF8 >/dev/null
  fi
  if as_postgres "$bin/pg_ctl" -D "$pg_dir" status >/dev/null 2>&1; then
    say "PostgreSQL already running on 127.0.0.1:$pg_port"
  else
    say "starting PostgreSQL on 127.0.0.1:$pg_port"
    as_postgres "$bin/pg_ctl" -D "$pg_dir" -l "$pg_dir/server.log" -w -t 60 start \
      -o "-h 127.0.0.1 -p $pg_port -k /tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null
  fi
}

stop_postgres() {
  [ -f "$pg_dir/PG_VERSION" ] || return 0
  local bin
  bin=$(pg_bin)
  if as_postgres "$bin/pg_ctl" -D "$pg_dir" status >/dev/null 2>&1; then
    say "stopping PostgreSQL"
    as_postgres "$bin/pg_ctl" -D "$pg_dir" -m fast -w stop >/dev/null
  fi
}

print_env() {
  echo "export RESUMATE_TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:$pg_port/postgres"
}

case "${1:-}" in
  start) start_postgres; print_env ;;
  stop) stop_postgres ;;
  env) print_env ;;
  *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac
