import asyncio
from pathlib import Path

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

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
    assert response.json()["migration"] == "0013"


async def _readyz(settings: Settings) -> httpx.Response:
    async with app_client(settings) as client:
        return await client.get("/readyz")


async def test_readyz_is_unavailable_until_migrations_reach_head(tmp_path: Path) -> None:
    url = f"sqlite:///{(tmp_path / 'behind.db').as_posix()}"
    await asyncio.to_thread(upgrade, async_database_url(url), "base")
    response = await _readyz(test_settings(url, tmp_path))
    assert response.status_code == 503
    assert response.json()["head"] == "0013"


async def test_readyz_is_unavailable_when_the_database_is_unreachable(tmp_path: Path) -> None:
    url = "postgresql://nobody@127.0.0.1:9/nowhere"
    response = await _readyz(test_settings(url, tmp_path))
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


async def test_readyz_accepts_a_schema_a_newer_release_migrated(tmp_path: Path) -> None:
    """A rollback to an older image after a migration keeps serving."""
    url = f"sqlite:///{(tmp_path / 'ahead.db').as_posix()}"
    await asyncio.to_thread(upgrade, async_database_url(url))
    engine = create_async_engine(async_database_url(url))
    async with engine.begin() as connection:
        await connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    await engine.dispose()
    response = await _readyz(test_settings(url, tmp_path))
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["migration"], body["head"]) == ("ok", "9999", "0013")
