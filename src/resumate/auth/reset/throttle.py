"""Reset requests counted per address asked about and per client, so nobody can mail-bomb.

The counts share the sign-in throttle's table and window (each row is one request under a
`reset-…` key). A request is counted whether or not an account uses the address, so being
refused says nothing about who has an account.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resumate.auth.throttle import count_attempt
from resumate.config import AuthSettings

TOO_MANY = "Too many reset requests. Wait a little before asking again."


@dataclass(frozen=True)
class ResetThrottle:
    sessionmaker: async_sessionmaker[AsyncSession]
    window: timedelta
    per_email: int
    per_address: int

    @classmethod
    def from_settings(
        cls, sessionmaker: async_sessionmaker[AsyncSession], settings: AuthSettings
    ) -> ResetThrottle:
        return cls(
            sessionmaker=sessionmaker,
            window=timedelta(seconds=settings.throttle_window_seconds),
            per_email=settings.reset_per_email,
            per_address=settings.reset_per_address,
        )

    async def count(self, email: str, address: str, now: datetime) -> None:
        """Count the request, or refuse it with 429 and Retry-After (then it is not counted)."""
        limits = [
            (f"reset-email:{email}", self.per_email),
            (f"reset-address:{address}", self.per_address),
        ]
        await count_attempt(self.sessionmaker, limits, self.window, now, TOO_MANY)
