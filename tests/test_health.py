import asyncio
from pathlib import Path

import httpx

from resumate.config import Settings, async_database_url
from resumate.migrations import upgrade
from tests.databases import app_client, test_settings


async def test_healthz_answers_while_the_process_lives(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_readyz_reports_database_at_head(client: httpx.AsyncClient) -> None:
    response = await client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["migration"] == "0002"


async def _readyz(settings: Settings) -> httpx.Response:
    async with app_client(settings) as client:
        return await client.get("/readyz")


async def test_readyz_is_unavailable_until_migrations_reach_head(tmp_path: Path) -> None:
    url = f"sqlite:///{(tmp_path / 'behind.db').as_posix()}"
    await asyncio.to_thread(upgrade, async_database_url(url), "base")
    response = await _readyz(test_settings(url, tmp_path))
    assert response.status_code == 503
    assert response.json()["head"] == "0002"


async def test_readyz_is_unavailable_when_the_database_is_unreachable(tmp_path: Path) -> None:
    url = "postgresql://nobody@127.0.0.1:9/nowhere"
    response = await _readyz(test_settings(url, tmp_path))
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"
