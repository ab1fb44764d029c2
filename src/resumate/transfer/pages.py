"""Pages: importing a resume file from the dashboard (PDF, Word, LinkedIn export, text or JSON
Resume), reviewing what a file holds before it is saved, and dismissing what the import
reported."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import Response

from resumate.auth.deps import PageUser, PageWriter
from resumate.auth.models import User
from resumate.errors import ResumateError
from resumate.resumes.dashboard import editor_url, go_to
from resumate.resumes.deps import DashboardDep, PageResume
from resumate.resumes.forms import read_template, read_title
from resumate.transfer.deps import TransferServiceDep
from resumate.transfer.direct.bucket import UploadNotFound
from resumate.transfer.direct.deps import UPLOADS
from resumate.transfer.reading.limits import MAX_BYTES
from resumate.transfer.service import FileInvalid
from resumate.transfer.upload import UploadedFile
from resumate.web.errors import is_htmx
from resumate.web.forms import FormInvalid
from resumate.web.templating import page_policy, render

router = APIRouter(include_in_schema=False)

TextField = Annotated[str, Form(max_length=4096)]


@router.get("/resumes/import/review")
async def review_import(request: Request, _user: PageUser) -> Response:
    """A file read side by side with the fields found in it, to correct before it is saved."""
    # Loaded here, not with the app: the module imports every reader, which the worker runs.
    from resumate.transfer.reading.files import UNSURE

    return render(
        request,
        "resumes/import_review.html",
        {"unsure": UNSURE, "max_mb": MAX_BYTES // 2**20},
        headers={"Content-Security-Policy": page_policy(request, frame_src="'self' blob:")},
    )


@router.post("/resumes/import")
async def import_file(
    request: Request,
    user: PageWriter,
    service: TransferServiceDep,
    dashboard: DashboardDep,
    file: Annotated[UploadFile | None, File()] = None,
    title: TextField = "",
    template: TextField = "",
    upload: TextField = "",
) -> Response:
    """The file in the form, or (with an uploads bucket) the one sent there, named by `upload`."""
    form = {"title": title, "template": template}
    try:
        named = read_title(title, required=False) or None
        template_id = read_template(template)
        try:
            parsed = await service.read(await _sent_file(request, user, file, upload))
        except FileInvalid as invalid:
            raise FormInvalid({"file": str(invalid)}) from None
        resume = await service.import_document(user.id, parsed.imported, named, template_id)
    except ResumateError as error:
        return await dashboard.form_failed(request, user, "import", form, error)
    return go_to(request, editor_url(resume))


@router.post("/resumes/{resume_id}/import-warnings/dismiss")
async def dismiss_import_warnings(
    request: Request, resume: PageResume, _user: PageWriter, service: TransferServiceDep
) -> Response:
    """The owner has read what the import could not take: the editor stops showing it."""
    service.dismiss_warnings(resume)
    if is_htmx(request):
        return Response(status_code=200)  # the notice is swapped for nothing
    return go_to(request, editor_url(resume))


async def _sent_file(
    request: Request, user: User, file: UploadFile | None, upload: str
) -> UploadedFile:
    uploads = UPLOADS.find(request.app)
    if upload and uploads is not None:
        try:
            taken = await uploads.take(user, upload)
        except UploadNotFound as gone:
            raise FileInvalid(gone.message) from None
        return UploadedFile(taken.data, taken.name)
    if file is None:
        return UploadedFile(b"")
    # The body as a whole is capped by the app's request size limit before this runs.
    return UploadedFile(await file.read(MAX_BYTES + 1), file.filename or "")
