"""Import a JSON Resume document as a new resume; export a resume as one."""

from __future__ import annotations

import re
import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status
from fastapi.responses import JSONResponse

from resumate.deps import CurrentUser
from resumate.openapi import responses
from resumate.resumes.deps import OwnedResume, ResumeServiceDep, set_etag
from resumate.resumes.jsonresume import JsonResume, in_schema_order
from resumate.resumes.router import resume_out
from resumate.resumes.schemas import ResumeOut, Title

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
    service: ResumeServiceDep,
    response: Response,
    title: Annotated[Title | None, Query()] = None,
    template_id: Annotated[uuid.UUID | None, Query(alias="templateId")] = None,
) -> ResumeOut:
    """The body is a JSON Resume document; the title defaults to the name and label in it."""
    resume = await service.import_document(user.id, document, title, template_id)
    set_etag(response, resume)
    response.headers["Location"] = f"/api/resumes/{resume.id}"
    return resume_out(resume, service)


@router.get(
    "/{resume_id}/export",
    response_model=JsonResume,
    responses=responses(401, 404, 422),
)
async def export_resume(resume: OwnedResume) -> JSONResponse:
    """The resume's data as a JSON Resume document, as a file download."""
    filename = (re.sub(r"[^A-Za-z0-9._-]+", "-", resume.title).strip("-") or "resume")[:80]
    return JSONResponse(
        in_schema_order(resume.data),
        headers={"Content-Disposition": f'attachment; filename="{filename}.json"'},
    )
