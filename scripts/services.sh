#!/usr/bin/env bash
# Start or stop the real services the test suite talks to (PostgreSQL on loopback).
# Usage: scripts/services.sh start|stop|env
# `start` prints the environment the tests need; `env` prints it without starting anything.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
state="$root/.services"
pg_dir="$state/postgres"
port_file="$state/postgres.port"

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

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# The port this checkout's cluster uses: remembered, or the first free one from 55432 up, so a
# second checkout or another server on the machine never collides with it.
choose_port() {
  if [ -n "${RESUMATE_TEST_PG_PORT:-}" ]; then echo "$RESUMATE_TEST_PG_PORT"; return; fi
  if [ -f "$port_file" ]; then cat "$port_file"; return; fi
  local port
  for port in $(seq 55432 55499); do
    port_in_use "$port" || { echo "$port"; return; }
  done
  say "no free port between 55432 and 55499"; exit 1
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
    pg_port=$(cat "$port_file")
    say "PostgreSQL already running on 127.0.0.1:$pg_port"
  else
    pg_port=$(choose_port)
    echo "$pg_port" > "$port_file"
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
  pg_port=$(cat "$port_file" 2>/dev/null || choose_port)
  echo "export RESUMATE_TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:$pg_port/postgres"
}

case "${1:-}" in
  start) start_postgres; print_env ;;
  stop) stop_postgres ;;
  env) print_env ;;
  *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac
