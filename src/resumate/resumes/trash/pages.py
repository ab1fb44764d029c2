"""Pages: the trash, and getting resumes out of it (restored, or deleted for good)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from resumate.auth.deps import PageUser, PageWriter
from resumate.auth.models import User
from resumate.db import utcnow
from resumate.errors import FieldError, ValidationFailed
from resumate.resumes.deps import DashboardDep, PageTrashedResume, ResumeServiceDep
from resumate.resumes.models import Resume
from resumate.resumes.service import ResumeService
from resumate.web.errors import is_htmx
from resumate.web.templating import render

router = APIRouter(include_in_schema=False)

# More than anyone keeps in the trash; beyond it the oldest are simply not listed.
TRASH_LIMIT = 100
# Which page asked: the answer updates that page.
Origin = Annotated[str, Form(alias="from", max_length=20)]
ORIGINS = ("dashboard", "trash")


@dataclass(frozen=True)
class Trashed:
    resume: Resume
    purge_at: datetime


async def trash_context(service: ResumeService, owner: User) -> dict[str, Any]:
    resumes, _ = await service.page(owner.id, trashed=True, limit=TRASH_LIMIT)
    now = utcnow()
    # Past its date a resume waits only for the hourly purge; it can no longer be restored.
    items = [Trashed(r, at) for r in resumes if (at := service.purge_at(r)) and at > now]
    return {"items": items, "retention_days": service.trash_retention.days}


def back(origin: str) -> RedirectResponse:
    return RedirectResponse("/resumes/trash" if origin == "trash" else "/resumes", status_code=303)


@router.get("/resumes/trash")
async def trash_page(request: Request, user: PageUser, service: ResumeServiceDep) -> Response:
    return render(request, "resumes/trash.html", await trash_context(service, user))


@router.post("/resumes/trash/empty")
async def empty_trash(request: Request, user: PageWriter, service: ResumeServiceDep) -> Response:
    count = await service.empty_trash(user.id)
    if not is_htmx(request):
        return back("trash")
    noun = "resume" if count == 1 else "resumes"
    context = await trash_context(service, user) | {"message": f"Deleted {count} {noun} for good."}
    return render(request, "resumes/_trash_changed.html", context)


@router.post("/resumes/{resume_id}/restore")
async def restore(
    request: Request,
    user: PageWriter,
    resume: PageTrashedResume,
    service: ResumeServiceDep,
    dashboard: DashboardDep,
    origin: Origin = "trash",
) -> Response:
    """Out of the trash: the dashboard's "Undo", or "Restore" on the trash page."""
    if origin not in ORIGINS:
        message = "The form field “from” must be “dashboard” or “trash”."
        raise ValidationFailed(message, fields=[FieldError(field="from", message=message)])
    await service.restore(resume)
    if not is_htmx(request):
        return back(origin)
    if origin == "dashboard":
        context = await dashboard.list_context(user) | {"resume": resume, "focus_id": resume.id}
        return render(request, "resumes/_restored.html", context)
    context = await trash_context(service, user) | {
        "message": f"Restored “{resume.title}”.",
        "restored": resume,
    }
    return render(request, "resumes/_trash_changed.html", context)


@router.post("/resumes/{resume_id}/purge")
async def purge(
    request: Request, user: PageWriter, resume: PageTrashedResume, service: ResumeServiceDep
) -> Response:
    title = resume.title
    await service.purge(resume)
    if not is_htmx(request):
        return back("trash")
    context = await trash_context(service, user) | {"message": f"Deleted “{title}” for good."}
    return render(request, "resumes/_trash_changed.html", context)
