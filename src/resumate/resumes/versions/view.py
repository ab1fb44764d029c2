"""What the editor's history drawer shows: the bursts, and one entry with its preview and diff."""

from __future__ import annotations

from typing import Any

from resumate.errors import FieldError, ValidationFailed
from resumate.rendering.document import render_document
from resumate.resumes.models import Resume
from resumate.resumes.photo.service import inline_photo
from resumate.resumes.service import ResumeService
from resumate.storage.base import Storage
from resumate.templates.service import TemplateService

HISTORY_PAGE = 30
NAME_MAX = 80
# A sheet in CSS pixels (96 per inch), and the grey the preview lays around it.
SHEETS = {"A4": (794, 1123), "Letter": (816, 1056)}
GUTTER = 24


def read_version_name(raw: str) -> str | None:
    """A name typed in the drawer; nothing (or only spaces) takes the name away."""
    name = raw.strip()
    if len(name) > NAME_MAX:
        message = f"Keep the name to {NAME_MAX} characters; this one has {len(name)}."
        raise ValidationFailed(message, fields=[FieldError(field="name", message=message)])
    return name or None


async def history_context(service: ResumeService, resume: Resume, offset: int) -> dict[str, Any]:
    offset = max(0, offset)
    found, total = await service.history_page(resume, limit=HISTORY_PAGE, offset=offset)
    following = offset + HISTORY_PAGE
    return {
        "resume": resume,
        # One entry per burst of edits; each shows and restores the version it ended in.
        "versions": found,
        "total": total,
        "offset": offset,
        "next_offset": following if following < total else None,
    }


async def entry_context(
    service: ResumeService,
    catalogue: TemplateService,
    storage: Storage,
    resume: Resume,
    number: int,
) -> dict[str, Any]:
    """One saved version: its first page as it printed, and what changed in the resume since."""
    version, changes = await service.changes_since(resume, number)
    template = await catalogue.get(version.template_id)
    # The photo the version names, while storage still keeps it (a replaced one is deleted).
    photo = await inline_photo(storage, resume.id, version.data)
    document = render_document(template.source, version.data, version.theme, photo)
    width, height = SHEETS.get(document.style.page_size, SHEETS["A4"])
    return {
        "resume": resume,
        "entry": version,
        "changes": changes,
        "preview_html": document.html,
        # The frame shows the first sheet and the grey around its top: the rest is cut off.
        "frame": {"width": width + 2 * GUTTER, "height": height + GUTTER},
        "current": version.version == resume.version,
    }
