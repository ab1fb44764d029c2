"""The editor page, and its version history (an htmx panel with restore)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from resumate.auth.deps import PageWriter
from resumate.document.editor import (
    BASICS,
    KEPT_BY_FORM,
    LOCATION,
    PROFILE,
    SECTION_TITLES,
    SECTIONS,
    extra_keys,
)
from resumate.document.labels import labelled
from resumate.document.language import native_names, resume_language
from resumate.document.schemas import in_schema_order
from resumate.rendering.document import render_document
from resumate.rendering.fonts import FAMILIES
from resumate.rendering.page_style import resolve
from resumate.resumes.deps import PageResume, ResumeServiceDep
from resumate.resumes.schemas import VersionNumber
from resumate.templates.deps import TemplateServiceDep
from resumate.web.templating import render

router = APIRouter(include_in_schema=False)

HISTORY_PAGE = 30
ACCENTS = ("#1d4ed8", "#4338ca", "#0f766e", "#15803d", "#b45309", "#b91c1c", "#be185d", "#111827")


def design_defaults(defaults: dict[str, Any]) -> dict[str, Any]:
    """A template's design as the Design controls show it while the resume keeps its default."""
    style = resolve({}, defaults)
    return {
        "accentColor": style.accent_color,
        "fontSize": style.font_size,
        "lineHeight": style.line_height,
        "marginMm": style.margin_mm,
    }


def as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


@router.get("/resumes/{resume_id}/edit")
async def editor(request: Request, resume: PageResume, catalogue: TemplateServiceDep) -> Response:
    template = await catalogue.get(resume.template_id)
    templates = await catalogue.list_latest()
    data = in_schema_order(resume.data)
    style = resolve(resume.theme, template.defaults)
    document = render_document(template.source, data, resume.theme)
    basics = as_dict(data.get("basics"))
    location = as_dict(basics.get("location"))
    return render(
        request,
        "editor/editor.html",
        {
            "resume": resume,
            "data": data,
            "theme": resume.theme,
            "style": style,
            "template": template,
            "templates": templates,
            "preview_html": document.html,
            "basics_extra": extra_keys(basics, (*BASICS, *KEPT_BY_FORM)),
            "location_extra": extra_keys(location, LOCATION),
            "template_defaults": {str(t.id): design_defaults(t.defaults) for t in templates},
            "basics_fields": BASICS,
            "location_fields": LOCATION,
            "profile_section": PROFILE,
            "sections": SECTIONS,
            "section_titles": SECTION_TITLES,
            "fonts": FAMILIES,
            "languages": native_names(),
            # What "Automatic" prints in: the resume's meta or script, without the design's choice.
            "detected_language": resume_language(data),
            "accents": ACCENTS,
            "restored": request.query_params.get("restored"),
            "import_notes": labelled(resume.import_warnings),
        },
    )


@router.get("/resumes/{resume_id}/history")
async def history(
    request: Request, resume: PageResume, service: ResumeServiceDep, offset: int = 0
) -> Response:
    rows, total = await service.versions_page(resume, limit=HISTORY_PAGE, offset=max(0, offset))
    context: dict[str, Any] = {
        "resume": resume,
        "versions": rows,
        "total": total,
        "next_offset": offset + HISTORY_PAGE if offset + HISTORY_PAGE < total else None,
        "offset": offset,
    }
    return render(request, "editor/history.html", context)


@router.post("/resumes/{resume_id}/versions/{number}/restore")
async def restore_version(
    resume: PageResume,
    number: VersionNumber,
    service: ResumeServiceDep,
    _user: PageWriter,
    expected: Annotated[int, Form(ge=1)],
) -> Response:
    """Make an earlier version current (as a new version), then reload the editor with it."""
    await service.restore_version(resume, number, expected)
    target = f"/resumes/{resume.id}/edit?restored={number}"
    return Response(status_code=204, headers={"HX-Redirect": target})
