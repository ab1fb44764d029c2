"""Queries for device sessions; whether one is alive is read from its refresh-token family."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ColumnElement, delete, exists, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from resumate.auth.devices.client import DeviceClient
from resumate.auth.devices.models import DeviceSession
from resumate.auth.models import RefreshToken


def alive(now: datetime) -> ColumnElement[bool]:
    """A session whose family still holds a refresh token that is neither revoked nor expired.

    Spent tokens of a family expire before its newest one, and revoking a family revokes them
    all, so this holds exactly while the device can still renew its session.
    """
    return exists().where(
        RefreshToken.family_id == DeviceSession.id,
        RefreshToken.revoked_at.is_(None),
        RefreshToken.expires_at > now,
    )


class DeviceSessionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def started(
        self, family_id: uuid.UUID, user_id: uuid.UUID, client: DeviceClient, now: datetime
    ) -> None:
        await self.session.execute(
            insert(DeviceSession).values(
                id=family_id,
                user_id=user_id,
                created_at=now,
                last_used_at=now,
                address=client.address,
                user_agent=client.user_agent,
            )
        )

    async def renewed(
        self, family_id: uuid.UUID, user_id: uuid.UUID, client: DeviceClient, now: datetime
    ) -> None:
        """The session was used again: where from, and when (a row for a session older than
        this table is made on its first renewal)."""
        result = await self.session.execute(
            update(DeviceSession)
            .where(DeviceSession.id == family_id)
            .values(last_used_at=now, address=client.address, user_agent=client.user_agent)
        )
        if not getattr(result, "rowcount", 0):
            await self.started(family_id, user_id, client, now)

    async def alive_for(self, user_id: uuid.UUID, now: datetime) -> list[DeviceSession]:
        rows = await self.session.scalars(
            select(DeviceSession)
            .where(DeviceSession.user_id == user_id, alive(now))
            .order_by(DeviceSession.last_used_at.desc(), DeviceSession.id)
        )
        return list(rows)

    async def alive_one(
        self, user_id: uuid.UUID, session_id: uuid.UUID, now: datetime
    ) -> DeviceSession | None:
        return await self.session.scalar(
            select(DeviceSession).where(
                DeviceSession.id == session_id, DeviceSession.user_id == user_id, alive(now)
            )
        )

    async def end(self, session_id: uuid.UUID, now: datetime) -> None:
        await self.session.execute(
            update(RefreshToken)
            .where(RefreshToken.family_id == session_id, RefreshToken.revoked_at.is_(None))
            .values(revoked_at=now)
        )

    async def end_all_but(self, user_id: uuid.UUID, keep: uuid.UUID | None, now: datetime) -> int:
        """End every session of the user but `keep`; the number of sessions ended."""
        sessions = (DeviceSession.user_id == user_id) & alive(now)
        tokens = RefreshToken.user_id == user_id
        if keep is not None:
            sessions &= DeviceSession.id != keep
            tokens &= RefreshToken.family_id != keep
        ended = await self.session.scalar(select(func.count()).where(sessions))
        await self.session.execute(
            update(RefreshToken)
            .where(tokens, RefreshToken.revoked_at.is_(None))
            .values(revoked_at=now)
        )
        return int(ended or 0)

    async def prune(self, now: datetime) -> int:
        """Delete the rows of sessions that ended (signed out, or expired)."""
        result = await self.session.execute(delete(DeviceSession).where(~alive(now)))
        return int(getattr(result, "rowcount", 0) or 0)
