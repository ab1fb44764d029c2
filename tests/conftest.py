"""Shared fixtures: every API test runs on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from resumate.app import create_app
from resumate.config import RenderSettings, Settings
from resumate.rendering.renderer import RenderedPdf, Renderer
from tests.databases import empty_tables, migrated_database, test_settings
from tests.helpers import AppParts
from tests.mailbox import Received, read_outbox
from tests.pages import PageClient, RecordRenders, Rendered
from tests.pdfs import assert_readable

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    with migrated_database(request.param, tmp_path_factory.mktemp(request.param)) as url:
        yield url


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("data")


@pytest.fixture(scope="session")
def settings(database_url: str, data_dir: Path) -> Settings:
    return test_settings(database_url, data_dir)


@pytest.fixture(scope="session")
async def app(settings: Settings) -> AsyncIterator[FastAPI]:
    application = create_app(settings)
    yield application
    await AppParts.of(application).close()


@pytest.fixture
async def context(app: FastAPI) -> AsyncIterator[AppParts]:
    """The app's shared context; whatever the test wrote is removed afterwards."""
    ctx = AppParts.of(app)
    yield ctx
    # Mail jobs still running would write into the next test's tables.
    await ctx.postbox.drain()
    await empty_tables(ctx.engine)


@pytest.fixture
async def client(app: FastAPI, context: AppParts) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


@pytest.fixture
def backend(database_url: str) -> str:
    return "sqlite" if database_url.startswith("sqlite") else "postgresql"


@pytest.fixture(scope="session")
async def renderer(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Renderer]:
    """One warm Chromium for tests that print without an app, as the app keeps one per process."""
    chromium = Renderer(RenderSettings(), tmp_path_factory.mktemp("renderer"))
    yield chromium
    await chromium.close()


@pytest.fixture
async def pages(app: FastAPI, context: AppParts) -> AsyncIterator[PageClient]:
    """A client for the pages that records each template render."""
    rendered: list[Rendered] = []
    transport = httpx.ASGITransport(app=RecordRenders(app, rendered))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield PageClient(http, rendered)


@pytest.fixture(scope="session", autouse=True)
def every_pdf_is_readable() -> Iterator[None]:
    """Every PDF any test prints is checked as a reader and a parser meet it (`assert_readable`),
    whatever the test itself looks at."""
    printing = Renderer.pdf

    async def checked(self: Renderer, html: str, *, title: str, author: str) -> RenderedPdf:
        printed = await printing(self, html, title=title, author=author)
        assert_readable(printed.data)
        return printed

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Renderer, "pdf", checked)
        yield


@pytest.fixture
def read_mail(context: AppParts) -> Callable[[str], Awaitable[list[Received]]]:
    """What the app's outbox holds for an address, oldest first, once posted mail is sent."""

    async def read(to: str) -> list[Received]:
        await context.postbox.drain()
        return read_outbox(context.settings.outbox_dir, to)

    return read
