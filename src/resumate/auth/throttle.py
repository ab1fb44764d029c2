"""Sign-in throttling per account and per client address, stored in the database.

Kept in the database rather than in memory so every replica behind the load balancer sees the
same counts. Failures are written in their own transaction: the request that records one fails.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resumate.auth.repository import LoginFailureRepository
from resumate.config import AuthSettings
from resumate.errors import TooManyRequests


@dataclass(frozen=True)
class LoginThrottle:
    sessionmaker: async_sessionmaker[AsyncSession]
    window: timedelta
    per_account: int
    per_address: int

    @classmethod
    def from_settings(
        cls, sessionmaker: async_sessionmaker[AsyncSession], settings: AuthSettings
    ) -> LoginThrottle:
        return cls(
            sessionmaker=sessionmaker,
            window=timedelta(seconds=settings.throttle_window_seconds),
            per_account=settings.throttle_per_account,
            per_address=settings.throttle_per_address,
        )

    def _limits(self, email: str, address: str) -> list[tuple[str, int]]:
        return [(f"account:{email}", self.per_account), (f"address:{address}", self.per_address)]

    async def check(self, email: str, address: str, now: datetime) -> None:
        """Refuse with 429 and Retry-After while either key has used up its failures."""
        async with self.sessionmaker() as session:
            failures = LoginFailureRepository(session)
            for key, limit in self._limits(email, address):
                recent = await failures.recent(key, now - self.window, limit)
                if len(recent) >= limit:
                    wait = (recent[0] + self.window - now).total_seconds()
                    raise TooManyRequests(
                        "Too many sign-in attempts. Wait a little and try again.",
                        retry_after=max(1, math.ceil(wait)),
                    )

    async def record_failure(self, email: str, address: str, now: datetime) -> None:
        async with self.sessionmaker.begin() as session:
            failures = LoginFailureRepository(session)
            for key, _ in self._limits(email, address):
                await failures.add(key, now)
            await failures.prune(now - self.window)

    async def forget_account(self, session: AsyncSession, email: str) -> None:
        """Clear the account's failures as part of the caller's (successful) transaction."""
        await LoginFailureRepository(session).clear(f"account:{email}")
