"""POST /api/resumes/import/tidy: a file's reading, tidied by the person's assistant."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response

from resumate.errors import ErrorResponse, FieldError, ValidationFailed
from resumate.openapi import responses
from resumate.tidy.deps import TidyingDep
from resumate.tidy.schemas import TidiedFileOut, tidied_answer
from resumate.transfer.deps import ImportBody
from resumate.transfer.lenient import ImportRefused
from resumate.transfer.reading.limits import MAX_BYTES
from resumate.transfer.service import FileInvalid

router = APIRouter(prefix="/api/resumes/import", tags=["resumes"])
# Takes a file as the import does, and so the import's larger body limit.
TIDY_PATH = "/api/resumes/import/tidy"

FILE_PART = (
    "The resume file, as the import takes it: a PDF, a Word file (.docx), a text (.txt, .md), or"
    f" LinkedIn's export or a JSON Resume file (already in fields: returned as read), of up to"
    f" {MAX_BYTES // 2**20} MB. Its kind is told from its content, not its name."
)

FILE_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "properties": {"file": {"type": "string", "format": "binary"}},
                "required": ["file"],
                "description": FILE_PART,
                "title": "ResumeFile",
            },
        },
    },
}
NOT_CONFIGURED = {
    "model": ErrorResponse,
    "description": "`ai_not_configured`: no assistant is set up for the caller; or busy, see"
    " Retry-After",
}


@router.post(
    "/tidy",
    response_model=TidiedFileOut,
    responses={**responses(401, 413, 422, 429), 503: NOT_CONFIGURED},
    openapi_extra={"requestBody": FILE_BODY},
)
async def tidy_import(tidying: TidyingDep, body: ImportBody) -> Response:
    """Read a resume file as `POST /api/resumes/import?dryRun=true` does, then let the caller's
    assistant move what was read into the wrong field; nothing is saved.

    The assistant may only rearrange the file's text, never add any: each string it gives must
    be text of the file (a date may be the ISO form of one the file writes). One that is not is
    left as read and named in `warnings` by its path. Contact details (name, e-mail, phone,
    links, address) are never sent to it. `changed` lists the fields it changed, to check.
    Notes on the tidying as a whole are under the path `(assistant)`: text it left out, that it
    found nothing to move, or that it failed — if it fails, times out or answers what cannot be
    used, the answer is the reading as it was. It counts against the day's writing-help budget
    and calls per minute (429). Without an assistant — the operator's model or the caller's
    own — the answer is 503 `ai_not_configured`, before the file is read.
    """
    try:
        tidied = await tidying.tidy(body)
    except ImportRefused as refused:
        raise ValidationFailed(str(refused)) from None
    except FileInvalid as invalid:
        problem = FieldError(field="file", message=str(invalid))
        raise ValidationFailed(str(invalid), fields=[problem]) from None
    return tidied_answer(tidied)
