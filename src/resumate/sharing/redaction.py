"""What a share link hides, taken out of the resume before anything is rendered from it.

A value hidden is removed from its field and also from every other text of the resume, so a
phone number repeated in the summary, or the current employer named in a bullet, does not come
through there: the visitor's HTML, PDF and preview are made from the redacted document only.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from pydantic import Field

from resumate.schemas import ApiInput

# Address lines, not the town: a recruiter still sees where the person is.
ADDRESS_FIELDS = ("address", "postalCode")


class Redaction(ApiInput):
    phone: bool = Field(default=False, description="Hide the phone number.")
    email: bool = Field(default=False, description="Hide the e-mail address.")
    address: bool = Field(
        default=False, description="Hide the street address and postal code (the town stays)."
    )
    photo: bool = Field(default=False, description="Hide the photo.")
    employer: str | None = Field(
        default=None,
        min_length=1,
        max_length=120,
        description="Put this in place of the current employer's name (the jobs with no end"
        ' date), e.g. "A fintech start-up in Berlin"; the employer\'s website goes too.',
        examples=["A fintech start-up in Berlin"],
    )

    @property
    def hides_anything(self) -> bool:
        return any((self.phone, self.email, self.address, self.photo, self.employer))


def redacted(data: dict[str, Any], redaction: Redaction) -> dict[str, Any]:
    """A copy of the resume with everything the redaction hides taken out."""
    document = copy.deepcopy(data)
    if not redaction.hides_anything:
        return document
    hidden: dict[str, str] = {}  # each value hidden, and what takes its place in other texts
    basics = document.get("basics")
    if isinstance(basics, dict):
        for field, on in (("phone", redaction.phone), ("email", redaction.email)):
            if on and isinstance(basics.get(field), str) and basics[field].strip():
                hidden[basics.pop(field).strip()] = ""
        if redaction.photo:
            basics.pop("image", None)
            basics.pop("picture", None)
        location = basics.get("location")
        if redaction.address and isinstance(location, dict):
            for field in ADDRESS_FIELDS:
                value = location.pop(field, None)
                if isinstance(value, str) and value.strip():
                    hidden[value.strip()] = ""
    if redaction.employer:
        for job in _current_jobs(document):
            for field in ("name", "company"):
                value = job.get(field)
                if isinstance(value, str) and value.strip():
                    hidden[value.strip()] = redaction.employer
                    job[field] = redaction.employer
            for field in ("url", "website"):
                value = job.pop(field, None)
                if isinstance(value, str) and value.strip():
                    hidden[value.strip()] = ""
    return _without(document, hidden) if hidden else document


def _current_jobs(document: dict[str, Any]) -> list[dict[str, Any]]:
    work = document.get("work")
    if not isinstance(work, list):
        return []
    return [job for job in work if isinstance(job, dict) and not job.get("endDate")]


def _without(value: Any, hidden: dict[str, str]) -> Any:
    """Every string of `value` with each hidden text replaced, longest first."""
    pattern = re.compile(
        "|".join(re.escape(text) for text in sorted(hidden, key=len, reverse=True)),
        re.IGNORECASE,
    )
    lookup = {text.casefold(): replacement for text, replacement in hidden.items()}

    def clean(item: Any) -> Any:
        if isinstance(item, str):
            return pattern.sub(lambda match: lookup[match.group(0).casefold()], item)
        if isinstance(item, list):
            return [clean(inner) for inner in item]
        if isinstance(item, dict):
            return {key: clean(inner) for key, inner in item.items()}
        return item

    return clean(value)
