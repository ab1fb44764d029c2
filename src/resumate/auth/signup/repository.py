"""Queries for confirmation links; tokens are looked up by their SHA-256, never stored."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from resumate.auth.signup.models import EmailConfirmation, Purpose

# How long a link works; the person can always ask for a new one.
LIFETIME = timedelta(hours=24)
# Longer than any token this app makes (43 characters): anything longer is not one of ours.
MAX_TOKEN_LENGTH = 128


def new_token() -> str:
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ConfirmationRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(
        self,
        purpose: Purpose,
        email: str,
        now: datetime,
        *,
        password_hash: str | None = None,
        user_id: uuid.UUID | None = None,
    ) -> str:
        """A new link's row; the raw token, for the mail only."""
        token = new_token()
        self.session.add(
            EmailConfirmation(
                purpose=purpose,
                email=email,
                password_hash=password_hash,
                user_id=user_id,
                token_hash=hash_token(token),
                created_at=now,
                expires_at=now + LIFETIME,
            )
        )
        await self.session.flush()
        return token

    async def usable(self, purpose: Purpose, token: str, now: datetime) -> EmailConfirmation | None:
        """The link's row while it can still be used (read only: looking spends nothing)."""
        if not token or len(token) > MAX_TOKEN_LENGTH:
            return None
        return await self.session.scalar(
            select(EmailConfirmation).where(
                EmailConfirmation.token_hash == hash_token(token),
                EmailConfirmation.purpose == purpose,
                EmailConfirmation.used_at.is_(None),
                EmailConfirmation.expires_at > now,
            )
        )

    async def spend(self, confirmation: EmailConfirmation, now: datetime) -> bool:
        """Mark the link used, once: False when a concurrent request spent it first."""
        result = await self.session.execute(
            update(EmailConfirmation)
            .where(EmailConfirmation.id == confirmation.id, EmailConfirmation.used_at.is_(None))
            .values(used_at=now)
        )
        return bool(getattr(result, "rowcount", 0))

    async def latest_pending(
        self, purpose: Purpose, email: str, now: datetime
    ) -> EmailConfirmation | None:
        """The newest link for this address that can still be used."""
        return await self.session.scalar(
            select(EmailConfirmation)
            .where(
                EmailConfirmation.purpose == purpose,
                EmailConfirmation.email == email,
                EmailConfirmation.used_at.is_(None),
                EmailConfirmation.expires_at > now,
            )
            .order_by(EmailConfirmation.created_at.desc())
            .limit(1)
        )
