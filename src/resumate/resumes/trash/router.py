"""/api/resumes/trash and restore: what was deleted, getting it back, deleting it for good."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from resumate.auth.deps import CurrentUser
from resumate.openapi import responses
from resumate.resumes.deps import ResumeServiceDep, TrashedResume
from resumate.resumes.schemas import (
    Limit,
    Offset,
    ResumeOut,
    ResumePage,
    resume_answer,
    summary_out,
)

router = APIRouter(prefix="/api/resumes", tags=["resumes"])


@router.get("/trash", response_model=ResumePage, responses=responses(401, 422))
async def list_trash(
    user: CurrentUser, service: ResumeServiceDep, limit: Limit = 20, offset: Offset = 0
) -> ResumePage:
    """Resumes in the trash, each restorable until its purgeAt."""
    items, total = await service.page(user.id, trashed=True, limit=limit, offset=offset)
    return ResumePage(
        items=[summary_out(r, service.purge_at(r)) for r in items],
        total=total,
        limit=limit,
        offset=offset,
    )


@router.delete("/trash", status_code=status.HTTP_204_NO_CONTENT, responses=responses(401))
async def empty_trash(user: CurrentUser, service: ResumeServiceDep) -> None:
    await service.empty_trash(user.id)


@router.delete(
    "/trash/{resume_id}", status_code=status.HTTP_204_NO_CONTENT, responses=responses(401, 404, 422)
)
async def purge_resume(resume: TrashedResume, service: ResumeServiceDep) -> None:
    """Delete a resume in the trash for good."""
    await service.purge(resume)


@router.post("/{resume_id}/restore", response_model=ResumeOut, responses=responses(401, 404, 422))
async def restore_resume(resume: TrashedResume, service: ResumeServiceDep) -> Response:
    return resume_answer(await service.restore(resume))
