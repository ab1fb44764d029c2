"""A person's own provider: one row per account."""

from __future__ import annotations

import uuid

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from resumate.ai.userprovider.models import UserProvider


class UserProviderRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, user_id: uuid.UUID) -> UserProvider | None:
        return await self.session.get(UserProvider, user_id)

    async def add(self, provider: UserProvider) -> UserProvider:
        self.session.add(provider)
        await self.session.flush()
        return provider

    async def flush(self) -> None:
        await self.session.flush()

    async def delete(self, user_id: uuid.UUID) -> bool:
        result = await self.session.execute(
            delete(UserProvider).where(UserProvider.user_id == user_id)
        )
        return bool(getattr(result, "rowcount", 0))
