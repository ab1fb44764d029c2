"""/api/resumes/{id}/versions: every saved state, and restoring one as a new version."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from resumate.openapi import responses
from resumate.resumes.deps import ExpectedVersion, OwnedResume, ResumeServiceDep, set_etag
from resumate.resumes.router import resume_out
from resumate.resumes.schemas import ResumeOut, VersionOut, VersionPage, VersionSummary

router = APIRouter(prefix="/api/resumes/{resume_id}/versions", tags=["resume versions"])

VersionNumber = Annotated[int, Path(ge=1, le=2_147_483_647)]


@router.get("", response_model=VersionPage, responses=responses(401, 404, 422))
async def list_versions(
    resume: OwnedResume,
    service: ResumeServiceDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> VersionPage:
    """Saved versions, newest first."""
    rows, total = await service.versions.page(resume.id, limit=limit, offset=offset)
    items = [VersionSummary.model_validate(row) for row in rows]
    return VersionPage(items=items, total=total, limit=limit, offset=offset)


@router.get("/{number}", response_model=VersionOut, responses=responses(401, 404, 422))
async def get_version(
    resume: OwnedResume, number: VersionNumber, service: ResumeServiceDep
) -> VersionOut:
    return VersionOut.model_validate(await service.version(resume, number))


@router.post(
    "/{number}/restore", response_model=ResumeOut, responses=responses(401, 404, 412, 422, 428)
)
async def restore_version(
    resume: OwnedResume,
    number: VersionNumber,
    version: ExpectedVersion,
    service: ResumeServiceDep,
    response: Response,
) -> ResumeOut:
    restored = await service.restore_version(resume, number, version)
    set_etag(response, restored)
    return resume_out(restored, service)
