"""Queries for second factors; the spends are single statements that only one request wins."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ColumnElement, delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from resumate.auth.twofactor.models import PendingSignIn, RecoveryCode, TotpFactor


def _changed(result: object) -> bool:
    return bool(getattr(result, "rowcount", 0))


class TotpRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def of(self, user_id: uuid.UUID) -> TotpFactor | None:
        return await self.session.get(TotpFactor, user_id)

    async def start(self, user_id: uuid.UUID, sealed: str, now: datetime) -> TotpFactor:
        """A new set-up (not enabled yet), in place of any earlier one."""
        factor = await self.of(user_id)
        if factor is None:
            factor = TotpFactor(user_id=user_id)
            self.session.add(factor)
        factor.secret_encrypted = sealed
        factor.created_at = now
        factor.enabled_at = None
        factor.last_step = None
        await self.session.flush()
        return factor

    async def enable(self, user_id: uuid.UUID, step: int, now: datetime) -> bool:
        """Confirm a set-up with the step of its first code: False if already enabled."""
        result = await self.session.execute(
            update(TotpFactor)
            .where(TotpFactor.user_id == user_id, TotpFactor.enabled_at.is_(None))
            .values(enabled_at=now, last_step=step)
        )
        return _changed(result)

    async def spend_step(self, user_id: uuid.UUID, step: int) -> bool:
        """Accept a code of `step` once: False when it, or a later one, was accepted before."""
        result = await self.session.execute(
            update(TotpFactor)
            .where(
                TotpFactor.user_id == user_id,
                TotpFactor.enabled_at.is_not(None),
                or_(TotpFactor.last_step.is_(None), TotpFactor.last_step < step),
            )
            .values(last_step=step)
        )
        return _changed(result)

    async def remove(self, user_id: uuid.UUID) -> None:
        await self.session.execute(delete(TotpFactor).where(TotpFactor.user_id == user_id))


class RecoveryCodeRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def replace(self, user_id: uuid.UUID, hashes: list[str], now: datetime) -> None:
        """The old set dies with the new one."""
        await self.remove(user_id)
        self.session.add_all(
            [RecoveryCode(user_id=user_id, code_hash=h, created_at=now) for h in hashes]
        )
        await self.session.flush()

    async def left(self, user_id: uuid.UUID) -> int:
        count = await self.session.scalar(
            select(func.count())
            .select_from(RecoveryCode)
            .where(RecoveryCode.user_id == user_id, RecoveryCode.used_at.is_(None))
        )
        return int(count or 0)

    async def spend(self, user_id: uuid.UUID, code_hash: str, now: datetime) -> bool:
        result = await self.session.execute(
            update(RecoveryCode)
            .where(
                RecoveryCode.user_id == user_id,
                RecoveryCode.code_hash == code_hash,
                RecoveryCode.used_at.is_(None),
            )
            .values(used_at=now)
        )
        return _changed(result)

    async def remove(self, user_id: uuid.UUID) -> None:
        await self.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user_id))


class PendingSignInRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, pending: PendingSignIn) -> None:
        self.session.add(pending)
        await self.session.flush()

    async def by_hash(self, token_hash: str) -> PendingSignIn | None:
        return await self.session.scalar(
            select(PendingSignIn).where(PendingSignIn.token_hash == token_hash)
        )

    async def spend(self, pending_id: uuid.UUID, now: datetime) -> bool:
        """Use a pending sign-in once: False when another request used it first."""
        result = await self.session.execute(
            update(PendingSignIn)
            .where(
                PendingSignIn.id == pending_id,
                PendingSignIn.used_at.is_(None),
                PendingSignIn.expires_at > now,
            )
            .values(used_at=now)
        )
        return _changed(result)

    async def prune(self, user_id: uuid.UUID, now: datetime) -> None:
        """Forget the account's spent and expired pending sign-ins."""
        await self.session.execute(
            delete(PendingSignIn).where(PendingSignIn.user_id == user_id, _finished(now))
        )

    async def prune_all(self, now: datetime) -> int:
        """Forget every account's spent and expired pending sign-ins; how many."""
        result = await self.session.execute(delete(PendingSignIn).where(_finished(now)))
        return int(getattr(result, "rowcount", 0) or 0)


def _finished(now: datetime) -> ColumnElement[bool]:
    return or_(PendingSignIn.used_at.is_not(None), PendingSignIn.expires_at <= now)
