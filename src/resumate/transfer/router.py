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
    """The body is a JSON Resume document; the title defaults to the name and label in it.

    An export's design (`meta.resumate`) restores the template and theme; otherwise `meta.theme`
    naming one of our templates picks it. `templateId` still chooses the template. A design option
    that is not valid takes its default: it never refuses the import.
    """
    resume = await service.import_document(user.id, document, title, template_id)
    return resume_answer(resume, created=True)


@router.get(
    "/{resume_id}/export",
    response_model=JsonResume,
    responses=responses(401, 404, 422),
)
async def export_resume(resume: OwnedResume, service: TransferServiceDep) -> JSONResponse:
    """The resume's data as a JSON Resume document, as a file download.

    `meta` keeps the design for an import to restore: `meta.theme` is the template's slug, and
    `meta.resumate` is `{"template": slug, "theme": {...the resume's theme options...}}`.
    """
    document, filename = await service.export(resume)
    return JSONResponse(
        document, headers={"Content-Disposition": f'attachment; filename="{filename}"'}
    )
