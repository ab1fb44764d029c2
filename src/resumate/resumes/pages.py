"""Pages: the dashboard of resumes, creating one, and each card's actions.

The card actions answer htmx with fragments (a card, a toast, out-of-band list changes) and a
plain form post with a redirect back, so every action also works without scripts.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from resumate.auth.deps import PageUser, PageWriter
from resumate.errors import FieldError, ResumateError, ValidationFailed
from resumate.resumes.dashboard import editor_url, go_to
from resumate.resumes.deps import DashboardDep, PageResume, ResumeServiceDep
from resumate.resumes.forms import read_chosen_template, read_new_resume, read_title
from resumate.resumes.service import Changes
from resumate.web.errors import is_htmx
from resumate.web.forms import FormInvalid, errors_from
from resumate.web.templating import render

router = APIRouter(include_in_schema=False)

TextField = Annotated[str, Form(max_length=4096)]


@router.get("/resumes")
async def my_resumes(
    request: Request,
    user: PageUser,
    dashboard: DashboardDep,
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
) -> Response:
    return await dashboard.page(request, user, page)


@router.post("/resumes")
async def create(
    request: Request,
    user: PageWriter,
    service: ResumeServiceDep,
    dashboard: DashboardDep,
    title: TextField = "",
    template: TextField = "",
    start: TextField = "blank",
) -> Response:
    form = {"title": title, "template": template, "start": start}
    try:
        new = read_new_resume(title, template, start)
        resume = await service.create(user.id, new.title, new.template_id, new.data, None)
    except ResumateError as error:
        return await dashboard.form_failed(request, user, "new", form, error)
    return go_to(request, editor_url(resume))


@router.get("/resumes/{resume_id}/card")
async def card(request: Request, resume: PageResume, dashboard: DashboardDep) -> Response:
    """One card, as it is now (what a cancelled rename goes back to)."""
    (shown,) = await dashboard.cards([resume])
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
    dashboard: DashboardDep,
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
    (shown,) = await dashboard.cards([resume])
    return render(request, "resumes/_card.html", {"card": shown, "focus": "title"})


@router.post("/resumes/{resume_id}/duplicate")
async def duplicate(
    request: Request,
    _user: PageWriter,
    resume: PageResume,
    service: ResumeServiceDep,
    dashboard: DashboardDep,
) -> Response:
    copy = await service.duplicate(resume)
    if not is_htmx(request):
        return RedirectResponse("/resumes", status_code=303)
    (shown,) = await dashboard.cards([copy])
    # After the original's card; a master's copy is no variant, so after the master's group.
    grouped = copy.master_id is None and bool(await service.variants_of(resume))
    context = {"card": shown, "after": resume.id, "after_group": grouped, "focus": "title"}
    return render(request, "resumes/_duplicated.html", context)


@router.post("/resumes/{resume_id}/trash")
async def trash(
    request: Request,
    user: PageWriter,
    resume: PageResume,
    service: ResumeServiceDep,
    dashboard: DashboardDep,
) -> Response:
    # A master's variants come out of its group, and a group loses one: the list is drawn again.
    regroup = resume.master_id is not None or bool(await service.variants_of(resume))
    await service.trash(resume)
    if not is_htmx(request):
        return RedirectResponse("/resumes", status_code=303)
    _, left = await service.page(user.id, limit=1)
    context = {"resume": resume, "left": left and not regroup}
    if not left or regroup:
        context |= await dashboard.list_context(user)
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
