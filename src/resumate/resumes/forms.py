"""The dashboard's forms: a new resume, an imported JSON Resume file, a new title.

Each reader returns clean values or raises FormInvalid naming the form field and the problem
in words a person can act on.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

from pydantic import ValidationError

from resumate.error_handlers import validation_error
from resumate.resumes.jsonresume import MAX_DOCUMENT_BYTES, JsonResume, parse_resume
from resumate.templates.thumbnails import sample_resume
from resumate.web.forms import FormInvalid

MAX_TITLE = 200
DEFAULT_TITLE = "Untitled resume"
STARTS = ("blank", "example")
# Form field names for the service's own (API) field names.
NAMES = {"templateId": "template", "title": "title"}


@dataclass(frozen=True)
class NewResume:
    title: str
    template_id: uuid.UUID | None
    data: JsonResume


def read_title(raw: str, *, required: bool) -> str:
    title = raw.strip()
    if not title and required:
        raise FormInvalid({"title": "Give the resume a title."})
    if len(title) > MAX_TITLE:
        raise FormInvalid(
            {"title": f"Keep the title to {MAX_TITLE} characters; this one has {len(title)}."}
        )
    return title


def read_template(raw: str) -> uuid.UUID | None:
    """The chosen template's id; None (the default template) when none was chosen."""
    if not raw.strip():
        return None
    try:
        return uuid.UUID(raw.strip())
    except ValueError:
        raise FormInvalid({"template": "Choose one of the templates."}) from None


def read_new_resume(title: str, template: str, start: str) -> NewResume:
    """Every field is checked, so each problem is shown at once."""
    errors: dict[str, str] = {}
    clean_title, template_id = DEFAULT_TITLE, None
    try:
        clean_title = read_title(title, required=False) or DEFAULT_TITLE
    except FormInvalid as invalid:
        errors |= invalid.errors
    try:
        template_id = read_template(template)
    except FormInvalid as invalid:
        errors |= invalid.errors
    if start not in STARTS:
        errors["start"] = "Choose to start blank or with example content."
    if errors:
        raise FormInvalid(errors)
    data = parse_resume(sample_resume()) if start == "example" else JsonResume()
    return NewResume(clean_title, template_id, data)


def read_chosen_template(raw: str) -> uuid.UUID:
    """A template id that must be there (switching a resume to another template)."""
    chosen = read_template(raw)
    if chosen is None:
        raise FormInvalid({"template": "Choose one of the templates."})
    return chosen


def read_json_resume(content: bytes) -> JsonResume:
    """The file's JSON Resume document, checked exactly as the API's import checks it."""
    if not content.strip():
        raise FormInvalid({"file": "Choose a JSON Resume file (.json) to import."})
    try:
        raw = json.loads(content)
    except UnicodeDecodeError:
        raise FormInvalid({"file": "This file is not text. Choose a .json file."}) from None
    except json.JSONDecodeError as exc:
        problem = f"line {exc.lineno}, column {exc.colno}: {exc.msg}"
        raise FormInvalid({"file": f"This file is not valid JSON ({problem})."}) from None
    if not isinstance(raw, dict):
        raise FormInvalid(
            {"file": "This file is JSON, but not a JSON Resume: it must hold one object { … }."}
        )
    try:
        return parse_resume(raw)
    except ValidationError as exc:
        raise FormInvalid({"file": _describe(exc)}) from None


def _describe(exc: ValidationError) -> str:
    if any(error["type"] == "document_too_large" for error in exc.errors()):
        limit = MAX_DOCUMENT_BYTES // 1024
        return f"This resume is too large to import: at most {limit} KB of JSON."
    fields = validation_error(list(exc.errors())).fields or []
    first = fields[0]
    # Pydantic's own messages start "Input should be ..."; after the field's path, "should be".
    message = first.message.removeprefix("Input ")
    more = len(fields) - 1
    tail = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    return f"This file is not a valid JSON Resume: {first.field} {message}{tail}."
