"""Account-wide operations: export all of a user's data, delete all of it."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from resumate.account.schemas import AccountExport, ResumeExport
from resumate.auth.models import User
from resumate.auth.repository import UserRepository
from resumate.auth.schemas import UserOut
from resumate.auth.throttle import LoginThrottle
from resumate.db import utcnow
from resumate.resumes.repository import ResumeRepository, VersionRepository
from resumate.resumes.schemas import VersionOut


class AccountService:
    def __init__(self, session: AsyncSession, throttle: LoginThrottle) -> None:
        self.session = session
        self.users = UserRepository(session)
        self.resumes = ResumeRepository(session)
        self.versions = VersionRepository(session)
        self.throttle = throttle

    async def export(self, user: User) -> AccountExport:
        resumes = []
        for resume in await self.resumes.all_owned(user.id):
            versions = [
                VersionOut.model_validate(v) for v in await self.versions.all_for(resume.id)
            ]
            resumes.append(
                ResumeExport.model_validate(resume).model_copy(update={"versions": versions})
            )
        return AccountExport(
            exported_at=utcnow(), user=UserOut.model_validate(user), resumes=resumes
        )

    async def delete(self, user: User) -> None:
        """Remove the account; resumes, versions and sessions go with it (ON DELETE CASCADE)."""
        email = user.email
        await self.users.delete(user)
        await self.throttle.forget_account(self.session, email)
