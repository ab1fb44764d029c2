"""The devices signed in to an account: list them, sign one out, or all but this one."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resumate.auth.devices.models import DeviceSession
from resumate.auth.devices.repository import DeviceSessionRepository
from resumate.auth.devices.useragent import Device, parse
from resumate.auth.models import User
from resumate.db import utcnow
from resumate.errors import NotFound

SESSION_NOT_FOUND = "No such session: it may have ended already."


@dataclass(frozen=True)
class DeviceSessionView:
    id: uuid.UUID
    device: Device
    current: bool
    created_at: datetime
    last_used_at: datetime
    address: str
    user_agent: str

    @classmethod
    def of(cls, row: DeviceSession, current: uuid.UUID | None) -> DeviceSessionView:
        return cls(
            id=row.id,
            device=parse(row.user_agent),
            current=row.id == current,
            created_at=row.created_at,
            last_used_at=row.last_used_at,
            address=row.address,
            user_agent=row.user_agent,
        )


class DeviceSessionService:
    def __init__(self, session: AsyncSession) -> None:
        self.devices = DeviceSessionRepository(session)

    async def list(self, user: User, current: uuid.UUID | None) -> list[DeviceSessionView]:
        """The sessions that can still be used, this device's first, then the latest used."""
        rows = await self.devices.alive_for(user.id, utcnow())
        views = [DeviceSessionView.of(row, current) for row in rows]
        return sorted(views, key=lambda view: not view.current)

    async def end(self, user: User, session_id: uuid.UUID) -> None:
        """Sign that device out at once: its access and refresh tokens stop working (404 for a
        session that is not the user's or has ended)."""
        now = utcnow()
        if await self.devices.alive_one(user.id, session_id, now) is None:
            raise NotFound(SESSION_NOT_FOUND)
        await self.devices.end(session_id, now)

    async def end_others(self, user: User, current: uuid.UUID | None) -> int:
        """Sign out every device but this one; how many were signed out."""
        return await self.devices.end_all_but(user.id, current, utcnow())


async def prune_ended(sessionmaker: async_sessionmaker[AsyncSession]) -> int:
    """Forget the devices whose sessions ended (signed out, or expired)."""
    async with sessionmaker.begin() as session:
        return await DeviceSessionRepository(session).prune(utcnow())
