"""/api/resumes: create, list, read, edit, trash, restore and duplicate."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from resumate.deps import CurrentUser
from resumate.openapi import responses
from resumate.resumes.deps import (
    ExpectedVersion,
    OwnedResume,
    ResumeServiceDep,
    TrashedResume,
    set_etag,
)
from resumate.resumes.models import Resume
from resumate.resumes.schemas import (
    ResumeCreate,
    ResumeOut,
    ResumePage,
    ResumePatch,
    ResumeReplace,
    ResumeSummary,
)
from resumate.resumes.service import Changes, ResumeService

router = APIRouter(prefix="/api/resumes", tags=["resumes"])

Limit = Annotated[int, Query(ge=1, le=100)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
EDIT_ERRORS = responses(401, 404, 412, 422, 428)


def resume_out(resume: Resume, service: ResumeService) -> ResumeOut:
    return ResumeOut.model_validate(resume).model_copy(
        update={"purge_at": service.purge_at(resume)}
    )


def summary_out(resume: Resume, service: ResumeService) -> ResumeSummary:
    summary = ResumeSummary.model_validate(resume)
    return summary.model_copy(update={"purge_at": service.purge_at(resume)})


async def _page(
    user: CurrentUser, service: ResumeService, *, trashed: bool, limit: int, offset: int
) -> ResumePage:
    items, total = await service.resumes.page(user.id, trashed=trashed, limit=limit, offset=offset)
    return ResumePage(
        items=[summary_out(r, service) for r in items], total=total, limit=limit, offset=offset
    )


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
    return resume_out(resume, service)


@router.get("", response_model=ResumePage, responses=responses(401, 422))
async def list_resumes(
    user: CurrentUser, service: ResumeServiceDep, limit: Limit = 20, offset: Offset = 0
) -> ResumePage:
    """The user's resumes, most recently edited first."""
    return await _page(user, service, trashed=False, limit=limit, offset=offset)


@router.get("/trash", response_model=ResumePage, responses=responses(401, 422))
async def list_trash(
    user: CurrentUser, service: ResumeServiceDep, limit: Limit = 20, offset: Offset = 0
) -> ResumePage:
    """Resumes in the trash, each restorable until its purgeAt."""
    return await _page(user, service, trashed=True, limit=limit, offset=offset)


@router.delete("/trash", status_code=status.HTTP_204_NO_CONTENT, responses=responses(401))
async def empty_trash(user: CurrentUser, service: ResumeServiceDep) -> None:
    await service.empty_trash(user.id)


@router.delete(
    "/trash/{resume_id}", status_code=status.HTTP_204_NO_CONTENT, responses=responses(401, 404, 422)
)
async def purge_resume(resume: TrashedResume, service: ResumeServiceDep) -> None:
    """Delete a resume in the trash for good."""
    await service.purge(resume)


@router.get("/{resume_id}", response_model=ResumeOut, responses=responses(401, 404, 422))
async def get_resume(
    resume: OwnedResume, service: ResumeServiceDep, response: Response
) -> ResumeOut:
    set_etag(response, resume)
    return resume_out(resume, service)


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
    return resume_out(updated, service)


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


@router.post("/{resume_id}/restore", response_model=ResumeOut, responses=responses(401, 404, 422))
async def restore_resume(
    resume: TrashedResume, service: ResumeServiceDep, response: Response
) -> ResumeOut:
    restored = await service.restore(resume)
    set_etag(response, restored)
    return resume_out(restored, service)


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
    return resume_out(copy, service)
