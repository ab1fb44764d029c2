"""Each person's daily token budget and calls per minute, shared by every replica.

A call reserves its prompt's estimate plus its output limit before it starts, in one
conditional statement that also counts the call against the minute, and settles to what it
really used when it ends (answered, failed or cancelled). Parallel requests therefore never
spend more than the budget or make more calls than the limit between them.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resumate.ai.errors import AIRateLimited, BudgetSpent
from resumate.ai.generation.repository import UsageRepository
from resumate.config import AISettings
from resumate.db import utcnow


@dataclass(frozen=True)
class Reservation:
    user_id: uuid.UUID
    day: date
    tokens: int


@dataclass(frozen=True)
class Budget:
    sessionmaker: async_sessionmaker[AsyncSession]
    daily_tokens: int
    calls_per_minute: int

    @classmethod
    def from_settings(
        cls, sessionmaker: async_sessionmaker[AsyncSession], settings: AISettings
    ) -> Budget:
        return cls(sessionmaker, settings.daily_tokens_per_user, settings.calls_per_minute)

    async def reserve(
        self, user_id: uuid.UUID, tokens: int, now: datetime | None = None
    ) -> Reservation:
        """Hold `tokens` of today's budget for one call; 429 when the minute or the day is full."""
        now = now or utcnow()
        day, minute = now.date(), int(now.timestamp()) // 60
        async with self.sessionmaker.begin() as session:
            usage = UsageRepository(session)
            await usage.ensure(user_id, day)
            taken = await usage.take(
                user_id,
                day,
                tokens=tokens,
                budget=self.daily_tokens,
                minute=minute,
                per_minute=self.calls_per_minute,
            )
            row = None if taken else await usage.get(user_id, day)
        if taken:
            return Reservation(user_id, day, tokens)
        if row is not None and row.minute == minute and row.minute_calls >= self.calls_per_minute:
            raise AIRateLimited(retry_after=max(1, 60 - now.second))
        midnight = datetime.combine(day + timedelta(days=1), datetime.min.time(), now.tzinfo)
        raise BudgetSpent(retry_after=max(1, math.ceil((midnight - now).total_seconds())))

    async def settle(self, reservation: Reservation, used: int) -> None:
        """Count what the call really used instead of what it reserved."""
        async with self.sessionmaker.begin() as session:
            await UsageRepository(session).adjust(
                reservation.user_id, reservation.day, max(0, used) - reservation.tokens
            )

    async def used_today(self, user_id: uuid.UUID, now: datetime | None = None) -> int:
        async with self.sessionmaker() as session:
            row = await UsageRepository(session).get(user_id, (now or utcnow()).date())
            return row.tokens if row is not None else 0


def estimate_tokens(text: str) -> int:
    """An upper estimate of a text's tokens before a tokenizer sees it (about 3 characters each)."""
    return len(text) // 3 + 1
