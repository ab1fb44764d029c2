"""How often mail may be asked for: per address mailed and per client, so nobody floods an inbox.

Counted like sign-in attempts (`auth.throttle`): written first, then counted under the keys'
locks, in the same table and window, so a burst gets no more mail than the limit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resumate.auth.throttle import count_attempt
from resumate.config import AuthSettings

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
        await count_attempt(self.sessionmaker, limits, self.window, now, TOO_MANY)
