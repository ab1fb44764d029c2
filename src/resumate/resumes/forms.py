"""The dashboard's forms: a new resume, a new title, another template.

Each reader returns clean values or raises FormInvalid naming the form field and the problem
in words a person can act on.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from resumate.document.sample import sample_resume
from resumate.document.schemas import JsonResume, parse_resume
from resumate.web.forms import FormInvalid

MAX_TITLE = 200
DEFAULT_TITLE = "Untitled resume"
STARTS = ("blank", "example")


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
