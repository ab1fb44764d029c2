"""The editor page, and its version history (an htmx panel with restore)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from resumate.auth.deps import PageWriter
from resumate.document.countries import countries
from resumate.document.editor import (
    BASICS,
    CUSTOM_BLANK,
    KEPT_BY_FORM,
    LOCATION,
    PROFILE,
    SECTION_TITLES,
    SECTIONS,
    Section,
    custom_forms,
    extra_keys,
)
from resumate.document.labels import labelled
from resumate.document.language import native_names, resume_language, strings
from resumate.document.sample import sample_resume
from resumate.document.schemas import in_schema_order
from resumate.document.theme import SECTIONS as PAGE_SECTIONS
from resumate.rendering.document import render_document
from resumate.rendering.fonts import FAMILIES
from resumate.rendering.page_style import resolve
from resumate.rendering.words import headings
from resumate.resumes.deps import PageResume, ResumeServiceDep
from resumate.resumes.photo.service import inline_photo, photo_address, stored_version
from resumate.resumes.schemas import VersionNumber
from resumate.resumes.versions.view import entry_context, history_context, read_version_name
from resumate.storage.deps import StorageDep
from resumate.templates.deps import TemplateServiceDep
from resumate.web.templating import render

router = APIRouter(include_in_schema=False)

ACCENTS = ("#1d4ed8", "#4338ca", "#0f766e", "#15803d", "#b45309", "#b91c1c", "#be185d", "#111827")


def design_defaults(defaults: dict[str, Any]) -> dict[str, Any]:
    """A template's design as the Design controls show it while the resume keeps its default."""
    style = resolve({}, defaults)
    return {
        "accentColor": style.accent_color,
        "fontSize": style.font_size,
        "lineHeight": style.line_height,
        "marginMm": style.margin_mm,
        "spacing": style.spacing,
        "textColor": style.text_color,
        "backgroundColor": style.background_color,
    }


def as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def in_resume_order(sections: tuple[Section, ...], order: tuple[str, ...]) -> list[Section]:
    """The editor's section cards in the order the resume prints them: the ones its order names,
    then the rest as the page prints them (resumate.rendering.page_style.visible_sections)."""
    full = [*order, *(key for key in PAGE_SECTIONS if key not in order)]
    return sorted(sections, key=lambda section: full.index(section.key))


@router.get("/resumes/{resume_id}/edit")
async def editor(
    request: Request, resume: PageResume, catalogue: TemplateServiceDep, storage: StorageDep
) -> Response:
    template = await catalogue.get(resume.template_id)
    templates = await catalogue.list_latest()
    data = in_schema_order(resume.data)
    style = resolve(resume.theme, template.defaults)
    photo = await inline_photo(storage, resume.id, data)
    document = render_document(template.source, data, resume.theme, photo)
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
            "sections": in_resume_order(SECTIONS, style.section_order),
            "countries": countries(resume_language(data, resume.theme.get("language"))),
            # An empty resume may start from the sample (the preview pane offers it).
            "sample": None if any(text.strip() for text in strings(data)) else sample_resume(),
            "section_titles": SECTION_TITLES,
            "custom_forms": custom_forms(data),
            "custom_blank": CUSTOM_BLANK,
            "photo_address": photo_address(resume.id, v)
            if (v := stored_version(resume.id, data))
            else None,
            # "Heading on the page": the person's own, else the language's (the placeholder).
            "section_headings": dict(style.section_titles),
            "default_headings": headings(resolve(resume.theme, template.defaults, data).language),
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
    """The drawer's list of editing bursts; a later page is only more entries for the list."""
    context = await history_context(service, resume, offset)
    page = "editor/history.html" if context["offset"] == 0 else "editor/_history_entries.html"
    return render(request, page, context)


@router.get("/resumes/{resume_id}/history/{number}")
async def history_entry(
    request: Request,
    resume: PageResume,
    number: VersionNumber,
    service: ResumeServiceDep,
    catalogue: TemplateServiceDep,
    storage: StorageDep,
) -> Response:
    """One entry: the version's first page and what changed since, before restoring it."""
    context = await entry_context(service, catalogue, storage, resume, number)
    return render(request, "editor/_history_entry.html", context)


@router.post("/resumes/{resume_id}/versions/{number}/name")
async def name_version(
    request: Request,
    _user: PageWriter,
    resume: PageResume,
    number: VersionNumber,
    service: ResumeServiceDep,
    catalogue: TemplateServiceDep,
    storage: StorageDep,
    name: Annotated[str, Form(max_length=4096)] = "",
) -> Response:
    """Name a version (or, left empty, take its name away); the drawer shows it named."""
    await service.name_version(resume, number, read_version_name(name))
    context = await history_context(service, resume, 0)
    context |= await entry_context(service, catalogue, storage, resume, number)
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
