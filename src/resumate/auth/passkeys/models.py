"""Passkeys and the single-use challenges their ceremonies sign."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from resumate.db import Base, IdMixin, utcnow


class Passkey(IdMixin, Base):
    """A credential an authenticator made for this site; only its public key is kept."""

    __tablename__ = "passkeys"

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    credential_id: Mapped[bytes] = mapped_column(LargeBinary(1023), unique=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary(2048))
    # The authenticator's signature counter; one that goes backwards was copied (or replayed).
    sign_count: Mapped[int] = mapped_column(default=0)
    transports: Mapped[list[str]] = mapped_column(JSON, default=list)
    name: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime | None]

    __table_args__ = (Index(None, "user_id"),)


class PasskeyChallenge(IdMixin, Base):
    """A challenge handed to a browser, kept hashed until it is used once or expires."""

    __tablename__ = "passkey_challenges"

    challenge_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # `register` or `sign-in`: a challenge made for one ceremony is refused by the other.
    purpose: Mapped[str] = mapped_column(String(16))
    # Registration's (and a second factor's) user; none for a sign-in by any passkey.
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    expires_at: Mapped[datetime] = mapped_column(index=True)
