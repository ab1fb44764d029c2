"""Adding variants (migration 0011) keeps every resume and every saved version, both ways."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command

from resumate.config import async_database_url
from resumate.db import UTCDateTime, create_engine
from resumate.migrations import alembic_config
from tests.databases import migrated_database

NOW = datetime(2026, 12, 1, 9, tzinfo=UTC)
USERS = sa.table(
    "users",
    sa.column("id", sa.Uuid()),
    sa.column("email", sa.String()),
    sa.column("token_version", sa.Integer()),
    sa.column("created_at", UTCDateTime()),
    sa.column("updated_at", UTCDateTime()),
)
RESUMES = sa.table(
    "resumes",
    sa.column("id", sa.Uuid()),
    sa.column("owner_id", sa.Uuid()),
    sa.column("template_id", sa.Uuid()),
    sa.column("title", sa.String()),
    sa.column("data", sa.JSON()),
    sa.column("theme", sa.JSON()),
    sa.column("version", sa.Integer()),
    sa.column("created_at", UTCDateTime()),
    sa.column("updated_at", UTCDateTime()),
)
VERSIONS = sa.table(
    "resume_versions",
    sa.column("id", sa.Uuid()),
    sa.column("resume_id", sa.Uuid()),
    sa.column("template_id", sa.Uuid()),
    sa.column("title", sa.String()),
    sa.column("data", sa.JSON()),
    sa.column("theme", sa.JSON()),
    sa.column("version", sa.Integer()),
    sa.column("created_at", UTCDateTime()),
)


async def execute(url: str, *statements: tuple[sa.Executable, Any]) -> list[tuple[Any, ...]]:
    engine = create_engine(async_database_url(url))
    try:
        async with engine.begin() as connection:
            rows: list[tuple[Any, ...]] = []
            for statement, params in statements:
                result = await connection.execute(statement, params)
                rows = [tuple(row) for row in result] if result.returns_rows else []
            return rows
    finally:
        await engine.dispose()


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_resumes_and_their_history_survive_the_migration_up_and_down(
    kind: str, tmp_path: Path
) -> None:
    user, resume = uuid.uuid4(), uuid.uuid4()
    with migrated_database(kind, tmp_path) as url:
        config = alembic_config(async_database_url(url))
        command.downgrade(config, "0009")
        template = asyncio.run(execute(url, (sa.text("SELECT id FROM templates LIMIT 1"), None)))
        template_id = uuid.UUID(str(template[0][0]))
        common = {"template_id": template_id, "title": "Nurse", "theme": {}, "created_at": NOW}
        account = {"id": user, "email": "a@example.com", "token_version": 0}
        stored = common | {"id": resume, "owner_id": user, "version": 2, "data": {}}
        history = [
            common | {"id": uuid.uuid4(), "resume_id": resume, "version": n, "data": {"n": n}}
            for n in (1, 2)
        ]
        asyncio.run(
            execute(
                url,
                (USERS.insert(), [account | {"created_at": NOW, "updated_at": NOW}]),
                (RESUMES.insert(), [stored | {"updated_at": NOW}]),
                (VERSIONS.insert(), history),
            )
        )
        count = (sa.text("SELECT count(*) FROM resume_versions"), None)
        command.upgrade(config, "head")
        after_upgrade = asyncio.run(execute(url, count))
        master = asyncio.run(execute(url, (sa.text("SELECT master_id, job FROM resumes"), None)))
        command.downgrade(config, "0009")
        after_downgrade = asyncio.run(execute(url, count))
    assert after_upgrade == after_downgrade == [(2,)]
    assert master == [(None, None)]
