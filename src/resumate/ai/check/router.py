"""/api/resumes/{id}/ai/check: the writing coach's and the spelling checker's findings."""

from __future__ import annotations

from fastapi import APIRouter

from resumate.ai.check.schemas import CheckIn, CheckOut
from resumate.ai.check.service import check_resume
from resumate.openapi import responses
from resumate.resumes.deps import OwnedResume

router = APIRouter(prefix="/api/resumes/{resume_id}/ai", tags=["ai"])


@router.post(
    "/check",
    response_model=CheckOut,
    response_model_exclude_none=True,
    responses=responses(401, 404, 422),
)
async def check(resume: OwnedResume, options: CheckIn | None = None) -> CheckOut:
    """Findings about the saved resume's writing, dates, contact details, spelling and grammar.

    Offline and without a model. Each finding may carry a suggested edit; nothing is applied.
    """
    return await check_resume(resume)
