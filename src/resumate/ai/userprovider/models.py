"""The language model a person brought: one per account."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from resumate.db import Base, utcnow


class UserProvider(Base):
    __tablename__ = "ai_user_providers"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(16))  # "openai" (compatible) or "anthropic"
    base_url: Mapped[str | None] = mapped_column(String(500))
    model: Mapped[str] = mapped_column(String(200))
    # Sealed by the app's SecretBox: a copy of the database alone does not give the key away.
    key_encrypted: Mapped[str] = mapped_column(String(2000))
    # Shown back to the person ("…abcd"), so they can tell which key is set.
    key_hint: Mapped[str] = mapped_column(String(4))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
