"""A device session: the browser or app behind one refresh-token family."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from resumate.db import Base

# Long enough for any IPv6 address with a zone; the user agent is cut to what names a browser.
ADDRESS_LENGTH = 64
USER_AGENT_LENGTH = 512


class DeviceSession(Base):
    """Keyed by the family id (the access token's `sid`): never a credential on its own."""

    __tablename__ = "device_sessions"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    created_at: Mapped[datetime]
    # Moved on when the session's refresh token is spent (every 15 minutes or so while in use),
    # not on every request.
    last_used_at: Mapped[datetime]
    address: Mapped[str] = mapped_column(String(ADDRESS_LENGTH))
    user_agent: Mapped[str] = mapped_column(String(USER_AGENT_LENGTH))

    __table_args__ = (Index(None, "user_id"),)
