"""Links sent by mail to confirm an address: for a new account, or for a change of address."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from resumate.db import Base, IdMixin, utcnow

Purpose = Literal["sign-up", "email-change"]
SIGN_UP: Purpose = "sign-up"
EMAIL_CHANGE: Purpose = "email-change"


class EmailConfirmation(IdMixin, Base):
    """One link's promise: confirm `email` to create an account, or to move `user_id` to it.

    A sign-up keeps the password's hash here, not on a user: no account exists until the
    inbox's owner confirms, and each request carries its own password. Only the SHA-256 of
    the link's token is stored.
    """

    __tablename__ = "email_confirmations"

    purpose: Mapped[str] = mapped_column(String(16))
    email: Mapped[str] = mapped_column(String(320))
    # Sign-ups with local accounts only; Cognito keeps the password in its pool.
    password_hash: Mapped[str | None] = mapped_column(String(255))
    # Changes of address only: whose address changes.
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]

    __table_args__ = (Index(None, "email"), Index(None, "user_id"))
