"""The account service as a dependency, and the export's parts that other features keep."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from resumate.account.service import AccountService, ProviderExport
from resumate.auth.deps import AuthServiceDep
from resumate.components import Slot
from resumate.resumes.deps import ResumeServiceDep

# A person's own language model lives with the AI features, which this package may not import:
# the app puts here how to read it for the export.
AI_PROVIDER_EXPORT: Slot[ProviderExport] = Slot("account_ai_provider_export")


async def get_account_service(
    request: Request, resumes: ResumeServiceDep, auth: AuthServiceDep
) -> AccountService:
    return AccountService(resumes, auth, AI_PROVIDER_EXPORT.find(request.app))


AccountServiceDep = Annotated[AccountService, Depends(get_account_service)]
