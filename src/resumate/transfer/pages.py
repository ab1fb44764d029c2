"""Pages: importing a JSON Resume file from the dashboard."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import Response

from resumate.auth.deps import PageWriter
from resumate.errors import ResumateError
from resumate.resumes.dashboard import editor_url, go_to
from resumate.resumes.deps import DashboardDep
from resumate.resumes.forms import read_template, read_title
from resumate.transfer.deps import TransferServiceDep
from resumate.transfer.service import FileInvalid, read_json_resume
from resumate.web.forms import FormInvalid

router = APIRouter(include_in_schema=False)

TextField = Annotated[str, Form(max_length=4096)]


@router.post("/resumes/import")
async def import_file(
    request: Request,
    user: PageWriter,
    service: TransferServiceDep,
    dashboard: DashboardDep,
    file: Annotated[UploadFile | None, File()] = None,
    title: TextField = "",
    template: TextField = "",
) -> Response:
    form = {"title": title, "template": template}
    try:
        # The body as a whole is capped by the app's request size limit before this runs.
        try:
            data = read_json_resume(await file.read() if file is not None else b"")
        except FileInvalid as invalid:
            raise FormInvalid({"file": str(invalid)}) from None
        named = read_title(title, required=False) or None
        resume = await service.import_document(user.id, data, named, read_template(template))
    except ResumateError as error:
        return await dashboard.form_failed(request, user, "import", form, error)
    return go_to(request, editor_url(resume))
