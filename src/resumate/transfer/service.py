"""Importing a JSON Resume document as a new resume, and exporting one.

Every way in (the API's JSON body, a file on the dashboard) ends in the same parser and limits
as a save: `parse_resume`.
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
        if template_id is None and data.meta is not None:
            # JSON Resume names its theme in meta.theme; use ours of that name when there is one.
            theme_name = getattr(data.meta, "theme", None)
            if isinstance(theme_name, str):
                found = await self.templates.by_slug(theme_name.lower())
                template_id = found.id if found else None
        title = title or imported_title(data)
        return await self.resumes.create(owner_id, title, template_id, data, None)


def imported_title(data: JsonResume) -> str:
    basics = data.basics
    name = basics.name if basics and basics.name else None
    label = basics.label if basics and basics.label else None
    title = " – ".join(part for part in (name, label) if part) or "Imported resume"
    return title[:200]


def exported(resume: Resume) -> tuple[dict[str, Any], str]:
    """The resume's data as a JSON Resume document, and the file name it downloads as."""
    filename = (re.sub(r"[^A-Za-z0-9._-]+", "-", resume.title).strip("-") or "resume")[:80]
    return in_schema_order(resume.data), f"{filename}.json"


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
