"""/api/resumes/{id}/versions: every saved state, grouped into bursts of editing, named, compared
with the resume now, and restored as a new version."""

from __future__ import annotations

from fastapi import APIRouter, Response

from resumate.openapi import responses
from resumate.resumes.deps import EditedResume, ExpectedVersion, OwnedResume, ResumeServiceDep
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
from resumate.resumes.versions.schemas import (
    BurstPage,
    ChangeOut,
    VersionDiff,
    VersionNaming,
    burst_out,
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


# Before /{number}, which would take "bursts" for a number and refuse it.
@router.get("/bursts", response_model=BurstPage, responses=responses(401, 404, 422))
async def list_bursts(
    resume: EditedResume,
    service: ResumeServiceDep,
    limit: Limit = 20,
    offset: Offset = 0,
) -> BurstPage:
    """The history as people read it, newest first: saves less than five minutes apart are one
    entry, and a named version always ends an entry of its own."""
    found, total = await service.history_page(resume, limit=limit, offset=offset)
    items = [burst_out(burst) for burst in found]
    return BurstPage(items=items, total=total, limit=limit, offset=offset)


@router.get("/{number}", response_model=VersionOut, responses=responses(401, 404, 422))
async def get_version(
    resume: EditedResume, number: VersionNumber, service: ResumeServiceDep
) -> VersionOut:
    return VersionOut.model_validate(await service.version(resume, number))


@router.patch("/{number}", response_model=VersionSummary, responses=responses(401, 404, 422))
async def name_version(
    resume: EditedResume, number: VersionNumber, body: VersionNaming, service: ResumeServiceDep
) -> VersionSummary:
    """Name a saved version ("Sent to Nordlys"), rename it, or clear its name with null. The
    resume is not edited: its version and ETag stay as they are."""
    return VersionSummary.model_validate(await service.name_version(resume, number, body.name))


@router.get("/{number}/diff", response_model=VersionDiff, responses=responses(401, 404, 422))
async def version_diff(
    resume: OwnedResume, number: VersionNumber, service: ResumeServiceDep
) -> VersionDiff:
    """What differs between a saved version (`before`) and the resume now (`after`), field by
    field: what restoring it would change back."""
    version, changes = await service.changes_since(resume, number)
    items = [ChangeOut.model_validate(change) for change in changes]
    return VersionDiff(version=version.version, current_version=resume.version, changes=items)


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
