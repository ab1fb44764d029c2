"""Queries for passkeys and their challenges."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from resumate.auth.passkeys.models import Passkey, PasskeyChallenge

# Expired challenges deleted each time one is made: more than are made, so the table stays
# as small as five minutes of ceremonies.
PRUNE_BATCH = 100


class PasskeyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def of_user(self, user_id: uuid.UUID) -> list[Passkey]:
        rows = await self.session.scalars(
            select(Passkey).where(Passkey.user_id == user_id).order_by(Passkey.created_at)
        )
        return list(rows)

    async def count(self, user_id: uuid.UUID) -> int:
        total = await self.session.scalar(
            select(func.count()).select_from(Passkey).where(Passkey.user_id == user_id)
        )
        return int(total or 0)

    async def owned(self, user_id: uuid.UUID, passkey_id: uuid.UUID) -> Passkey | None:
        """The user's own passkey; another user's is as missing as one that does not exist."""
        return await self.session.scalar(
            select(Passkey).where(Passkey.id == passkey_id, Passkey.user_id == user_id)
        )

    async def by_credential_id(self, credential_id: bytes) -> Passkey | None:
        return await self.session.scalar(
            select(Passkey).where(Passkey.credential_id == credential_id)
        )

    async def add(self, passkey: Passkey) -> Passkey:
        self.session.add(passkey)
        await self.session.flush()
        return passkey

    async def delete(self, passkey: Passkey) -> None:
        await self.session.delete(passkey)
        await self.session.flush()

    async def record_use(self, passkey_id: uuid.UUID, sign_count: int, now: datetime) -> bool:
        """Move the counter forward; False when it did not (a concurrent or copied use)."""
        moved = (Passkey.sign_count < sign_count) if sign_count else Passkey.sign_count == 0
        result = await self.session.execute(
            update(Passkey)
            .where(Passkey.id == passkey_id, moved)
            .values(sign_count=sign_count, last_used_at=now)
        )
        return bool(getattr(result, "rowcount", 0))


class ChallengeRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, challenge: PasskeyChallenge, now: datetime) -> None:
        expired = (
            select(PasskeyChallenge.id)
            .where(PasskeyChallenge.expires_at < now)
            .limit(PRUNE_BATCH)
            .with_for_update(skip_locked=True)
        )
        await self.session.execute(delete(PasskeyChallenge).where(PasskeyChallenge.id.in_(expired)))
        self.session.add(challenge)
        await self.session.flush()

    async def take(
        self, challenge_hash: str, purpose: str, now: datetime
    ) -> PasskeyChallenge | None:
        """Delete the live challenge and return it: once only, and only before it expires."""
        taken = await self.session.scalars(
            delete(PasskeyChallenge)
            .where(
                PasskeyChallenge.challenge_hash == challenge_hash,
                PasskeyChallenge.purpose == purpose,
                PasskeyChallenge.expires_at > now,
            )
            .returning(PasskeyChallenge)
        )
        return taken.first()
