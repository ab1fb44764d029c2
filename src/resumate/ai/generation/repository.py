"""The usage rows: reserved and settled with single conditional statements, so parallel
requests never both take the last token or the last call of a minute."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import case, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from resumate.ai.generation.models import AIUsage


class UsageRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def ensure(self, user_id: uuid.UUID, day: date) -> None:
        """The day's row, created empty unless another request made it first."""
        values = {"user_id": user_id, "day": day, "tokens": 0, "calls": 0, "minute": 0}
        values["minute_calls"] = 0
        dialect = self.session.get_bind().dialect.name
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        await self.session.execute(insert(AIUsage).values(values).on_conflict_do_nothing())

    async def take(
        self,
        user_id: uuid.UUID,
        day: date,
        *,
        tokens: int,
        budget: int,
        minute: int,
        per_minute: int,
    ) -> bool:
        """Count one call of up to `tokens`, if the day's budget and the minute's calls allow."""
        row = (AIUsage.user_id == user_id) & (AIUsage.day == day)
        result = await self.session.execute(
            update(AIUsage)
            .where(
                row,
                (AIUsage.minute != minute) | (AIUsage.minute_calls < per_minute),
                AIUsage.tokens + tokens <= budget,
            )
            .values(
                tokens=AIUsage.tokens + tokens,
                calls=AIUsage.calls + 1,
                minute_calls=case((AIUsage.minute == minute, AIUsage.minute_calls + 1), else_=1),
                minute=minute,
            )
            .execution_options(synchronize_session=False)
        )
        return bool(getattr(result, "rowcount", 0))

    async def get(self, user_id: uuid.UUID, day: date) -> AIUsage | None:
        return await self.session.scalar(
            select(AIUsage).where(AIUsage.user_id == user_id, AIUsage.day == day)
        )

    async def adjust(self, user_id: uuid.UUID, day: date, tokens: int) -> None:
        """Add `tokens` (negative gives back) to the day's count."""
        await self.session.execute(
            update(AIUsage)
            .where(AIUsage.user_id == user_id, AIUsage.day == day)
            .values(tokens=AIUsage.tokens + tokens)
            .execution_options(synchronize_session=False)
        )
