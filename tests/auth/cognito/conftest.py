"""The Cognito provider against moto's Cognito in server mode: an app signing users in there.

Every test here talks to a real `moto_server` process on loopback; the pool's keys are fetched
through `JwksProxy`, which counts the fetches and can publish keys of the tests' own.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from resumate.app import create_app
from resumate.config import Settings
from tests.auth.cognito.moto import JwksProxy, Pool, create_pool, moto_server
from tests.databases import empty_tables, test_settings
from tests.helpers import AppParts


@pytest.fixture(scope="session")
def moto() -> Iterator[str]:
    # moto takes any credentials; the app's admin calls need some to sign with.
    with pytest.MonkeyPatch.context() as env:
        env.setenv("AWS_ACCESS_KEY_ID", "testing")
        env.setenv("AWS_SECRET_ACCESS_KEY", "testing")
        env.delenv("AWS_PROFILE", raising=False)
        with moto_server() as url:
            yield url


@pytest.fixture(scope="session")
def pool(moto: str) -> Pool:
    return create_pool(moto, "resumate")


@pytest.fixture(scope="session")
def other_pool(moto: str) -> Pool:
    return create_pool(moto, "someone-else")


@pytest.fixture(scope="session")
def jwks(moto: str) -> Iterator[JwksProxy]:
    with JwksProxy(moto).serving() as proxy:
        yield proxy


@pytest.fixture(scope="session")
def settings(database_url: str, data_dir: Path, pool: Pool, jwks: JwksProxy) -> Settings:
    return test_settings(database_url, data_dir, auth=pool.settings(jwks.url(pool.pool_id)))


@pytest.fixture(scope="session")
async def app(settings: Settings) -> AsyncIterator[FastAPI]:
    application = create_app(settings)
    yield application
    await AppParts.of(application).close()


@pytest.fixture
def cognito_settings(
    database_url: str, data_dir: Path, pool: Pool, jwks: JwksProxy
) -> Callable[..., Settings]:
    """Settings for an app of a test's own, bound to `pool` with the given Cognito changes."""

    def build(target: Pool | None = None, **changes: object) -> Settings:
        bound = target or pool
        auth = bound.settings(jwks.url(bound.pool_id), **changes)
        return test_settings(database_url, data_dir, auth=auth)

    return build


@pytest.fixture(scope="session")
def strict_pool(moto: str) -> Pool:
    """A pool whose own password rules are stricter than the product's."""
    return create_pool(moto, "strict", require_uppercase=True)


@contextlib.asynccontextmanager
async def own_app(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """A client for an app of the test's own, shut down (pool, Cognito client) afterwards."""
    application = create_app(settings)
    context: AppParts = AppParts.of(application)
    transport = httpx.ASGITransport(app=application)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            yield client
    finally:
        await empty_tables(context.engine)
        await context.close()
