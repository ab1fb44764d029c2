"""Four times more concurrent generate-pdf calls than the renderer admits: 503s, never a hang."""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from pypdf import PdfReader

from tests.databases import app_client, migrated_database, test_settings
from tests.helpers import create_resume, sign_up

CONCURRENCY, QUEUE = 1, 1
REQUESTS = 4 * (CONCURRENCY + QUEUE)


@pytest.fixture
def database_url(tmp_path: Path) -> Iterator[str]:
    with migrated_database("sqlite", tmp_path) as url:
        yield url


@pytest.fixture
async def small_client(tmp_path: Path, database_url: str) -> AsyncIterator[httpx.AsyncClient]:
    render = {"concurrency": CONCURRENCY, "queue_limit": QUEUE}
    async with app_client(test_settings(database_url, tmp_path, render=render)) as client:
        yield client


async def test_overload_gets_503s_and_every_accepted_call_a_valid_pdf(
    small_client: httpx.AsyncClient,
) -> None:
    account = await sign_up(small_client)
    resumes = [
        await create_resume(small_client, account, data={"basics": {"name": f"Person {n}"}})
        for n in range(REQUESTS)
    ]
    calls = [
        small_client.post(f"/api/resumes/{r['id']}/generate-pdf", headers=account.headers)
        for r in resumes
    ]
    responses = await asyncio.wait_for(asyncio.gather(*calls), timeout=120)
    statuses = sorted(r.status_code for r in responses)
    assert set(statuses) <= {200, 503}, statuses
    assert statuses.count(503) >= REQUESTS - (CONCURRENCY + QUEUE) - 1
    assert statuses.count(200) >= 1
    for response in responses:
        if response.status_code == 503:
            assert int(response.headers["Retry-After"]) >= 1
            assert response.json()["error"]["code"] == "renderer_busy"
            continue
        download = await small_client.get(response.json()["url"])
        text = PdfReader(io.BytesIO(download.content)).pages[0].extract_text()
        assert "Person" in text
