"""Account-wide operations: export all of a user's data, delete all of it."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from resumate.account.schemas import AccountExport, ResumeExport
from resumate.auth.models import User
from resumate.auth.provider import AuthProvider
from resumate.auth.repository import UserRepository
from resumate.auth.schemas import UserOut
from resumate.auth.throttle import LoginThrottle
from resumate.db import utcnow
from resumate.resumes.repository import ResumeRepository, VersionRepository
from resumate.resumes.schemas import VersionOut
from resumate.resumes.thumbnails import forget_thumbnails
from resumate.storage.base import Storage


class AccountService:
    def __init__(self, session: AsyncSession, throttle: LoginThrottle, storage: Storage) -> None:
        self.storage = storage
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
        """Remove the account and its files; resumes, versions and sessions go with the row."""
        email = user.email
        owned = await self.resumes.all_owned(user.id)
        await self.storage.delete_many([r.pdf_key for r in owned if r.pdf_key])
        await forget_thumbnails(self.storage, [r.id for r in owned])
        await self.users.delete(user)
        await self.throttle.forget_account(self.session, email)


async def delete_for_good(
    auth: AuthProvider, accounts: AccountService, user: User, password: str
) -> None:
    """Delete the account and everything in it, once the password shows it is the owner."""
    await auth.confirm_password(user, password)
    await accounts.delete(user)
    # Last: if the provider cannot let go of the identity, the deletion rolls back whole.
    await auth.close_account(user)
