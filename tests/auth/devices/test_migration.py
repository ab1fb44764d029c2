"""Sessions open before the devices table existed are listed once it does."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.script import ScriptDirectory

from resumate.config import async_database_url
from resumate.db import UTCDateTime, create_engine
from resumate.migrations import HERE, alembic_config
from tests.databases import migrated_database

USERS = sa.table(
    "users",
    sa.column("id", sa.Uuid()),
    sa.column("email", sa.String()),
    sa.column("token_version", sa.Integer()),
    sa.column("created_at", UTCDateTime()),
    sa.column("updated_at", UTCDateTime()),
)
TOKENS = sa.table(
    "refresh_tokens",
    sa.column("id", sa.Uuid()),
    sa.column("user_id", sa.Uuid()),
    sa.column("family_id", sa.Uuid()),
    sa.column("token_hash", sa.String()),
    sa.column("created_at", UTCDateTime()),
    sa.column("expires_at", UTCDateTime()),
    sa.column("used_at", UTCDateTime()),
    sa.column("revoked_at", UTCDateTime()),
)
DEVICES = sa.table(
    "device_sessions",
    sa.column("id", sa.Uuid()),
    sa.column("created_at", UTCDateTime()),
    sa.column("last_used_at", UTCDateTime()),
    sa.column("address", sa.String()),
)
START = datetime(2026, 12, 1, 9, tzinfo=UTC)


def token(user: uuid.UUID, family: uuid.UUID, minutes: int, **rest: object) -> dict[str, Any]:
    created = START + timedelta(minutes=minutes)
    return {
        "id": uuid.uuid4(),
        "user_id": user,
        "family_id": family,
        "token_hash": uuid.uuid4().hex,
        "created_at": created,
        "expires_at": created + timedelta(days=30),
        "used_at": None,
        "revoked_at": None,
    } | rest


async def execute(
    url: str, statement: sa.Executable, rows: list[dict[str, Any]] | None = None
) -> list[tuple[Any, ...]]:
    engine = create_engine(async_database_url(url))
    try:
        async with engine.begin() as connection:
            result = await connection.execute(statement, rows)
            return [tuple(row) for row in result] if result.returns_rows else []
    finally:
        await engine.dispose()


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_open_sessions_get_a_row_and_ended_ones_none(kind: str, tmp_path: Path) -> None:
    user, live, ended = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    before = ScriptDirectory(str(HERE)).get_revision("0006").down_revision
    assert isinstance(before, str)
    with migrated_database(kind, tmp_path) as url:
        config = alembic_config(async_database_url(url))
        command.downgrade(config, before)
        account = {"id": user, "email": "a@example.com", "token_version": 0}
        account |= {"created_at": START, "updated_at": START}
        asyncio.run(execute(url, USERS.insert(), [account]))
        tokens = [
            token(user, live, 0, used_at=START + timedelta(minutes=15)),
            token(user, live, 15),
            token(user, ended, 5, revoked_at=START + timedelta(minutes=6)),
        ]
        asyncio.run(execute(url, TOKENS.insert(), tokens))
        command.upgrade(config, "head")
        rows = asyncio.run(execute(url, sa.select(DEVICES)))
    assert rows == [
        (live, START, START + timedelta(minutes=15), ""),
    ]
