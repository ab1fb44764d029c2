"""Second factors: an authenticator app (TOTP), recovery codes, and pending sign-ins."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from resumate.db import Base, IdMixin, utcnow


class TotpFactor(Base):
    """An account's authenticator app: set up (enabled_at empty) until a code confirms it."""

    __tablename__ = "totp_factors"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    # The base32 secret, encrypted under a key derived from the app's secret (see `secrets`).
    secret_encrypted: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    enabled_at: Mapped[datetime | None]
    # The newest time step a code was accepted for: no code of it, or before it, works again.
    last_step: Mapped[int | None]


class RecoveryCode(IdMixin, Base):
    """One single-use recovery code, stored as its SHA-256 (the code itself has 60 bits)."""

    __tablename__ = "recovery_codes"

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    code_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    used_at: Mapped[datetime | None]

    __table_args__ = (Index(None, "user_id", "code_hash"),)


class PendingSignIn(IdMixin, Base):
    """A password that checked out for an account that still owes its second factor."""

    __tablename__ = "pending_sign_ins"

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]

    __table_args__ = (Index(None, "user_id"),)
