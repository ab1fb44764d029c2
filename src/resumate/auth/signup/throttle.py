"""How often mail may be asked for: per address mailed and per client, so nobody floods an inbox.

Counted like sign-in attempts (`auth.throttle`): written first, then counted under the keys'
locks, in the same table and window, so a burst gets no more mail than the limit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resumate.auth.repository import LoginFailureRepository
from resumate.config import AuthSettings
from resumate.errors import TooManyRequests

TOO_MANY = "Too many e-mails asked for. Wait a little and try again."


@dataclass(frozen=True)
class MailThrottle:
    sessionmaker: async_sessionmaker[AsyncSession]
    window: timedelta
    per_email: int
    per_client: int

    @classmethod
    def from_settings(
        cls, sessionmaker: async_sessionmaker[AsyncSession], settings: AuthSettings
    ) -> MailThrottle:
        return cls(
            sessionmaker=sessionmaker,
            # The sign-in throttle's window: its pruning removes what is older.
            window=timedelta(seconds=settings.throttle_window_seconds),
            per_email=settings.mail_per_email,
            per_client=settings.mail_per_client,
        )

    async def take(self, email: str, client: str, now: datetime) -> None:
        """Count one mail to `email` asked for by `client`, or refuse with 429 and Retry-After."""
        limits = [(f"mail-to:{email}", self.per_email), (f"mail-from:{client}", self.per_client)]
        async with self.sessionmaker.begin() as session:
            attempts = LoginFailureRepository(session)
            await attempts.lock(sorted(key for key, _ in limits))
            for key, _ in limits:
                await attempts.add(key, now)
            for key, limit in limits:
                recent = await attempts.recent(key, now - self.window, limit + 1)
                if len(recent) > limit:
                    wait = (recent[0] + self.window - now).total_seconds()
                    # Leaving the block rolls the request back: a refused one is not counted.
                    raise TooManyRequests(TOO_MANY, retry_after=max(1, math.ceil(wait)))
