"""Pages: the public template gallery, one template's preview, and their pictures."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from resumate.auth.deps import MaybeUser
from resumate.auth.models import User
from resumate.document.sample import sample_resume
from resumate.errors import NotFound
from resumate.rendering.document import PREVIEW_HEADERS, render_document
from resumate.rendering.thumbnail import SHOT_REVISION
from resumate.resumes.deps import ResumeServiceDep
from resumate.resumes.service import ResumeService
from resumate.templates.deps import TemplateServiceDep, TemplateThumbnailsDep
from resumate.templates.models import Template
from resumate.templates.service import TemplateService
from resumate.web.templating import render

router = APIRouter(include_in_schema=False)

# `?for=<resume id>`: the editor's "Change template" asks which template that resume should use.
ForResume = Annotated[uuid.UUID | None, Query(alias="for")]
# Links carry `?v=<template version>`, so that address always shows the same picture.
CACHE_VERSIONED = "public, max-age=31536000, immutable"
CACHE_OTHERWISE = "public, max-age=86400"


async def latest(templates: TemplateService, slug: str) -> Template:
    template = await templates.by_slug(slug)
    if template is None:
        raise NotFound("There is no template by that name.")
    return template


async def choosing_for(
    resumes: ResumeService,
    templates: TemplateService,
    user: User | None,
    resume_id: uuid.UUID | None,
) -> dict[str, Any]:
    """The resume a template is being chosen for, and the template it has now."""
    if user is None or resume_id is None:
        return {"for_resume": None, "current_slug": None}
    resume = await resumes.owned(user.id, resume_id)
    current = await templates.get(resume.template_id)
    return {"for_resume": resume, "current_slug": current.slug}


@router.get("/templates")
async def gallery(
    request: Request,
    user: MaybeUser,
    resumes: ResumeServiceDep,
    templates: TemplateServiceDep,
    for_: ForResume = None,
) -> Response:
    context = await choosing_for(resumes, templates, user, for_)
    context["templates"] = await templates.list_latest()
    return render(request, "templates/gallery.html", context)


@router.get("/templates/{slug}")
async def template_page(
    request: Request,
    slug: str,
    user: MaybeUser,
    resumes: ResumeServiceDep,
    templates: TemplateServiceDep,
    for_: ForResume = None,
) -> Response:
    context = await choosing_for(resumes, templates, user, for_)
    context["template"] = await latest(templates, slug)
    return render(request, "templates/template.html", context)


@router.get("/templates/{slug}/sample")
async def sample(slug: str, templates: TemplateServiceDep) -> HTMLResponse:
    """The template with its sample data: the very document a resume's preview would be."""
    template = await latest(templates, slug)
    document = render_document(template.source, sample_resume(), {})
    return HTMLResponse(document.html, headers=PREVIEW_HEADERS)


@router.get("/templates/{slug}/thumbnail.png")
async def thumbnail(
    request: Request,
    slug: str,
    templates: TemplateServiceDep,
    thumbnails: TemplateThumbnailsDep,
    v: Annotated[str | None, Query(max_length=20)] = None,
) -> Response:
    template = await latest(templates, slug)
    cache = CACHE_VERSIONED if v == template.picture_version else CACHE_OTHERWISE
    headers = {"ETag": f'"{template.content_hash[:24]}-{SHOT_REVISION}"', "Cache-Control": cache}
    if request.headers.get("if-none-match") == headers["ETag"]:
        return Response(status_code=304, headers=headers)
    image = await thumbnails.png(template)
    return Response(image, media_type="image/png", headers=headers)
