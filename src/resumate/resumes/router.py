"""/api/resumes: create, list, read, edit, move to the trash and duplicate."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from resumate.auth.deps import CurrentUser
from resumate.openapi import responses
from resumate.resumes.deps import ExpectedVersion, OwnedResume, ResumeServiceDep, set_etag
from resumate.resumes.models import Resume
from resumate.resumes.schemas import (
    Limit,
    Offset,
    ResumeCreate,
    ResumeOut,
    ResumePage,
    ResumePatch,
    ResumeReplace,
    resume_out,
    summary_out,
)
from resumate.resumes.service import Changes, ResumeService

router = APIRouter(prefix="/api/resumes", tags=["resumes"])

EDIT_ERRORS = responses(401, 404, 412, 422, 428)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=ResumeOut,
    responses=responses(401, 422),
)
async def create_resume(
    body: ResumeCreate, user: CurrentUser, service: ResumeServiceDep, response: Response
) -> ResumeOut:
    resume = await service.create(user.id, body.title, body.template_id, body.data, body.theme)
    set_etag(response, resume)
    response.headers["Location"] = f"/api/resumes/{resume.id}"
    return resume_out(resume)


@router.get("", response_model=ResumePage, responses=responses(401, 422))
async def list_resumes(
    user: CurrentUser, service: ResumeServiceDep, limit: Limit = 20, offset: Offset = 0
) -> ResumePage:
    """The user's resumes, most recently edited first."""
    items, total = await service.page(user.id, limit=limit, offset=offset)
    return ResumePage(
        items=[summary_out(r) for r in items], total=total, limit=limit, offset=offset
    )


@router.get("/{resume_id}", response_model=ResumeOut, responses=responses(401, 404, 422))
async def get_resume(resume: OwnedResume, response: Response) -> ResumeOut:
    set_etag(response, resume)
    return resume_out(resume)


async def _save(
    body: ResumeReplace | ResumePatch,
    resume: Resume,
    version: int,
    service: ResumeService,
    response: Response,
) -> ResumeOut:
    changes = Changes(
        title=body.title, template_id=body.template_id, data=body.data, theme=body.theme
    )
    updated = await service.update(resume, version, changes)
    set_etag(response, updated)
    return resume_out(updated)


@router.put("/{resume_id}", response_model=ResumeOut, responses=EDIT_ERRORS)
async def replace_resume(
    body: ResumeReplace,
    resume: OwnedResume,
    version: ExpectedVersion,
    service: ResumeServiceDep,
    response: Response,
) -> ResumeOut:
    return await _save(body, resume, version, service, response)


@router.patch("/{resume_id}", response_model=ResumeOut, responses=EDIT_ERRORS)
async def patch_resume(
    body: ResumePatch,
    resume: OwnedResume,
    version: ExpectedVersion,
    service: ResumeServiceDep,
    response: Response,
) -> ResumeOut:
    return await _save(body, resume, version, service, response)


@router.delete(
    "/{resume_id}", status_code=status.HTTP_204_NO_CONTENT, responses=responses(401, 404, 422)
)
async def trash_resume(resume: OwnedResume, service: ResumeServiceDep) -> None:
    """Move to the trash; restorable for the retention period (30 days by default)."""
    await service.trash(resume)


@router.post(
    "/{resume_id}/duplicate",
    status_code=status.HTTP_201_CREATED,
    response_model=ResumeOut,
    responses=responses(401, 404, 422),
)
async def duplicate_resume(
    resume: OwnedResume, service: ResumeServiceDep, response: Response
) -> ResumeOut:
    copy = await service.duplicate(resume)
    set_etag(response, copy)
    response.headers["Location"] = f"/api/resumes/{copy.id}"
    return resume_out(copy)
