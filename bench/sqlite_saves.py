"""What durable saves cost on SQLite: the app's `synchronous=FULL` against `NORMAL`.

In WAL mode, NORMAL survives a crash of the app but may lose the last saves to a power cut;
FULL syncs the WAL at every commit, so a save the API acknowledged is on disk. This measures
the price: the real app in process (httpx over ASGI, no network), a migrated SQLite database in
a scratch folder, one resume saved again and again with PATCH and If-Match, as the editor's
autosave does. The baseline is the same app with the pragma set back to NORMAL, in the same run.

Run: `scripts/bench.sh api` (after the PostgreSQL rows) or `python -m bench.sqlite_saves`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import event
from tests.helpers import sign_up

from bench._pdf_runs import percentile
from bench.api import PASSWORD, SAMPLE
from resumate.app import create_app
from resumate.cli import upgrade_database
from resumate.config import Settings
from resumate.deps import DATABASE


def settings_for(folder: Path) -> Settings:
    return Settings.model_validate(
        {"env": "test", "data_dir": folder, "database": {"url": f"sqlite:///{folder}/bench.db"}}
    )


def saves(synchronous: str, count: int) -> list[float]:
    """Seconds per acknowledged PATCH of one resume, `count` times in a row."""
    with tempfile.TemporaryDirectory(prefix="resumate-bench-") as scratch:
        settings = settings_for(Path(scratch))
        upgrade_database(settings)
        return asyncio.run(timed_saves(settings, synchronous, count))


async def timed_saves(settings: Settings, synchronous: str, count: int) -> list[float]:
    app = create_app(settings)
    try:
        engine = app.state.components.get(DATABASE).engine

        @event.listens_for(engine.sync_engine, "connect")
        def _pragma(connection: Any, _record: Any) -> None:  # after the app's own
            connection.execute(f"PRAGMA synchronous={synchronous}")

        resume = json.loads(SAMPLE.read_text())
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            auth = (await sign_up(client, "bench@example.com", PASSWORD)).headers
            created = await client.post("/api/resumes", json={"data": resume}, headers=auth)
            path, version = f"/api/resumes/{created.json()['id']}", 1
            times = []
            for n in range(count):
                edited = resume | {"basics": resume["basics"] | {"label": f"Edit {n}"}}
                started = time.perf_counter()
                answer = await client.patch(
                    path, json={"data": edited}, headers=auth | {"If-Match": f'"{version}"'}
                )
                times.append(time.perf_counter() - started)
                if answer.status_code != 200:
                    raise RuntimeError(f"save {n}: {answer.status_code} {answer.text[:200]}")
                version += 1
    finally:
        await app.state.components.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=400, help="saves per mode")
    parser.add_argument("--quick", action="store_true", help="100 saves per mode")
    options = parser.parse_args()
    count = 100 if options.quick else options.saves
    results = {mode: saves(mode, count) for mode in ("NORMAL", "FULL")}
    baseline = percentile(results["NORMAL"], 50)
    print(f"\nSQLite saves (PATCH of the sample resume, in process, {count} per mode)\n")
    print("| synchronous | saves/s | p50 | p95 | p50 vs NORMAL |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for mode, times in results.items():
        p50, p95 = percentile(times, 50), percentile(times, 95)
        rate = len(times) / sum(times)
        print(
            f"| {mode}{' (the app)' if mode == 'FULL' else ''} | {rate:.0f} | "
            f"{p50 * 1000:.2f} ms | {p95 * 1000:.2f} ms | {p50 / baseline:.2f}× |"
        )


if __name__ == "__main__":
    main()
