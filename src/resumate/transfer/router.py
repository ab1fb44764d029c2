"""Import a JSON Resume document as a new resume; export a resume as one."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Body, Query, Response, status
from fastapi.responses import JSONResponse

from resumate.auth.deps import CurrentUser
from resumate.document.schemas import JsonResume
from resumate.errors import ValidationFailed
from resumate.openapi import responses
from resumate.resumes.deps import OwnedResume
from resumate.resumes.schemas import Title
from resumate.transfer.deps import TransferServiceDep
from resumate.transfer.lenient import ImportRefused, read_leniently
from resumate.transfer.schemas import ImportedResumeOut, imported_answer

router = APIRouter(prefix="/api/resumes", tags=["resumes"])

IMPORTED_BODY = (
    "A JSON Resume document (the `JsonResume` schema). Any JSON object is taken: a value that"
    " schema refuses is repaired or left out, and named in the answer's `warnings`."
)


@router.post(
    "/import",
    status_code=status.HTTP_201_CREATED,
    response_model=ImportedResumeOut,
    responses=responses(401, 413, 422),
)
async def import_resume(
    # Any JSON object: what a save would refuse is repaired or left out, never the whole file.
    document: Annotated[dict[str, Any], Body(description=IMPORTED_BODY)],
    user: CurrentUser,
    service: TransferServiceDep,
    title: Annotated[Title | None, Query()] = None,
    template_id: Annotated[uuid.UUID | None, Query(alias="templateId")] = None,
) -> Response:
    """The body is a JSON Resume document; the title defaults to the name and label in it.

    An export's design (`meta.resumate`) restores the template and theme; otherwise `meta.theme`
    naming one of our templates picks it. `templateId` still chooses the template. A design option
    that is not valid takes its default: it never refuses the import.

    A value a save would refuse does not refuse the import: one with a clear meaning is repaired
    ("Mar 2016" → "2016-03", an end date "present" → ongoing, a number → text, one string →
    a one-item list), any other is left out; `warnings` names each by its path in the file, with
    the value as written and what was done. Only a body that is not a JSON object is refused.
    """
    try:
        imported = read_leniently(document)
    except ImportRefused as refused:
        raise ValidationFailed(str(refused)) from None
    resume = await service.import_document(user.id, imported, title, template_id)
    return imported_answer(resume, imported.warnings)


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
