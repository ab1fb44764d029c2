"""The dashboard as the pages that answer on it draw it: cards, the list, the dialogs' forms.

The resume pages, the trash pages and the import page each answer with some part of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import Request
from fastapi.responses import RedirectResponse, Response

from resumate.auth.models import User
from resumate.errors import ResumateError
from resumate.resumes.models import Resume
from resumate.resumes.service import ResumeService
from resumate.templates.models import DEFAULT_SLUG, Template
from resumate.templates.service import TemplateService
from resumate.web.errors import is_htmx
from resumate.web.forms import errors_from
from resumate.web.templating import render

PAGE_SIZE = 48
# Form field names for the service's own (API) field names.
NAMES = {"templateId": "template", "title": "title"}


@dataclass(frozen=True)
class Card:
    resume: Resume
    template: Template
    # A master's variants, each tailored to a job, shown grouped under it.
    variants: tuple[Card, ...] = ()


@dataclass(frozen=True)
class Dashboard:
    """What the dashboard's parts need: the owner's resumes and the templates they use."""

    resumes: ResumeService
    templates: TemplateService

    async def cards(self, resumes: list[Resume]) -> list[Card]:
        # A resume names an exact template version; the session keeps each row after one lookup.
        return [Card(r, await self.templates.get(r.template_id)) for r in resumes]

    async def list_context(self, owner: User, page: int = 1) -> dict[str, Any]:
        """What `resumes/_list.html` shows: one page of cards, newest edit first, each
        master's variants grouped under it."""
        offset = (page - 1) * PAGE_SIZE
        heads, variants, total = await self.resumes.masters_page(
            owner.id, limit=PAGE_SIZE, offset=offset
        )
        under: dict[Any, list[Card]] = {}
        for card in await self.cards(variants):
            under.setdefault(card.resume.master_id, []).append(card)
        cards = [
            Card(card.resume, card.template, tuple(under.get(card.resume.id, ())))
            for card in await self.cards(heads)
        ]
        return {
            "cards": cards,
            "total": total,
            "page": page,
            "pages": max(1, -(-total // PAGE_SIZE)),
        }

    async def page(
        self,
        request: Request,
        owner: User,
        page: int = 1,
        *,
        dialog: str | None = None,
        form: dict[str, str] | None = None,
        errors: dict[str, str] | None = None,
        status_code: int = 200,
    ) -> Response:
        templates = await self.templates.list_latest()
        default = next((t.id for t in templates if t.slug == DEFAULT_SLUG), None)
        context = await self.list_context(owner, page) | {
            "templates": templates,
            "new_form": {"template": str(default or ""), "start": "blank"},
            "import_form": {},
            "errors": errors or {},
            "dialog": dialog,
        }
        if dialog is not None:
            context[f"{dialog}_form"] = form or {}
        return render(request, "resumes/dashboard.html", context, status_code=status_code)

    async def form_failed(
        self,
        request: Request,
        user: User,
        dialog: str,
        form: dict[str, str],
        error: ResumateError,
    ) -> Response:
        """The dialog's form again with the problems inline: in place for htmx, else the page."""
        errors = errors_from(error, NAMES)
        if is_htmx(request):
            context = {
                "templates": await self.templates.list_latest(),
                f"{dialog}_form": form,
                "errors": errors,
                "dialog": dialog,
            }
            name = f"resumes/_{dialog}_form.html"
            return render(request, name, context, status_code=error.status)
        return await self.page(
            request, user, dialog=dialog, form=form, errors=errors, status_code=error.status
        )


def go_to(request: Request, url: str) -> Response:
    """A redirect a plain form follows, and one htmx turns into a full page load."""
    if is_htmx(request):
        return Response(headers={"HX-Redirect": url})
    return RedirectResponse(url, status_code=303)


def editor_url(resume: Resume) -> str:
    return f"/resumes/{resume.id}/edit"
