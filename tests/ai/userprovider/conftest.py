"""An app that lets people bring their own model (the shared one does not), on the same database."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from resumate.app import create_app
from tests.databases import test_settings
from tests.helpers import AppParts
from tests.pages import PageClient, RecordRenders, Rendered


@pytest.fixture(scope="session")
async def allowing_app(database_url: str, data_dir: Path) -> AsyncIterator[FastAPI]:
    settings = test_settings(database_url, data_dir, ai={"allow_user_providers": True})
    application = create_app(settings)
    yield application
    await AppParts.of(application).close()


@pytest.fixture
async def allowed(allowing_app: FastAPI, context: AppParts) -> AsyncIterator[httpx.AsyncClient]:
    """A client of that app; `context` empties the shared tables afterwards."""
    transport = httpx.ASGITransport(app=allowing_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


@pytest.fixture
async def allowed_pages(allowing_app: FastAPI, context: AppParts) -> AsyncIterator[PageClient]:
    rendered: list[Rendered] = []
    transport = httpx.ASGITransport(app=RecordRenders(allowing_app, rendered))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield PageClient(http, rendered)
