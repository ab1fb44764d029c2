"""generate-pdf through the whole app, in process: the path taken when nothing has changed.

The app (create_app on a migrated SQLite file and local storage) is called through httpx's
ASGITransport, so each call runs the middlewares, the bearer-token check, the ownership
lookup, the template read, the content hash and the signed link, but no network.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from tests.databases import test_settings
from tests.helpers import Account, AppParts, create_resume, sign_up

from resumate.app import create_app
from resumate.config import RenderSettings


@dataclass(frozen=True)
class CachedPath:
    first_ms: float  # the call that printed, Chromium's launch included
    pages: int
    samples_ms: list[float]


async def _generate(client: httpx.AsyncClient, account: Account, resume_id: str) -> int:
    response = await client.post(f"/api/resumes/{resume_id}/generate-pdf", headers=account.headers)
    if response.status_code != 200:
        raise RuntimeError(f"generate-pdf answered {response.status_code}: {response.text}")
    pages: int = response.json()["pages"]
    return pages


async def cached_generate(
    render: RenderSettings, database_url: str, data_dir: Path, resume: dict[str, Any], calls: int
) -> CachedPath:
    """One print, then `calls` generate-pdf calls for the same unchanged resume, each timed."""
    app = create_app(test_settings(database_url, data_dir, render=render))
    context = AppParts.of(app)
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            account = await sign_up(client)
            created = await create_resume(client, account, title="Benchmark", data=resume)
            start = time.perf_counter()
            pages = await _generate(client, account, created["id"])
            first = (time.perf_counter() - start) * 1000
            samples = []
            for _ in range(calls):
                start = time.perf_counter()
                await _generate(client, account, created["id"])
                samples.append((time.perf_counter() - start) * 1000)
    finally:
        # ASGITransport runs no lifespan, so the app's shutdown is done here.
        await context.close()
    return CachedPath(first_ms=first, pages=pages, samples_ms=samples)
