"""Queries for pending file deletions."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from resumate.resumes.cleanup.models import FileDeletion


class FileDeletionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def record(self, prefixes: Sequence[str]) -> list[uuid.UUID]:
        pending = [FileDeletion(id=uuid.uuid4(), prefix=prefix) for prefix in prefixes]
        self.session.add_all(pending)
        await self.session.flush()
        return [deletion.id for deletion in pending]

    async def due(self, now: datetime, limit: int) -> list[FileDeletion]:
        """The deletions whose next attempt is due, oldest first."""
        rows = await self.session.scalars(
            select(FileDeletion)
            .where(FileDeletion.next_attempt_at <= now)
            .order_by(FileDeletion.next_attempt_at)
            .limit(limit)
        )
        return list(rows)

    async def done(self, ids: Sequence[uuid.UUID]) -> None:
        if ids:
            await self.session.execute(delete(FileDeletion).where(FileDeletion.id.in_(ids)))

    async def postpone(self, deletion_id: uuid.UUID, attempts: int, until: datetime) -> None:
        await self.session.execute(
            update(FileDeletion)
            .where(FileDeletion.id == deletion_id)
            .values(attempts=attempts, next_attempt_at=until)
        )
