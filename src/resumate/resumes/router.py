"""/api/resumes: create, list, read, edit, move to the trash and duplicate."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response, status

from resumate.auth.deps import CurrentUser
from resumate.openapi import responses
from resumate.resumes.deps import (
    CallerResumes,
    CallerResumesDep,
    EditedResume,
    ExpectedVersion,
    OwnedResume,
    ResumeServiceDep,
)
from resumate.resumes.schemas import (
    Limit,
    Offset,
    ResumeCreate,
    ResumeOut,
    ResumePage,
    ResumePatch,
    ResumeReplace,
    resume_answer,
    summary_out,
)
from resumate.resumes.service import Changes

router = APIRouter(prefix="/api/resumes", tags=["resumes"])

EDIT_ERRORS = responses(401, 404, 412, 422, 428)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=ResumeOut,
    responses=responses(401, 422),
)
async def create_resume(
    body: ResumeCreate, user: CurrentUser, service: ResumeServiceDep
) -> Response:
    resume = await service.create(user.id, body.title, body.template_id, body.data, body.theme)
    return resume_answer(resume, created=True)


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
async def get_resume(resume: OwnedResume) -> Response:
    return resume_answer(resume)


async def _save(
    resume_id: uuid.UUID,
    body: ResumeReplace | ResumePatch,
    version: int,
    resumes: CallerResumes,
) -> Response:
    changes = Changes(
        title=body.title, template_id=body.template_id, data=body.data, theme=body.theme
    )
    # No lookup first: the save itself finds the caller's resume (see ResumeService.save).
    saved = resumes.service.save(resumes.caller, resume_id, version, changes)
    return resume_answer(await resumes.checked(saved))


@router.put("/{resume_id}", response_model=ResumeOut, responses=EDIT_ERRORS)
async def replace_resume(
    resume_id: uuid.UUID,
    resumes: CallerResumesDep,
    version: ExpectedVersion,
    body: ResumeReplace,
) -> Response:
    return await _save(resume_id, body, version, resumes)


@router.patch("/{resume_id}", response_model=ResumeOut, responses=EDIT_ERRORS)
async def patch_resume(
    resume_id: uuid.UUID,
    resumes: CallerResumesDep,
    version: ExpectedVersion,
    body: ResumePatch,
) -> Response:
    return await _save(resume_id, body, version, resumes)


@router.delete(
    "/{resume_id}", status_code=status.HTTP_204_NO_CONTENT, responses=responses(401, 404, 422)
)
async def trash_resume(resume: EditedResume, service: ResumeServiceDep) -> None:
    """Move to the trash; restorable for the retention period (30 days by default)."""
    await service.trash(resume)


@router.post(
    "/{resume_id}/duplicate",
    status_code=status.HTTP_201_CREATED,
    response_model=ResumeOut,
    responses=responses(401, 404, 422),
)
async def duplicate_resume(resume: OwnedResume, service: ResumeServiceDep) -> Response:
    return resume_answer(await service.duplicate(resume), created=True)
