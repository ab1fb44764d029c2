"""Request and response bodies of /api/resumes."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from fastapi import Path, Query, Response
from pydantic import AfterValidator, ConfigDict, Field, StringConstraints, model_validator

from resumate.document.schemas import JsonResume
from resumate.document.theme import Theme
from resumate.resumes.models import Resume
from resumate.schemas import ApiInput, ApiModel, not_blank

Limit = Annotated[int, Query(ge=1, le=100)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
VersionNumber = Annotated[int, Path(ge=1, le=2_147_483_647)]
# The length is checked as sent (what the OpenAPI document promises), then the text is trimmed.
Title = Annotated[str, StringConstraints(min_length=1, max_length=200), AfterValidator(not_blank)]


class ResumeCreate(ApiInput):
    title: Title = "Untitled resume"
    template_id: uuid.UUID | None = None
    data: JsonResume = Field(default_factory=JsonResume)
    theme: Theme | None = None


class ResumeReplace(ApiInput):
    """PUT: the whole resume. The theme is kept when left out."""

    title: Title
    template_id: uuid.UUID
    data: JsonResume
    theme: Theme | None = None


def _left_out_not_null(schema: dict[str, Any]) -> None:
    """Document None as what it means in a PATCH, "left out": no field takes null, one is needed."""
    for field in schema["properties"].values():
        choices = [choice for choice in field.pop("anyOf", []) if choice != {"type": "null"}]
        if len(choices) == 1:
            field.update(choices[0])
        elif choices:
            field["anyOf"] = choices
    schema["minProperties"] = 1


class ResumePatch(ApiInput):
    """PATCH: any of the fields; each one given replaces the stored one."""

    model_config = ConfigDict(json_schema_extra=_left_out_not_null)

    title: Title | None = None
    template_id: uuid.UUID | None = None
    data: JsonResume | None = None
    theme: Theme | None = None

    @model_validator(mode="after")
    def _something_to_change(self) -> ResumePatch:
        if not self.model_fields_set:
            raise ValueError("send at least one of title, templateId, data, theme")
        for name in self.model_fields_set:
            if getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self


JOB_DESCRIPTION_MAX = 20_000


class TailoredJob(ApiModel):
    """The job a variant was tailored for."""

    title: str | None = Field(default=None, max_length=200)
    company: str | None = Field(default=None, max_length=200)
    description: str | None = Field(default=None, max_length=JOB_DESCRIPTION_MAX)


class ResumeSummary(ApiModel):
    id: uuid.UUID
    title: str
    template_id: uuid.UUID
    version: int
    # A variant's master (None for a master, or once the master is deleted) and its job.
    master_id: uuid.UUID | None = None
    job: TailoredJob | None = None
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None
    purge_at: datetime | None = None


class ResumeOut(ResumeSummary):
    data: dict[str, Any]
    theme: dict[str, Any]


class ResumePage(ApiModel):
    items: list[ResumeSummary]
    total: int
    limit: int
    offset: int


class VersionSummary(ApiModel):
    version: int
    title: str
    template_id: uuid.UUID
    created_at: datetime
    name: str | None = None  # what the person called it ("Sent to Nordlys")
    restored_from: int | None = None  # the version a restore brought back


class VersionOut(VersionSummary):
    data: dict[str, Any]
    theme: dict[str, Any]


class VersionPage(ApiModel):
    items: list[VersionSummary]
    total: int
    limit: int
    offset: int


def resume_out(resume: Resume, purge_at: datetime | None = None) -> ResumeOut:
    # Built without validating again what the database just gave back.
    return ResumeOut.model_construct(
        id=resume.id,
        title=resume.title,
        template_id=resume.template_id,
        version=resume.version,
        master_id=resume.master_id,
        job=TailoredJob.model_validate(resume.job) if resume.job else None,
        created_at=resume.created_at,
        updated_at=resume.updated_at,
        deleted_at=resume.deleted_at,
        purge_at=purge_at,
        data=resume.data,
        theme=resume.theme,
    )


def summary_out(resume: Resume, purge_at: datetime | None = None) -> ResumeSummary:
    return ResumeSummary.model_validate(resume).model_copy(update={"purge_at": purge_at})


def etag(resume: Resume) -> str:
    return f'"{resume.version}"'


def resume_answer(
    resume: Resume, *, created: bool = False, purge_at: datetime | None = None
) -> Response:
    """A resume as the API answers with it: its ETag (and, when new, its Location) on it.

    Serialized here, once: handed a model, FastAPI would validate it again before writing it.
    """
    headers = {"ETag": etag(resume)}
    if created:
        headers["Location"] = f"/api/resumes/{resume.id}"
    return Response(
        resume_out(resume, purge_at).model_dump_json(by_alias=True),
        status_code=201 if created else 200,
        media_type="application/json",
        headers=headers,
    )
