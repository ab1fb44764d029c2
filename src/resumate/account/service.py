"""Account-wide operations: export all of a user's data, delete all of it."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from resumate.account.schemas import AccountExport, AIProviderExport, ResumeExport
from resumate.auth.models import User
from resumate.auth.provider import AuthProvider
from resumate.auth.schemas import UserOut
from resumate.db import utcnow
from resumate.resumes.schemas import VersionOut
from resumate.resumes.service import ResumeService

# Reads the person's own language model ({kind, baseUrl, model}, never the key), or None.
ProviderExport = Callable[[AsyncSession, uuid.UUID], Awaitable[dict[str, Any] | None]]


class AccountService:
    def __init__(
        self, resumes: ResumeService, auth: AuthProvider, ai_provider: ProviderExport | None = None
    ) -> None:
        self.resumes = resumes
        self.auth = auth
        self.ai_provider = ai_provider

    async def export(self, user: User) -> AccountExport:
        resumes = [
            ResumeExport.model_validate(resume).model_copy(
                update={"versions": [VersionOut.model_validate(v) for v in versions]}
            )
            for resume, versions in await self.resumes.everything_of(user.id)
        ]
        provider = (
            await self.ai_provider(self.resumes.session, user.id) if self.ai_provider else None
        )
        return AccountExport(
            exported_at=utcnow(),
            user=UserOut.model_validate(user),
            resumes=resumes,
            ai_provider=AIProviderExport.model_validate(provider) if provider else None,
        )

    async def delete(self, user: User, password: str) -> None:
        """Delete the account and everything in it, once the password shows it is the owner."""
        await self.auth.confirm_password(user, password)
        await self.resumes.delete_everything_of(user.id)
        # Last: if the provider cannot let go of the identity, the deletion rolls back whole.
        await self.auth.close_account(user)
