"""Test databases: a fresh SQLite file or a fresh PostgreSQL database, built by the migrations."""

from __future__ import annotations

import asyncio
import os
import subprocess
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path

import httpx
from sqlalchemy import make_url, text
from sqlalchemy.ext.asyncio import AsyncEngine

from resumate.app import create_app
from resumate.cli import upgrade_database
from resumate.config import Settings, async_database_url
from resumate.db import create_engine
from tests.helpers import AppParts

ROOT = Path(__file__).resolve().parents[1]
TABLES_TO_EMPTY = (
    "sent_records",
    "share_visits",
    "shares",
    "ai_usage",
    "ai_user_providers",
    "passkey_challenges",
    "passkeys",
    "file_deletions",
    "pending_sign_ins",
    "recovery_codes",
    "totp_factors",
    "resume_versions",
    "resumes",
    "device_sessions",
    "email_confirmations",
    "refresh_tokens",
    "password_resets",
    "login_failures",
    "users",
)


def service_setting(name: str) -> str:
    """A RESUMATE_TEST_* setting of the real services, starting them when it is not set."""
    if not os.environ.get(name):
        started = subprocess.run(
            [str(ROOT / "scripts" / "services.sh"), "start"],
            check=True,
            capture_output=True,
            text=True,
        )
        for line in started.stdout.splitlines():
            key, _, value = line.removeprefix("export ").partition("=")
            if line.startswith("export ") and key.startswith("RESUMATE_TEST_"):
                os.environ[key] = value
    setting = os.environ.get(name)
    if not setting:
        raise RuntimeError(f"scripts/services.sh did not report {name}")
    return setting


def postgres_server_url() -> str:
    """The test PostgreSQL server's admin URL."""
    return service_setting("RESUMATE_TEST_DATABASE_URL")


@asynccontextmanager
async def app_client(
    settings: Settings, peer: tuple[str, int] = ("127.0.0.1", 123)
) -> AsyncIterator[httpx.AsyncClient]:
    """A client for an app of its own, closed down (browser, storage, pool) afterwards.

    `peer` is the address the app sees the connection come from (a load balancer's, say).
    """
    app = create_app(settings)
    context: AppParts = AppParts.of(app)
    transport = httpx.ASGITransport(app=app, client=peer)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            yield client
    finally:
        await context.close()


async def _admin(server_url: str, statement: str) -> None:
    engine = create_engine(async_database_url(server_url))
    try:
        async with engine.connect() as connection:
            await connection.execution_options(isolation_level="AUTOCOMMIT")
            await connection.execute(text(statement))
    finally:
        await engine.dispose()


@contextmanager
def postgres_database() -> Iterator[str]:
    server = make_url(postgres_server_url())
    name = f"resumate_test_{uuid.uuid4().hex[:12]}"
    asyncio.run(_admin(server.render_as_string(hide_password=False), f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        asyncio.run(
            _admin(
                server.render_as_string(hide_password=False),
                f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',
            )
        )


@contextmanager
def migrated_database(backend: str, data_dir: Path) -> Iterator[str]:
    """A database of the given backend, at the newest migration with built-in templates."""
    if backend == "sqlite":
        url = f"sqlite:///{(data_dir / 'test.db').as_posix()}"
        upgrade_database(test_settings(url, data_dir))
        yield url
        return
    with postgres_database() as url:
        upgrade_database(test_settings(url, data_dir))
        yield url


def test_settings(database_url: str, data_dir: Path, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "env": "test",
        "data_dir": data_dir,
        "database": {"url": database_url},
    }
    values.update(overrides)
    return Settings.model_validate(values)


test_settings.__test__ = False  # type: ignore[attr-defined]  # a helper, not a test


async def empty_tables(engine: AsyncEngine) -> None:
    """Remove what a test wrote, keeping the schema and the built-in templates."""
    async with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            await connection.execute(text(f"TRUNCATE {', '.join(TABLES_TO_EMPTY)} CASCADE"))
        else:
            for table in TABLES_TO_EMPTY:
                await connection.execute(text(f"DELETE FROM {table}"))  # noqa: S608
