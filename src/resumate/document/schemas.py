"""The JSON Resume 1.x document stored in a resume's `data` field."""

from __future__ import annotations

from typing import Annotated, Any, Self

from annotated_types import MaxLen
from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_core import PydanticCustomError

from resumate.document.fields import MAX_DOCUMENT_BYTES, Opt, ResumeModel, Section, Url
from resumate.document.sections import (
    Award,
    Basics,
    Certificate,
    CustomSection,
    Education,
    Interest,
    Language,
    Meta,
    Project,
    Publication,
    Reference,
    Skill,
    Volunteer,
    Work,
)

MAX_CUSTOM_SECTIONS = 20


class JsonResume(ResumeModel):
    """A whole JSON Resume document."""

    schema_: Opt[Url] = Field(default=None, alias="$schema")
    basics: Opt[Basics] = None
    work: Opt[Section[Work]] = None
    volunteer: Opt[Section[Volunteer]] = None
    education: Opt[Section[Education]] = None
    awards: Opt[Section[Award]] = None
    certificates: Opt[Section[Certificate]] = None
    publications: Opt[Section[Publication]] = None
    skills: Opt[Section[Skill]] = None
    languages: Opt[Section[Language]] = None
    interests: Opt[Section[Interest]] = None
    references: Opt[Section[Reference]] = None
    projects: Opt[Section[Project]] = None
    meta: Opt[Meta] = None
    # Not in the standard: sections the person named themselves, kept as an extension key so
    # that other JSON Resume tools carry it along (or ignore it).
    custom_sections: Opt[Annotated[list[CustomSection], MaxLen(MAX_CUSTOM_SECTIONS)]] = None

    @field_validator("custom_sections")
    @classmethod
    def _unique_ids(cls, sections: list[CustomSection]) -> list[CustomSection]:
        ids = [section.id for section in sections]
        if len(set(ids)) != len(ids):
            raise PydanticCustomError("duplicate_id", "gives two sections the same id")
        return sections

    @model_validator(mode="after")
    def _check_size(self) -> Self:
        # Unknown keys are bounded only in depth, so the total size is what caps them.
        size = len(self.model_dump_json(exclude_unset=True).encode())
        if size > MAX_DOCUMENT_BYTES:
            raise PydanticCustomError(
                "document_too_large",
                "must be at most {max_bytes} bytes as JSON, not {size}",
                {"max_bytes": MAX_DOCUMENT_BYTES, "size": size},
            )
        return self


def parse_resume(raw: object) -> JsonResume:
    """Validate raw JSON data as a resume; raises pydantic.ValidationError."""
    # Only JSON keys count here: "start_date" in a document is an unknown key, not startDate.
    return JsonResume.model_validate(raw, by_alias=True, by_name=False)


def dump_resume(doc: JsonResume) -> dict[str, Any]:
    """Return the document as JSON-ready data with only the keys it was given."""
    return doc.model_dump(mode="json", by_alias=True, exclude_unset=True)


def in_schema_order(data: dict[str, Any]) -> dict[str, Any]:
    """The stored document with its keys in the standard's order.

    PostgreSQL's JSONB keeps keys in its own order. A document saved under older, looser limits
    is returned as stored rather than refused.
    """
    try:
        return dump_resume(parse_resume(data))
    except ValidationError:
        return data
