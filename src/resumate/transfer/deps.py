"""The transfer service as a dependency."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from resumate.resumes.deps import ResumeServiceDep
from resumate.templates.deps import TemplateServiceDep
from resumate.transfer.service import TransferService


async def get_transfer_service(
    resumes: ResumeServiceDep, templates: TemplateServiceDep
) -> TransferService:
    return TransferService(resumes, templates)


TransferServiceDep = Annotated[TransferService, Depends(get_transfer_service)]
