"""Queries for users, refresh tokens and login failures."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from resumate.auth.models import LoginFailure, RefreshToken, User


class UserRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, user_id: uuid.UUID) -> User | None:
        return await self.session.get(User, user_id)

    async def current(self, condition: ColumnElement[bool], params: dict[str, Any]) -> User | None:
        """The user an identity's condition picks, while its token is still good."""
        return await self.session.scalar(select(User).where(condition), params)

    async def by_email(self, email: str) -> User | None:
        return await self.session.scalar(select(User).where(User.email == email))

    async def by_external_subject(self, subject: str) -> User | None:
        return await self.session.scalar(select(User).where(User.external_subject == subject))

    async def add(self, user: User) -> User:
        self.session.add(user)
        await self.session.flush()
        return user

    async def delete(self, user: User) -> None:
        await self.session.delete(user)
        await self.session.flush()


class RefreshTokenRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def by_hash(self, token_hash: str) -> RefreshToken | None:
        return await self.session.scalar(
            select(RefreshToken).where(RefreshToken.token_hash == token_hash)
        )

    async def add(self, token: RefreshToken) -> None:
        self.session.add(token)
        await self.session.flush()

    async def mark_used(self, token_id: uuid.UUID, now: datetime) -> bool:
        """Spend a token once: False when another request spent it first."""
        result = await self.session.execute(
            update(RefreshToken)
            .where(RefreshToken.id == token_id, RefreshToken.used_at.is_(None))
            .values(used_at=now)
        )
        return bool(getattr(result, "rowcount", 0))

    async def revoke_family(self, family_id: uuid.UUID, now: datetime) -> None:
        await self.session.execute(
            update(RefreshToken)
            .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
            .values(revoked_at=now)
        )

    async def revoke_all_for_user(self, user_id: uuid.UUID, now: datetime) -> None:
        await self.session.execute(
            update(RefreshToken)
            .where(RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None))
            .values(revoked_at=now)
        )


# Expired failures deleted per sign-in attempt: more than attempts can add, so the table stays
# as small as the window, while no attempt pays for a large backlog at once.
PRUNE_BATCH = 100


class LoginFailureRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def recent(self, key: str, since: datetime, limit: int) -> list[datetime]:
        """The newest `limit` failures for `key` since `since`, oldest first."""
        rows = await self.session.scalars(
            select(LoginFailure.created_at)
            .where(LoginFailure.key == key, LoginFailure.created_at >= since)
            .order_by(LoginFailure.created_at.desc())
            .limit(limit)
        )
        return sorted(rows)

    async def lock(self, keys: list[str]) -> None:
        """Hold the keys until the transaction ends, so counts on them are taken in turn.

        PostgreSQL gets an advisory lock per key (in the order given: callers sort them, so two
        transactions never wait on each other crosswise). SQLite needs none: its first write
        takes the database's one write lock, and every attempt writes before it counts.
        """
        if self.session.get_bind().dialect.name != "postgresql":
            return
        for key in keys:
            await self.session.execute(
                select(func.pg_advisory_xact_lock(func.hashtextextended(key, 0)))
            )

    async def add(self, key: str, now: datetime) -> uuid.UUID:
        failure = LoginFailure(id=uuid.uuid4(), key=key, created_at=now)
        self.session.add(failure)
        await self.session.flush()
        return failure.id

    async def remove(self, ids: tuple[uuid.UUID, ...], also_key: str | None = None) -> None:
        """Delete these failures, and every failure of `also_key`, in one statement."""
        chosen: ColumnElement[bool] = LoginFailure.id.in_(ids)
        if also_key is not None:
            chosen = or_(chosen, LoginFailure.key == also_key)
        await self.session.execute(delete(LoginFailure).where(chosen))

    async def clear(self, key: str) -> None:
        await self.session.execute(delete(LoginFailure).where(LoginFailure.key == key))

    async def prune(self, before: datetime) -> None:
        """Delete expired failures, skipping rows another transaction is deleting right now.

        SKIP LOCKED keeps concurrent sign-ins from deadlocking over the same old rows on
        PostgreSQL; SQLite has one writer at a time and ignores the clause.
        """
        expired = (
            select(LoginFailure.id)
            .where(LoginFailure.created_at < before)
            .limit(PRUNE_BATCH)
            .with_for_update(skip_locked=True)
        )
        await self.session.execute(delete(LoginFailure).where(LoginFailure.id.in_(expired)))
