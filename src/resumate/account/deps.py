"""The account service as a dependency."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from resumate.account.service import AccountService
from resumate.auth.deps import AuthServiceDep
from resumate.resumes.deps import ResumeServiceDep


async def get_account_service(resumes: ResumeServiceDep, auth: AuthServiceDep) -> AccountService:
    return AccountService(resumes, auth)


AccountServiceDep = Annotated[AccountService, Depends(get_account_service)]
