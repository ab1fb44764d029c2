"""Pages: the dashboard of resumes, creating and importing, and each card's actions.

The card actions answer htmx with fragments (a card, a toast, out-of-band list changes) and a
plain form post with a redirect back, so every action also works without scripts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from resumate.auth.models import User
from resumate.deps import ContextDep, SessionDep
from resumate.errors import FieldError, ResumateError, ValidationFailed
from resumate.resumes.deps import ResumeServiceDep
from resumate.resumes.models import Resume
from resumate.resumes.page_deps import PageResume
from resumate.resumes.page_forms import (
    NAMES,
    read_chosen_template,
    read_json_resume,
    read_new_resume,
    read_template,
    read_title,
)
from resumate.resumes.service import Changes, ResumeService
from resumate.resumes.thumbnails import ResumeThumbnails, etag_of
from resumate.templates.models import Template
from resumate.templates.repository import DEFAULT_SLUG
from resumate.web.deps import PageUser, PageWriter
from resumate.web.errors import is_htmx
from resumate.web.forms import FormInvalid, errors_from
from resumate.web.templating import render

router = APIRouter(include_in_schema=False)

TextField = Annotated[str, Form(max_length=4096)]
PAGE_SIZE = 48
# The card asks for `?v=<version>`: that address always shows the same picture.
CACHE_VERSIONED = "private, max-age=31536000, immutable"
CACHE_OTHERWISE = "private, no-cache"


@dataclass(frozen=True)
class Card:
    resume: Resume
    template: Template


async def cards(service: ResumeService, resumes: list[Resume]) -> list[Card]:
    # A resume names an exact template version; the session keeps each row after one lookup.
    return [Card(r, await service.templates.get(r.template_id)) for r in resumes]


async def list_context(service: ResumeService, owner: User, page: int = 1) -> dict[str, Any]:
    """What `resumes/_list.html` shows: one page of cards, newest edit first."""
    offset = (page - 1) * PAGE_SIZE
    resumes, total = await service.resumes.page(
        owner.id, trashed=False, limit=PAGE_SIZE, offset=offset
    )
    return {
        "cards": await cards(service, resumes),
        "total": total,
        "page": page,
        "pages": max(1, -(-total // PAGE_SIZE)),
    }


async def dashboard(
    request: Request,
    service: ResumeService,
    owner: User,
    page: int = 1,
    *,
    dialog: str | None = None,
    form: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    templates = await service.templates.list_latest()
    default = next((t.id for t in templates if t.slug == DEFAULT_SLUG), None)
    context = await list_context(service, owner, page) | {
        "templates": templates,
        "new_form": {"template": str(default or ""), "start": "blank"},
        "import_form": {},
        "errors": errors or {},
        "dialog": dialog,
    }
    if dialog is not None:
        context[f"{dialog}_form"] = form or {}
    return render(request, "resumes/dashboard.html", context, status_code=status_code)


def go_to(request: Request, url: str) -> Response:
    """A redirect a plain form follows, and one htmx turns into a full page load."""
    if is_htmx(request):
        return Response(headers={"HX-Redirect": url})
    return RedirectResponse(url, status_code=303)


def editor_url(resume: Resume) -> str:
    return f"/resumes/{resume.id}/edit"


@router.get("/resumes")
async def my_resumes(
    request: Request,
    user: PageUser,
    service: ResumeServiceDep,
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
) -> Response:
    return await dashboard(request, service, user, page)


async def form_failed(
    request: Request,
    service: ResumeService,
    user: User,
    dialog: str,
    form: dict[str, str],
    error: ResumateError,
) -> Response:
    """The dialog's form again with the problems inline: in place for htmx, else the page."""
    errors = errors_from(error, NAMES)
    if is_htmx(request):
        context = {
            "templates": await service.templates.list_latest(),
            f"{dialog}_form": form,
            "errors": errors,
            "dialog": dialog,
        }
        name = f"resumes/_{dialog}_form.html"
        return render(request, name, context, status_code=error.status)
    return await dashboard(
        request, service, user, dialog=dialog, form=form, errors=errors, status_code=error.status
    )


@router.post("/resumes")
async def create(
    request: Request,
    user: PageWriter,
    service: ResumeServiceDep,
    title: TextField = "",
    template: TextField = "",
    start: TextField = "blank",
) -> Response:
    form = {"title": title, "template": template, "start": start}
    try:
        new = read_new_resume(title, template, start)
        resume = await service.create(user.id, new.title, new.template_id, new.data, None)
    except ResumateError as error:
        return await form_failed(request, service, user, "new", form, error)
    return go_to(request, editor_url(resume))


@router.post("/resumes/import")
async def import_file(
    request: Request,
    user: PageWriter,
    service: ResumeServiceDep,
    file: Annotated[UploadFile | None, File()] = None,
    title: TextField = "",
    template: TextField = "",
) -> Response:
    form = {"title": title, "template": template}
    try:
        # The body as a whole is capped by the app's request size limit before this runs.
        data = read_json_resume(await file.read() if file is not None else b"")
        named = read_title(title, required=False) or None
        resume = await service.import_document(user.id, data, named, read_template(template))
    except ResumateError as error:
        return await form_failed(request, service, user, "import", form, error)
    return go_to(request, editor_url(resume))


@router.get("/resumes/{resume_id}/thumbnail.png")
async def thumbnail(
    request: Request,
    resume: PageResume,
    session: SessionDep,
    context: ContextDep,
    v: Annotated[str | None, Query(max_length=20)] = None,
) -> Response:
    """The resume's first page as a PNG, made once per distinct content."""
    shots = ResumeThumbnails(session, context.storage, context.renderer)
    key = await shots.key(resume)
    cache = CACHE_VERSIONED if v == str(resume.version) else CACHE_OTHERWISE
    headers = {"ETag": etag_of(key), "Cache-Control": cache}
    if request.headers.get("if-none-match") == headers["ETag"]:
        return Response(status_code=304, headers=headers)
    return Response(await shots.png(resume, key), media_type="image/png", headers=headers)


@router.get("/resumes/{resume_id}/card")
async def card(request: Request, resume: PageResume, service: ResumeServiceDep) -> Response:
    """One card, as it is now (what a cancelled rename goes back to)."""
    (shown,) = await cards(service, [resume])
    return render(request, "resumes/_card.html", {"card": shown, "focus": "rename"})


@router.get("/resumes/{resume_id}/rename")
async def rename_form(request: Request, resume: PageResume) -> Response:
    context = {"resume": resume, "form": {"title": resume.title}, "errors": {}}
    return render(request, "resumes/_rename.html", context)


@router.post("/resumes/{resume_id}/rename")
async def rename(
    request: Request,
    _user: PageWriter,
    resume: PageResume,
    service: ResumeServiceDep,
    title: TextField = "",
) -> Response:
    try:
        # Only the title is written, so the version read here is the one to build on.
        new_title = read_title(title, required=True)
        resume = await service.update(resume, resume.version, Changes(title=new_title))
    except ResumateError as error:
        context = {"resume": resume, "form": {"title": title}, "errors": errors_from(error)}
        # The form asked for its card back; with a problem it stays, in place of the title.
        retarget = {"HX-Retarget": f"#card-body-{resume.id}", "HX-Reswap": "outerHTML"}
        return render(
            request, "resumes/_rename.html", context, status_code=error.status, headers=retarget
        )
    if not is_htmx(request):
        return RedirectResponse("/resumes", status_code=303)
    (shown,) = await cards(service, [resume])
    return render(request, "resumes/_card.html", {"card": shown, "focus": "title"})


@router.post("/resumes/{resume_id}/duplicate")
async def duplicate(
    request: Request, _user: PageWriter, resume: PageResume, service: ResumeServiceDep
) -> Response:
    copy = await service.duplicate(resume)
    if not is_htmx(request):
        return RedirectResponse("/resumes", status_code=303)
    (shown,) = await cards(service, [copy])
    context = {"card": shown, "after": resume.id, "focus": "title"}
    return render(request, "resumes/_duplicated.html", context)


@router.post("/resumes/{resume_id}/trash")
async def trash(
    request: Request, user: PageWriter, resume: PageResume, service: ResumeServiceDep
) -> Response:
    await service.trash(resume)
    if not is_htmx(request):
        return RedirectResponse("/resumes", status_code=303)
    _, left = await service.resumes.page(user.id, trashed=False, limit=1, offset=0)
    context = {"resume": resume, "left": left}
    if not left:
        context |= await list_context(service, user)
    return render(request, "resumes/_trashed.html", context)


@router.post("/resumes/{resume_id}/template")
async def switch_template(
    request: Request,
    _user: PageWriter,
    resume: PageResume,
    service: ResumeServiceDep,
    template: TextField = "",
) -> Response:
    """Give the resume another template (the gallery's "Switch"), then back to the editor."""
    try:
        template_id = read_chosen_template(template)
    except FormInvalid as invalid:
        message = invalid.errors["template"]
        field = FieldError(field="template", message=message)
        raise ValidationFailed(message, fields=[field]) from None
    await service.update(resume, resume.version, Changes(template_id=template_id))
    return go_to(request, editor_url(resume))
