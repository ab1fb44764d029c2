"""/api/resumes/{id}/versions: every saved state, and restoring one as a new version."""

from __future__ import annotations

from fastapi import APIRouter, Response

from resumate.openapi import responses
from resumate.resumes.deps import EditedResume, ExpectedVersion, ResumeServiceDep
from resumate.resumes.schemas import (
    Limit,
    Offset,
    ResumeOut,
    VersionNumber,
    VersionOut,
    VersionPage,
    VersionSummary,
    resume_answer,
)

router = APIRouter(prefix="/api/resumes/{resume_id}/versions", tags=["resume versions"])


@router.get("", response_model=VersionPage, responses=responses(401, 404, 422))
async def list_versions(
    resume: EditedResume,
    service: ResumeServiceDep,
    limit: Limit = 20,
    offset: Offset = 0,
) -> VersionPage:
    """Saved versions, newest first."""
    rows, total = await service.versions_page(resume, limit=limit, offset=offset)
    items = [VersionSummary.model_validate(row) for row in rows]
    return VersionPage(items=items, total=total, limit=limit, offset=offset)


@router.get("/{number}", response_model=VersionOut, responses=responses(401, 404, 422))
async def get_version(
    resume: EditedResume, number: VersionNumber, service: ResumeServiceDep
) -> VersionOut:
    return VersionOut.model_validate(await service.version(resume, number))


@router.post(
    "/{number}/restore", response_model=ResumeOut, responses=responses(401, 404, 412, 422, 428)
)
async def restore_version(
    resume: EditedResume,
    number: VersionNumber,
    version: ExpectedVersion,
    service: ResumeServiceDep,
) -> Response:
    return resume_answer(await service.restore_version(resume, number, version))
