"""JSON API throughput and latency on PostgreSQL: sign-in, create, read and update of resumes.

Run `scripts/bench.sh` (`make bench`), or `scripts/bench.sh --quick` for a short run.

The real server (`resumate serve`, one uvicorn worker) runs in its own process on a fresh,
migrated database; wrk drives it over loopback with keep-alive connections. wrk is used because
it is a C event loop that costs the machine a fraction of what the server does, so on two cores
the numbers are the server's and not the generator's (its CPU use is printed to prove it); its
Lua hooks cover what the API needs: a body, a bearer token and an If-Match per connection, with
one connection per wrk thread so each tracks its own resume's ETag. GET /healthz, the framework
with no database, is the baseline every row is compared with, measured in the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import version
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from sqlalchemy import make_url, text

from bench._load import (
    BackendSampler,
    LoadResult,
    Plan,
    machine_busy,
    own_cpu,
    process_cpu,
    run_wrk,
)
from bench._server import ROOT, Server, fresh_database, running_server
from resumate.config import DatabaseSettings, async_database_url
from resumate.db import create_engine

SAMPLE = ROOT.parent / "shared" / "jsonresume" / "sample.resume.json"
SETTLE_SECONDS = 1.0
PASSWORD = "bench-orchard-lantern-42"  # noqa: S105 - a throwaway account on a throwaway database


@dataclass(frozen=True)
class Account:
    email: str
    token: str
    resume_id: str

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@dataclass(frozen=True)
class Measured:
    """One row: what wrk saw, and the CPU seconds each party used meanwhile."""

    name: str
    load: LoadResult
    server_cpu: float
    postgres_cpu: float
    meter_cpu: float
    machine_cpu: float
    connections_opened: int

    def share(self, seconds: float) -> str:
        """CPU seconds as a percentage of one core over this row."""
        return f"{100 * seconds / self.load.seconds:.0f}%"

    @property
    def other_cpu(self) -> float:
        ours = self.server_cpu + self.postgres_cpu + self.load.generator_cpu + self.meter_cpu
        return max(0.0, self.machine_cpu - ours)


def expect(answer: tuple[int, dict[str, str], Any], status: int, what: str) -> Any:
    if answer[0] != status:
        raise RuntimeError(f"{what}: expected {status}, got {answer[0]}: {answer[2]}")
    return answer[2]


def seed(server: Server, count: int, resume: dict[str, Any]) -> list[Account]:
    """One account with one resume per connection, so no two connections share a row."""
    accounts = []
    for n in range(count):
        email = f"bench-{n}@example.com"
        credentials = {"email": email, "password": PASSWORD}
        session = server.sign_up(credentials)
        auth = {"Authorization": f"Bearer {session['accessToken']}"}
        body = {"title": f"Resume {n}", "data": resume}
        created = expect(server.call("POST", "/api/resumes", body, auth), 201, "create")
        accounts.append(Account(email, session["accessToken"], created["id"]))
    return accounts


def current_version(server: Server, account: Account) -> int:
    answer = server.call("GET", f"/api/resumes/{account.resume_id}", headers=account.auth)
    expect(answer, 200, "read")
    return int(answer[1]["etag"].strip('"'))


def row_plans(
    server: Server, accounts: list[Account], resume: dict[str, Any]
) -> dict[str, Callable[[], list[Plan]]]:
    """Each row's per-connection plans, built just before it runs (edits need fresh versions)."""
    edited = resume | {"basics": resume["basics"] | {"label": "Chief compression officer"}}
    create = json.dumps({"title": "Benchmark resume", "data": resume})
    patch = json.dumps({"title": "Edited in the benchmark", "data": edited})

    def path(a: Account) -> str:
        return f"/api/resumes/{a.resume_id}"

    return {
        "healthz": lambda: [Plan("GET", "/healthz") for _ in accounts],
        "login": lambda: [
            Plan(
                "POST", "/api/auth/login", body=json.dumps({"email": a.email, "password": PASSWORD})
            )
            for a in accounts
        ],
        "create": lambda: [Plan("POST", "/api/resumes", a.auth, create) for a in accounts],
        "read": lambda: [Plan("GET", path(a), a.auth) for a in accounts],
        "update": lambda: [
            Plan("PATCH", path(a), a.auth, patch, version=current_version(server, a))
            for a in accounts
        ],
    }


def measure(
    server: Server, database: str, name: str, plans: Callable[[], list[Plan]], seconds: int
) -> Measured:
    """Warm the row up for a second, then load it for `seconds` while counting who used the CPU."""
    run_wrk(server.url, plans(), 1)
    # wrk drops requests still in flight at its deadline; let the server finish them before
    # reading the versions edits start from, or the row would open with a 412 of our own making.
    time.sleep(SETTLE_SECONDS)
    chosen = plans()
    served, meter, busy = process_cpu(server.pid), own_cpu(), machine_busy()
    with BackendSampler(database) as backends:
        load = run_wrk(server.url, chosen, seconds)
    return Measured(
        name=name,
        load=load,
        server_cpu=process_cpu(server.pid) - served,
        postgres_cpu=backends.cpu,
        meter_cpu=own_cpu() - meter,
        machine_cpu=machine_busy() - busy,
        connections_opened=backends.opened,
    )


def print_throughput(results: list[Measured]) -> None:
    baseline = results[0].load.per_second
    print(
        f"\n{'row':<8} {'requests':>9} {'errors':>7} {'412':>5} {'req/s':>9}"
        f" {'p50 ms':>8} {'p99 ms':>8} {'vs healthz':>10}"
    )
    for row in results:
        load = row.load
        print(
            f"{row.name:<8} {load.requests:>9} {load.errors:>7} {load.statuses.get(412, 0):>5}"
            f" {load.per_second:>9.1f} {load.p50_ms:>8.2f} {load.p99_ms:>8.2f}"
            f" {load.per_second / baseline:>10.3f}"
        )
    for row in results:
        failed = {s: n for s, n in row.load.statuses.items() if not 200 <= s < 300}
        if failed or row.load.socket_errors or row.load.refetches:
            print(
                f"{row.name}: non-2xx {failed}, socket errors {row.load.socket_errors},"
                f" ETag re-reads after a 412 {row.load.refetches} (counted as requests)"
            )


def print_cpu(results: list[Measured]) -> None:
    print(f"\nwhere the time goes: CPU as % of one core ({os.cpu_count()} cores = 100% each);")
    print("meter = this script's sampler, other = the rest of the machine")
    print(
        f"{'row':<8} {'server':>7} {'postgres':>9} {'wrk':>5} {'meter':>6} {'other':>6}"
        f" {'server+pg ms/req':>17} {'db conns opened':>16}"
    )
    for row in results:
        cost = 1000 * (row.server_cpu + row.postgres_cpu) / max(row.load.requests, 1)
        print(
            f"{row.name:<8} {row.share(row.server_cpu):>7} {row.share(row.postgres_cpu):>9}"
            f" {row.share(row.load.generator_cpu):>5} {row.share(row.meter_cpu):>6}"
            f" {row.share(row.other_cpu):>6} {cost:>17.2f} {row.connections_opened:>16}"
        )
    busiest = max(results, key=lambda row: row.other_cpu / row.load.seconds)
    if busiest.other_cpu / busiest.load.seconds > 0.25:
        print(
            f"note: other work on this machine used up to {busiest.share(busiest.other_cpu)}"
            " of a core during a row, so these numbers understate the server"
        )


async def _postgres_facts(url: str) -> str:
    engine = create_engine(async_database_url(url))
    try:
        async with engine.connect() as connection:
            version, fsync, commit = (
                await connection.execute(
                    text(
                        "SELECT current_setting('server_version'), current_setting('fsync'),"
                        " current_setting('synchronous_commit')"
                    )
                )
            ).one()
    finally:
        await engine.dispose()
    return f"PostgreSQL {version} (fsync={fsync}, synchronous_commit={commit})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="2 s per row instead of 8 s")
    parser.add_argument("--duration", type=int, help="whole seconds per row (default 8, quick 2)")
    parser.add_argument("--connections", type=int, default=16, help="keep-alive connections")
    args = parser.parse_args()
    seconds = args.duration or (2 if args.quick else 8)
    if not 1 <= seconds <= 120 or not 1 <= args.connections <= 128:
        parser.error("--duration must be 1–120 s and --connections 1–128")
    resume = json.loads(SAMPLE.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="resumate-bench-") as scratch:
        data_dir = Path(scratch)
        with fresh_database(data_dir) as url, running_server(url, data_dir) as server:
            pool = DatabaseSettings().pool_size
            print(f"machine: {os.cpu_count()} cores; load generator: wrk, loopback")
            print(
                f"server: resumate serve, 1 uvicorn {version('uvicorn')} worker"
                f" ({'uvloop' if find_spec('uvloop') else 'asyncio'}, access log on),"
                f" FastAPI {version('fastapi')}, database pool {pool} + {pool // 2} overflow"
            )
            print(f"database: {asyncio.run(_postgres_facts(url))}")
            print(f"{args.connections} connections, {seconds:g} s per row after a short warm-up")
            accounts = seed(server, args.connections, resume)
            database = make_url(url).database or ""
            results = [
                measure(server, database, name, plans, seconds)
                for name, plans in row_plans(server, accounts, resume).items()
            ]
    print_throughput(results)
    print_cpu(results)


if __name__ == "__main__":
    main()
