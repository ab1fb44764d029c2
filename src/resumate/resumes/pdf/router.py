"""/api/resumes/{id}: generate-pdf, pdf (a fresh download link), preview (the printed HTML),
and cover-letter.pdf (a letter printed in the resume's design)."""

from __future__ import annotations

from fastapi import APIRouter, Response
from fastapi.responses import HTMLResponse, RedirectResponse

from resumate.document.schemas import dump_resume
from resumate.openapi import responses
from resumate.rendering.document import PREVIEW_HEADERS
from resumate.resumes.deps import OwnedResume
from resumate.resumes.pdf.deps import PdfServiceDep
from resumate.resumes.pdf.schemas import Draft, LetterIn, PdfOut, pdf_out
from resumate.resumes.pdf.service import pdf_filename
from resumate.storage.base import content_disposition

router = APIRouter(prefix="/api/resumes/{resume_id}", tags=["pdf"])


@router.post("/generate-pdf", response_model=PdfOut, responses=responses(401, 404, 422, 503))
async def generate_pdf(resume: OwnedResume, service: PdfServiceDep) -> PdfOut:
    """Print the saved resume; unchanged content returns the PDF already stored."""
    return pdf_out(await service.generate(resume))


@router.get(
    "/pdf",
    status_code=307,
    response_class=RedirectResponse,
    responses={**responses(401, 404, 422, 503), 307: {"description": "To a fresh download link"}},
)
async def download_pdf(resume: OwnedResume, service: PdfServiceDep) -> RedirectResponse:
    """Redirect to a fresh link to the PDF of the resume as it is now (printed if needed)."""
    link = await service.generate(resume)
    return RedirectResponse(link.url, status_code=307)


@router.post(
    "/cover-letter.pdf",
    response_class=Response,
    responses={
        **responses(401, 404, 422, 503),
        200: {"content": {"application/pdf": {}}, "description": "The letter as a PDF"},
    },
)
async def cover_letter_pdf(
    resume: OwnedResume, letter: LetterIn, service: PdfServiceDep
) -> Response:
    """Print a cover letter in the resume's design: its masthead, type, colours and page.

    The text is the person's (an Assistant draft they edited); it is printed for this answer
    and not kept.
    """
    printed = await service.letter(
        resume, text=letter.text, recipient=letter.recipient, dated=letter.date
    )
    return Response(
        printed.data,
        media_type="application/pdf",
        headers={
            "Content-Disposition": content_disposition(pdf_filename(resume.title, "-cover-letter")),
            "Cache-Control": "no-store",
        },
    )


@router.get(
    "/preview",
    # Not HTMLResponse: FastAPI would document the JSON errors as text/html too.
    response_class=Response,
    responses={**responses(401, 404, 422), 200: {"content": {"text/html": {}}}},
)
async def preview(resume: OwnedResume, service: PdfServiceDep) -> HTMLResponse:
    """The exact HTML the PDF is printed from."""
    document = await service.document(resume)
    return HTMLResponse(document.html, headers=PREVIEW_HEADERS)


@router.post(
    "/preview",
    response_class=Response,
    responses={**responses(401, 404, 422), 200: {"content": {"text/html": {}}}},
)
async def preview_draft(resume: OwnedResume, draft: Draft, service: PdfServiceDep) -> HTMLResponse:
    """The HTML the PDF would be printed from with these edits, without saving them.

    The editor's live preview: it checks the edits exactly as a save would, so an invalid
    field is named here, while typing.
    """
    document = await service.draft_document(
        resume,
        data=dump_resume(draft.data) if draft.data else None,
        theme=draft.theme.stored() if draft.theme else None,
        template_id=draft.template_id,
    )
    return HTMLResponse(document.html, headers=PREVIEW_HEADERS)
