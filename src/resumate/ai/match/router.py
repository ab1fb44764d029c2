"""/api/resumes/{id}/ai/match: how well the resume fits a job, explained."""

from __future__ import annotations

from fastapi import APIRouter

from resumate.ai.match.schemas import MatchIn, MatchOut, match_out
from resumate.ai.match.service import match_resume
from resumate.deps import SettingsDep
from resumate.openapi import responses
from resumate.resumes.deps import OwnedResume

router = APIRouter(prefix="/api/resumes/{resume_id}/ai", tags=["ai"])


@router.post("/match", response_model=MatchOut, responses=responses(401, 404, 422))
async def match_job(resume: OwnedResume, body: MatchIn, settings: SettingsDep) -> MatchOut:
    """Score the saved resume against a job: skills and key terms found and missing, and the
    resume line that best supports each of the job's requirements. Offline, no model needed."""
    result = await match_resume(resume.data, body.job, meaning=settings.ai.semantic)
    return match_out(result)
