"""The built-in template sync, on a fresh database of its own: rows are added, never changed."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select

from resumate.app import create_app
from resumate.templates import builtin
from resumate.templates.builtin import sync_builtins
from resumate.templates.models import Template
from tests import databases
from tests.helpers import Account, AppParts, create_resume, sign_up


@pytest.fixture
def fresh_database(backend: str, tmp_path: Path) -> Iterator[str]:
    with databases.migrated_database(backend, tmp_path) as url:
        yield url


@pytest.fixture
async def fresh_app(fresh_database: str, tmp_path: Path) -> AsyncIterator[FastAPI]:
    app = create_app(databases.test_settings(fresh_database, tmp_path))
    yield app
    await AppParts.of(app).close()


@pytest.fixture
def fresh_context(fresh_app: FastAPI) -> AppParts:
    context: AppParts = AppParts.of(fresh_app)
    return context


@pytest.fixture
async def fresh_client(fresh_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=fresh_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


async def sync(context: AppParts) -> list[str]:
    async with context.sessionmaker.begin() as session:
        return [f"{t.slug} v{t.version}" for t in await sync_builtins(session)]


async def template_rows(context: AppParts) -> int:
    async with context.sessionmaker() as session:
        return await session.scalar(select(func.count()).select_from(Template)) or 0


def change_classic(monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = builtin.load_builtins()
    changed = [
        replace(b, css=b.css + "\nh1 { letter-spacing: 0.02em; }") if b.slug == "classic" else b
        for b in shipped
    ]
    monkeypatch.setattr(builtin, "load_builtins", lambda: changed)


async def classic(client: httpx.AsyncClient, account: Account) -> dict[str, object]:
    templates = (await client.get("/api/templates", headers=account.headers)).json()
    return dict(next(t for t in templates if t["slug"] == "classic"))


async def test_syncing_again_adds_nothing(fresh_context: AppParts) -> None:
    rows = await template_rows(fresh_context)
    assert rows >= 1
    assert await sync(fresh_context) == []
    assert await template_rows(fresh_context) == rows


async def test_changed_files_add_a_new_version_row(
    fresh_context: AppParts, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = await template_rows(fresh_context)
    change_classic(monkeypatch)
    assert await sync(fresh_context) == ["classic v2"]
    assert await sync(fresh_context) == []
    assert await template_rows(fresh_context) == rows + 1


async def test_a_resume_keeps_the_template_version_it_was_made_with(
    fresh_client: httpx.AsyncClient, fresh_context: AppParts, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = await sign_up(fresh_client)
    old = await classic(fresh_client, account)
    resume = await create_resume(fresh_client, account)
    assert resume["templateId"] == old["id"]

    change_classic(monkeypatch)
    await sync(fresh_context)

    new = await classic(fresh_client, account)
    assert (old["version"], new["version"]) == (1, 2)
    current = await fresh_client.get(f"/api/resumes/{resume['id']}", headers=account.headers)
    assert current.json()["templateId"] == old["id"]
    kept = await fresh_client.get(f"/api/templates/{old['id']}", headers=account.headers)
    assert kept.json() == old
    assert (await create_resume(fresh_client, account))["templateId"] == new["id"]
