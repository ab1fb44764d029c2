"""Import a resume (a JSON Resume document, or a PDF, Word, LinkedIn or text file) as a new
resume; export a resume as a JSON Resume document, a Word file, Markdown, text or a PNG."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Response, status
from fastapi.responses import JSONResponse

from resumate.auth.deps import CurrentUser
from resumate.auth.models import User
from resumate.document.schemas import JsonResume
from resumate.errors import FieldError, ValidationFailed
from resumate.openapi import responses
from resumate.resumes.deps import OwnedResume
from resumate.resumes.schemas import Title
from resumate.transfer.deps import ImportBody, TransferServiceDep
from resumate.transfer.direct.deps import DirectUploadsDep
from resumate.transfer.direct.schemas import UploadRequest, UploadTicketOut, ticket_out
from resumate.transfer.export.deps import ExportServiceDep
from resumate.transfer.export.png import DEFAULT_SCALE, MAX_SCALE, MIN_SCALE, NoSuchPage
from resumate.transfer.export.service import MEDIA_TYPES
from resumate.transfer.lenient import ImportRefused
from resumate.transfer.reading.limits import MAX_BYTES
from resumate.transfer.schemas import (
    ImportedResumeOut,
    ParsedFileOut,
    imported_answer,
    parsed_answer,
)
from resumate.transfer.service import FileInvalid, TransferService
from resumate.transfer.upload import UploadedFile

router = APIRouter(prefix="/api/resumes", tags=["resumes"])

IMPORTED_BODY = (
    "A JSON Resume document (the `JsonResume` schema). Any JSON object is taken: a value that"
    " schema refuses is repaired or left out, and named in the answer's `warnings`."
)
FILE_PART = (
    "The resume: a PDF, a Word file (.docx), LinkedIn's data export (.zip), a text (.txt, .md)"
    f" or a JSON Resume file (.json), of up to {MAX_BYTES // 2**20} MB. Its kind is told from"
    " its content, not its name."
)
# Documented by hand: the route reads its body itself, by the request's Content-Type.
IMPORT_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "additionalProperties": True,
                "description": IMPORTED_BODY,
                "title": "Document",
            },
            "example": {"basics": {"name": "Ada Lovelace", "label": "Analyst"}},
        },
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
DRY_RUN = "With `dryRun=true`: the document the body holds, and its notes; nothing is saved"


@router.post(
    "/import",
    status_code=status.HTTP_201_CREATED,
    response_model=ImportedResumeOut,
    responses={
        **responses(401, 413, 422, 503),
        200: {"model": ParsedFileOut, "description": DRY_RUN},
    },
    openapi_extra={"requestBody": IMPORT_BODY},
)
async def import_resume(
    user: CurrentUser,
    body: ImportBody,
    service: TransferServiceDep,
    title: Annotated[Title | None, Query()] = None,
    template_id: Annotated[uuid.UUID | None, Query(alias="templateId")] = None,
    dry_run: Annotated[bool, Query(alias="dryRun", description=DRY_RUN + ".")] = False,
) -> Response:
    """The body is a JSON Resume document, or a resume file sent as `multipart/form-data`; the
    title defaults to the name and label in it.

    A file is read into a JSON Resume document: a PDF, a Word file or a text by finding its
    sections and fields, LinkedIn's export from its columns. `confidence` says how sure that
    reading is of each field; `warnings` names each field to check, and notes on the file as a
    whole under the path `(file)`. A file that cannot be read (not a resume, damaged, protected,
    too large, or too slow to read) is refused with 422 naming `file`.

    An export's design (`meta.resumate`) restores the template and theme; otherwise `meta.theme`
    naming one of our templates picks it. `templateId` still chooses the template. A design option
    that is not valid takes its default: it never refuses the import.

    A value a save would refuse does not refuse the import: one with a clear meaning is repaired
    ("Mar 2016" → "2016-03", an end date "present" → ongoing, a number → text, one string →
    a one-item list), any other is left out; `warnings` names each by its path in the file, with
    the value as written and what was done. Only a body that is not a JSON object is refused.

    With `dryRun=true` the answer is the document and its notes, and nothing is saved: for a
    page where the person reviews what was read before importing it.
    """
    return await _imported(user, body, service, title, template_id, dry_run=dry_run)


@router.post(
    "/import/uploads",
    status_code=status.HTTP_201_CREATED,
    response_model=UploadTicketOut,
    responses=responses(401, 404, 422, 503),
)
async def new_upload(
    user: CurrentUser, uploads: DirectUploadsDep, body: UploadRequest | None = None
) -> UploadTicketOut:
    """A signed form to send one resume file straight to the uploads bucket, not through the
    app; then import it by its `uploadId`. For files too large to send comfortably in a request
    to the app, or any file.

    The form takes one file of up to 10 MB into the person's own folder of the bucket, and is
    good for minutes (`expiresAt`). With Cognito accounts it is signed with credentials the
    identity pool gives that person alone. 404 when this server has no uploads bucket: then
    send the file to `POST /api/resumes/import`.
    """
    ticket = await uploads.ticket(user, body.filename if body is not None else "")
    return ticket_out(ticket)


@router.post(
    "/import/uploads/{upload_id}",
    status_code=status.HTTP_201_CREATED,
    response_model=ImportedResumeOut,
    responses={
        **responses(401, 404, 422, 503),
        200: {"model": ParsedFileOut, "description": DRY_RUN},
    },
)
async def import_upload(
    user: CurrentUser,
    uploads: DirectUploadsDep,
    service: TransferServiceDep,
    upload_id: Annotated[str, Path(max_length=400)],
    title: Annotated[Title | None, Query()] = None,
    template_id: Annotated[uuid.UUID | None, Query(alias="templateId")] = None,
    dry_run: Annotated[bool, Query(alias="dryRun", description=DRY_RUN + ".")] = False,
) -> Response:
    """Import the file sent with an upload form, as `POST /api/resumes/import` imports a file.

    The file is taken out of the bucket as it is read, with a dry run too: an upload is read
    once. 404 for an upload that was never sent, was read already, is more than a day old, or
    was given to someone else.
    """
    try:
        taken = await uploads.take(user, upload_id)
    except FileInvalid as invalid:
        raise refused_file(invalid) from None
    upload = UploadedFile(taken.data, taken.name)
    return await _imported(user, upload, service, title, template_id, dry_run=dry_run)


async def _imported(
    user: User,
    body: dict[str, Any] | UploadedFile,
    service: TransferService,
    title: str | None,
    template_id: uuid.UUID | None,
    *,
    dry_run: bool,
) -> Response:
    try:
        parsed = await service.read(body, images=dry_run)
    except ImportRefused as refused:
        raise ValidationFailed(str(refused)) from None
    except FileInvalid as invalid:
        raise refused_file(invalid) from None
    if dry_run:
        return parsed_answer(parsed)
    resume = await service.import_document(user.id, parsed.imported, title, template_id)
    return imported_answer(resume, parsed)


ExportFormat = Literal["json", "docx", "md", "txt", "png"]
EXPORTED = (
    "The file, as a download: JSON Resume (the default), a Word file, Markdown, text or a PNG"
)
# The other formats beside the JSON FastAPI documents from the response model.
EXPORT_CONTENT: dict[str, Any] = {
    MEDIA_TYPES["docx"]: {"schema": {"type": "string", "format": "binary"}},
    "text/markdown": {"schema": {"type": "string"}},
    "text/plain": {"schema": {"type": "string"}},
    "image/png": {"schema": {"type": "string", "format": "binary"}},
}


@router.get(
    "/{resume_id}/export",
    response_model=JsonResume,
    responses={
        **responses(401, 404, 422, 503),
        200: {"description": EXPORTED, "content": EXPORT_CONTENT},
    },
)
async def export_resume(
    resume: OwnedResume,
    service: TransferServiceDep,
    exports: ExportServiceDep,
    kind: Annotated[
        ExportFormat,
        Query(
            alias="format",
            description="`json` (JSON Resume, the default), `docx` (Word), `md` (Markdown),"
            " `txt` (plain text) or `png` (a page of the PDF as an image).",
        ),
    ] = "json",
    page: Annotated[int, Query(ge=1, description="With `png`: which page of the PDF, from 1.")] = 1,
    scale: Annotated[
        float,
        Query(
            ge=MIN_SCALE,
            le=MAX_SCALE,
            description="With `png`: pixels per CSS pixel (96 a inch); 1 draws an A4 page"
            " 794 pixels wide, 2 twice that.",
        ),
    ] = DEFAULT_SCALE,
) -> Response:
    """The resume as a file download, named after its title (`<title>.docx`, ...).

    - `json`: the data as a JSON Resume document. `meta` keeps the design for an import to
      restore: `meta.theme` is the template's slug, and `meta.resumate` is
      `{"template": slug, "theme": {...the resume's theme options...}}`.
    - `docx`: a Word file in Word's own styles (Title, Heading 1 for sections, Heading 2 for
      entries with their dates at a right tab, List Bullet), in the resume's font, accent,
      paper and language; no text boxes or images, so parsers read it as Word shows it.
    - `md`, `txt`: every field, in the design's section order and language, for pasting into
      forms; Markdown escapes what it would read as markup, text is not wrapped.
    - `png`: page `page` of the resume's PDF (the one the download gives) at `scale`;
      a page the PDF does not have is a 422 naming `page`.
    """
    if kind == "json":
        document, filename = await service.export(resume)
        return JSONResponse(
            document, headers={"Content-Disposition": f'attachment; filename="{filename}"'}
        )
    try:
        exported = await exports.file(resume, kind, page=page, scale=scale)
    except NoSuchPage as missing:
        problem = FieldError(field="page", message=str(missing))
        raise ValidationFailed(f"There is no page {page}.", fields=[problem]) from None
    disposition = f'attachment; filename="{exported.filename}"'
    return Response(
        exported.content,
        media_type=exported.media_type,
        headers={"Content-Disposition": disposition},
    )


def refused_file(invalid: FileInvalid) -> ValidationFailed:
    """422 naming the file, with what is wrong with it."""
    problem = FieldError(field="file", message=str(invalid))
    return ValidationFailed(str(invalid), fields=[problem])
