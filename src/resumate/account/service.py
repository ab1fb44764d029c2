"""Account-wide operations: export all of a user's data, delete all of it."""

from __future__ import annotations

from resumate.account.schemas import AccountExport, ResumeExport
from resumate.auth.models import User
from resumate.auth.provider import AuthProvider
from resumate.auth.schemas import UserOut
from resumate.db import utcnow
from resumate.resumes.schemas import VersionOut
from resumate.resumes.service import ResumeService


class AccountService:
    def __init__(self, resumes: ResumeService, auth: AuthProvider) -> None:
        self.resumes = resumes
        self.auth = auth

    async def export(self, user: User) -> AccountExport:
        resumes = [
            ResumeExport.model_validate(resume).model_copy(
                update={"versions": [VersionOut.model_validate(v) for v in versions]}
            )
            for resume, versions in await self.resumes.everything_of(user.id)
        ]
        return AccountExport(
            exported_at=utcnow(), user=UserOut.model_validate(user), resumes=resumes
        )

    async def delete(self, user: User, password: str) -> None:
        """Delete the account and everything in it, once the password shows it is the owner."""
        await self.auth.confirm_password(user, password)
        await self.resumes.delete_everything_of(user.id)
        # Last: if the provider cannot let go of the identity, the deletion rolls back whole.
        await self.auth.close_account(user)
