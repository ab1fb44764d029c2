"""Accounts, refresh-token families and login attempts."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from resumate.db import Base, IdMixin, TimestampMixin, utcnow


class User(IdMixin, TimestampMixin, Base):
    __tablename__ = "users"

    email: Mapped[str] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    # The identity provider's subject, for users who sign in through Cognito.
    external_subject: Mapped[str | None] = mapped_column(String(255), unique=True)
    # Bumped by logout and password change: access tokens carrying an older value stop working.
    token_version: Mapped[int] = mapped_column(default=0)


class RefreshToken(IdMixin, Base):
    __tablename__ = "refresh_tokens"

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    family_id: Mapped[uuid.UUID] = mapped_column(index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]

    __table_args__ = (Index(None, "user_id"),)


class LoginFailure(IdMixin, Base):
    """One failed sign-in, keyed by account or by client address, for throttling."""

    __tablename__ = "login_failures"

    key: Mapped[str] = mapped_column(String(400))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (Index(None, "key", "created_at"),)
