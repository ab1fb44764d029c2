"""Queries for password-reset links."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from resumate.auth.models import User
from resumate.auth.reset.models import PasswordReset

# Expired links deleted per new one: more than can be issued, so the table stays small.
PRUNE_BATCH = 100


class PasswordResetRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def with_user(self, token_hash: str) -> tuple[PasswordReset, User] | None:
        row = (
            await self.session.execute(
                select(PasswordReset, User)
                .join(User, User.id == PasswordReset.user_id)
                .where(PasswordReset.token_hash == token_hash)
            )
        ).one_or_none()
        return (row[0], row[1]) if row is not None else None

    async def replace(self, reset: PasswordReset) -> None:
        """Issue `reset` as the user's only link: any earlier one stops working."""
        await self.forget_user(reset.user_id)
        self.session.add(reset)
        await self.session.flush()

    async def take(self, reset_id: uuid.UUID) -> bool:
        """Spend a link once: False when another request spent (or replaced) it first."""
        result = await self.session.execute(
            delete(PasswordReset).where(PasswordReset.id == reset_id)
        )
        return bool(getattr(result, "rowcount", 0))

    async def forget_user(self, user_id: uuid.UUID) -> None:
        await self.session.execute(delete(PasswordReset).where(PasswordReset.user_id == user_id))

    async def prune(self, now: datetime) -> None:
        expired = select(PasswordReset.id).where(PasswordReset.expires_at <= now).limit(PRUNE_BATCH)
        await self.session.execute(delete(PasswordReset).where(PasswordReset.id.in_(expired)))
