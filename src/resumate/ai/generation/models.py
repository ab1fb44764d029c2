"""Tokens and calls each person used per day (UTC), for the daily budget and the rate limit."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import BigInteger, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from resumate.db import Base


class AIUsage(Base):
    __tablename__ = "ai_usage"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(primary_key=True)
    # Reserved while a call runs, then settled to what the call really used.
    tokens: Mapped[int] = mapped_column(BigInteger, default=0)
    calls: Mapped[int] = mapped_column(default=0)
    # The rate limit's window: the minute (since the epoch) of the latest calls, and their count.
    minute: Mapped[int] = mapped_column(BigInteger, default=0)
    minute_calls: Mapped[int] = mapped_column(default=0)
