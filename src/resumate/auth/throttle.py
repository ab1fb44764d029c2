"""Sign-in throttling per account and per client address, stored in the database.

Kept in the database rather than in memory so every replica behind the load balancer sees the
same counts. Each attempt is counted *before* its password is checked: `reserve` writes the
attempt and counts in one transaction that concurrent attempts on the same key take in turn
(PostgreSQL: a transaction-scoped advisory lock per key; SQLite: its single writer), so a burst
of parallel sign-ins gets no more password checks than the limit. A wrong password leaves its
reservation standing as the failure; a right one takes it back.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resumate.auth.repository import LoginFailureRepository
from resumate.config import AuthSettings
from resumate.errors import TooManyRequests

TOO_MANY = "Too many sign-in attempts. Wait a little and try again."


@dataclass(frozen=True)
class Reservation:
    """An attempt counted against its keys; its rows are the failure if the password is wrong."""

    # The key whose every failure a success clears (the account's), if the attempt named one.
    clears: str | None
    keys: tuple[str, ...]
    ids: tuple[uuid.UUID, ...]


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

    async def reserve(self, email: str, address: str, now: datetime) -> Reservation:
        """Count this attempt, or refuse it with 429 and Retry-After if a key has none left.

        The attempt is written first and the count taken after, under the keys' locks, so two
        concurrent attempts never both see the last free place.
        """
        return await self._reserve(self._limits(email, address), f"account:{email}", now)

    async def reserve_address(self, address: str, now: datetime) -> Reservation:
        """Count a sign-in attempt that names no account (a passkey) against its address."""
        return await self._reserve([(f"address:{address}", self.per_address)], None, now)

    async def reserve_second_factor(self, user_id: uuid.UUID, now: datetime) -> Reservation:
        """Count a second-factor code, per account, with the same limit as passwords."""
        key = f"second-factor:{user_id}"
        return await self._reserve([(key, self.per_account)], key, now)

    async def _reserve(
        self, limits: list[tuple[str, int]], clears: str | None, now: datetime
    ) -> Reservation:
        ids = await count_attempt(self.sessionmaker, limits, self.window, now, TOO_MANY)
        return Reservation(clears=clears, keys=tuple(key for key, _ in limits), ids=ids)

    async def succeeded(self, session: AsyncSession, reservation: Reservation) -> None:
        """Take the attempt back and clear the account's failures, in the caller's transaction.

        Under the keys' locks like `reserve`, so concurrent sign-ins never delete each other's
        rows crosswise (a deadlock on PostgreSQL).
        """
        failures = LoginFailureRepository(session)
        await failures.lock(sorted(reservation.keys))
        await failures.remove(reservation.ids, also_key=reservation.clears)

    async def withdraw(self, reservation: Reservation) -> None:
        """Take back an attempt that was refused for another reason than its password."""
        async with self.sessionmaker.begin() as session:
            await LoginFailureRepository(session).remove(reservation.ids)

    async def forget_account(self, session: AsyncSession, email: str) -> None:
        """Clear the account's failures as part of the caller's transaction."""
        await LoginFailureRepository(session).clear(f"account:{email}")


async def count_attempt(
    sessionmaker: async_sessionmaker[AsyncSession],
    limits: list[tuple[str, int]],
    window: timedelta,
    now: datetime,
    refusal: str,
) -> tuple[uuid.UUID, ...]:
    """Count one attempt under each `(key, limit)`, or refuse it with 429 and Retry-After.

    Written, then counted, under the keys' locks in one transaction, so a burst gets no more
    than the limit; a refused attempt is rolled back, so it is not counted. The rows' ids.
    """
    async with sessionmaker.begin() as session:
        attempts = LoginFailureRepository(session)
        await attempts.lock(sorted(key for key, _ in limits))
        ids = tuple([await attempts.add(key, now) for key, _ in limits])
        for key, limit in limits:
            recent = await attempts.recent(key, now - window, limit + 1)
            if len(recent) > limit:
                wait = (recent[0] + window - now).total_seconds()
                raise TooManyRequests(refusal, retry_after=max(1, math.ceil(wait)))
        await attempts.prune(now - window)
    return ids


@dataclass(frozen=True)
class MailLimit:
    """Mail asked for, counted per address it goes to and per client asking, so nobody can
    flood an inbox. Counted whether or not an account uses the address, so a refusal says
    nothing about who has one; the rows share the sign-in throttle's table, window and pruning.
    """

    sessionmaker: async_sessionmaker[AsyncSession]
    window: timedelta
    per_email: int
    per_client: int
    # The keys' prefixes, one per kind of mail, and what a refused request is told.
    email_key: str
    client_key: str
    refusal: str

    async def take(self, email: str, client: str, now: datetime) -> None:
        """Count one mail to `email` asked for by `client`, or refuse with 429 and Retry-After."""
        limits = [
            (f"{self.email_key}:{email}", self.per_email),
            (f"{self.client_key}:{client}", self.per_client),
        ]
        await count_attempt(self.sessionmaker, limits, self.window, now, self.refusal)
