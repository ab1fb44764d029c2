"""A share link's public page: the server's time to answer a view, against the health check.

Run `scripts/bench.sh share`, or add `--quick` for fewer samples.

The app runs in this process on a fresh SQLite database in a temporary folder, driven through
its ASGI interface (no sockets), so the figures are the server's own time: the link is looked
up by its hash, the resume (a frozen snapshot, or the latest save) redacted and rendered in its
template, the web page assembled, and the view counted (a row written per new visitor, or
found to be a repeat). The baseline is `GET /healthz`, measured in the same run. The PDF and
preview rows are for a link whose files were printed once already (kept in storage).
Targets are printed beside the figures and never asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx

from bench._pdf_runs import percentile
from resumate.app import create_app
from resumate.cli import upgrade_database
from resumate.components import Components
from resumate.config import Settings

SHARED = Path(__file__).resolve().parents[2] / "shared" / "jsonresume" / "sample.resume.json"
PASSWORD = "bench-harbour-lantern-42"  # noqa: S105 - a throwaway account in a temporary folder
# Target: a view of a link to a frozen snapshot, server time, p50.
VIEW_MS = 15


def say(message: str) -> None:
    print(f"==> {message}", file=sys.stderr, flush=True)


async def timed(call: Callable[[], Awaitable[httpx.Response]], samples: int) -> list[float]:
    times = []
    for _ in range(samples):
        started = time.perf_counter()
        answer = await call()
        times.append((time.perf_counter() - started) * 1000)
        if answer.status_code >= 400:
            raise RuntimeError(f"{answer.request.url} answered {answer.status_code}")
    return times


def mail_in(outbox: Path) -> str:
    return "".join(path.read_text() for path in outbox.rglob("*") if path.is_file())


async def signed_in(client: httpx.AsyncClient, outbox: Path) -> dict[str, str]:
    body = {"email": "bench@example.com", "password": PASSWORD}
    await client.post("/api/auth/register", json=body)
    letter = await asyncio.to_thread(mail_in, outbox)
    token = re.search(r"/verify-email/([\w.-]+)", letter)
    if token is None:
        raise RuntimeError("no confirmation link in the outbox")
    await client.post("/api/auth/verify-email", json={"token": token[1]})
    login = await client.post("/api/auth/login", json=body)
    return {"Authorization": f"Bearer {login.json()['accessToken']}"}


async def measure(settings: Settings, samples: int) -> list[tuple[str, list[float]]]:
    app = create_app(settings)
    components: Components = app.state.components
    transport = httpx.ASGITransport(app=app)
    rows: list[tuple[str, list[float]]] = []
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            auth = await signed_in(client, settings.outbox_dir)
            data: dict[str, Any] = json.loads(SHARED.read_text("utf-8"))
            made = await client.post(
                "/api/resumes", json={"title": "Bench", "data": data}, headers=auth
            )
            shares = f"/api/resumes/{made.json()['id']}/shares"

            async def link(**settings: Any) -> str:
                answer = await client.post(shares, json={"label": "B"} | settings, headers=auth)
                return "/r/" + str(answer.json()["url"]).rsplit("/r/", 1)[1]

            frozen = await link()
            latest = await link(snapshot=False)
            hidden = await link(redact={"phone": True, "email": True, "employer": "A startup"})
            say(f"{samples} samples a row")
            client.headers["user-agent"] = "bench"
            rows.append(
                ("GET /healthz (baseline)", await timed(lambda: client.get("/healthz"), samples))
            )
            rows.append(("view, frozen snapshot", await timed(lambda: client.get(frozen), samples)))
            rows.append(("view, latest save", await timed(lambda: client.get(latest), samples)))
            rows.append(("view, redacted", await timed(lambda: client.get(hidden), samples)))
            miss = "/r/" + "x" * 32
            rows.append(
                ("unknown link", await timed(lambda: _miss(client, miss), max(samples // 4, 5)))
            )
            await client.get(frozen + "/pdf")
            rows.append(
                ("PDF, printed before", await timed(lambda: client.get(frozen + "/pdf"), samples))
            )
            await client.get(frozen + "/preview.png")
            rows.append(
                (
                    "preview image, made before",
                    await timed(lambda: client.get(frozen + "/preview.png"), samples),
                )
            )
    finally:
        await components.close()
    return rows


async def _miss(client: httpx.AsyncClient, path: str) -> httpx.Response:
    answer = await client.get(path)
    # A miss answers 404 by design: report it as a success to `timed`.
    return httpx.Response(200, request=answer.request) if answer.status_code == 404 else answer


def table(rows: list[tuple[str, list[float]]]) -> str:
    baseline = statistics.median(rows[0][1])
    lines = [
        "| request | p50 ms | p95 ms | × baseline | target |",
        "|---|---:|---:|---:|---|",
    ]
    for name, times in rows:
        p50 = statistics.median(times)
        target = ""
        if name == "view, frozen snapshot":
            target = f"≤ {VIEW_MS} ms {'✓' if p50 <= VIEW_MS else '✗'}"
        p95 = percentile(times, 95)
        lines.append(f"| {name} | {p50:.2f} | {p95:.2f} | {p50 / baseline:.1f}× | {target} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer samples")
    parser.add_argument("--samples", type=int, default=None)
    options = parser.parse_args()
    samples = options.samples or (30 if options.quick else 200)
    folder = Path(tempfile.mkdtemp())
    settings = Settings.model_validate({"env": "development", "data_dir": folder})
    upgrade_database(settings)
    print(table(asyncio.run(measure(settings, samples))))


if __name__ == "__main__":
    main()
