"""The apply service as a dependency."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from resumate.ai.apply.service import ApplyService
from resumate.resumes.deps import ResumeServiceDep


async def get_apply_service(resumes: ResumeServiceDep) -> ApplyService:
    return ApplyService(resumes)


ApplyServiceDep = Annotated[ApplyService, Depends(get_apply_service)]
