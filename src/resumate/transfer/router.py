"""Import a JSON Resume document as a new resume; export a resume as one."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status
from fastapi.responses import JSONResponse

from resumate.auth.deps import CurrentUser
from resumate.document.schemas import JsonResume
from resumate.openapi import responses
from resumate.resumes.deps import OwnedResume
from resumate.resumes.schemas import ResumeOut, Title, resume_answer
from resumate.transfer.deps import TransferServiceDep
from resumate.transfer.service import exported

router = APIRouter(prefix="/api/resumes", tags=["resumes"])


@router.post(
    "/import",
    status_code=status.HTTP_201_CREATED,
    response_model=ResumeOut,
    responses=responses(401, 413, 422),
)
async def import_resume(
    document: JsonResume,
    user: CurrentUser,
    service: TransferServiceDep,
    title: Annotated[Title | None, Query()] = None,
    template_id: Annotated[uuid.UUID | None, Query(alias="templateId")] = None,
) -> Response:
    """The body is a JSON Resume document; the title defaults to the name and label in it."""
    resume = await service.import_document(user.id, document, title, template_id)
    return resume_answer(resume, created=True)


@router.get(
    "/{resume_id}/export",
    response_model=JsonResume,
    responses=responses(401, 404, 422),
)
async def export_resume(resume: OwnedResume) -> JSONResponse:
    """The resume's data as a JSON Resume document, as a file download."""
    document, filename = exported(resume)
    return JSONResponse(
        document, headers={"Content-Disposition": f'attachment; filename="{filename}"'}
    )
