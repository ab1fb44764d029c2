"""Importing a JSON Resume document as a new resume, and exporting one.

Every way in (the API's JSON body, a file on the dashboard) ends in the same parser and limits
as a save: `parse_resume`. An export carries the resume's design in `meta`, and an import of it
restores that design (see `resumate.transfer.design`).
"""

from __future__ import annotations

import json
import re
import uuid
from typing import Any

from pydantic import ValidationError

from resumate.document.fields import MAX_DOCUMENT_BYTES
from resumate.document.schemas import JsonResume, in_schema_order, parse_resume
from resumate.errors import validation_error
from resumate.resumes.models import Resume
from resumate.resumes.service import ResumeService
from resumate.templates.service import TemplateService
from resumate.transfer.design import read_design, with_design


class FileInvalid(ValueError):
    """An uploaded file that is not a JSON Resume document, said in words a person can act on."""


class TransferService:
    def __init__(self, resumes: ResumeService, templates: TemplateService) -> None:
        self.resumes = resumes
        self.templates = templates

    async def import_document(
        self,
        owner_id: uuid.UUID,
        data: JsonResume,
        title: str | None,
        template_id: uuid.UUID | None,
    ) -> Resume:
        # JSON Resume names its theme in meta.theme; read it before the design comes out of meta.
        theme_name = getattr(data.meta, "theme", None) if data.meta is not None else None
        design, data = read_design(data)
        if template_id is None:
            # Ours by name: the design's template, else the standard's theme name, else the default.
            named = (design.template if design else None, theme_name)
            template_id = await self._template_named(*named)
        title = title or imported_title(data)
        theme = design.theme if design else None
        return await self.resumes.create(owner_id, title, template_id, data, theme)

    async def export(self, resume: Resume) -> tuple[dict[str, Any], str]:
        """The resume as a JSON Resume document with its design in meta, and its file name."""
        template = await self.templates.get(resume.template_id)
        document = with_design(in_schema_order(resume.data), template.slug, resume.theme)
        return document, exported_filename(resume.title)

    async def _template_named(self, *names: object) -> uuid.UUID | None:
        """The newest version of the first template of ours named; None (the default) if none."""
        for name in names:
            if isinstance(name, str) and name:
                found = await self.templates.by_slug(name.lower())
                if found is not None:
                    return found.id
        return None


def imported_title(data: JsonResume) -> str:
    basics = data.basics
    name = basics.name if basics and basics.name else None
    label = basics.label if basics and basics.label else None
    title = " – ".join(part for part in (name, label) if part) or "Imported resume"
    return title[:200]


def exported_filename(title: str) -> str:
    """The name a resume's JSON Resume file downloads as."""
    filename = (re.sub(r"[^A-Za-z0-9._-]+", "-", title).strip("-") or "resume")[:80]
    return f"{filename}.json"


def read_json_resume(content: bytes) -> JsonResume:
    """An uploaded file's JSON Resume document, checked exactly as the API's import checks it."""
    if not content.strip():
        raise FileInvalid("Choose a JSON Resume file (.json) to import.")
    try:
        raw = json.loads(content)
    except UnicodeDecodeError:
        raise FileInvalid("This file is not text. Choose a .json file.") from None
    except json.JSONDecodeError as exc:
        problem = f"line {exc.lineno}, column {exc.colno}: {exc.msg}"
        raise FileInvalid(f"This file is not valid JSON ({problem}).") from None
    if not isinstance(raw, dict):
        raise FileInvalid(
            "This file is JSON, but not a JSON Resume: it must hold one object { … }."
        )
    try:
        return parse_resume(raw)
    except ValidationError as exc:
        raise FileInvalid(_describe(exc)) from None


def _describe(exc: ValidationError) -> str:
    if any(error["type"] == "document_too_large" for error in exc.errors()):
        limit = MAX_DOCUMENT_BYTES // 1024
        return f"This resume is too large to import: at most {limit} KB of JSON."
    fields = validation_error(exc.errors()).fields or []
    first = fields[0]
    # Pydantic's own messages start "Input should be ..."; after the field's path, "should be".
    message = first.message.removeprefix("Input ")
    more = len(fields) - 1
    tail = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    return f"This file is not a valid JSON Resume: {first.field} {message}{tail}."
