"""Accepting a proposal: the changes the person said yes to, and what became of each."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import ConfigDict, Field, StringConstraints

from resumate.ai.changes import Change, DropReason
from resumate.document.fields import MAX_LONG_TEXT
from resumate.resumes.schemas import JOB_DESCRIPTION_MAX, ResumeOut, Title
from resumate.schemas import ApiInput, ApiModel

# A proposal changes a few dozen fields at most; the bounds keep a full body under the body limit.
MAX_CHANGES = 50
MAX_NEW_TEXT = 4_000


class ProposedChange(ApiInput):
    """A change as proposed (`Change`), with the person's answer to the guard's flags."""

    path: str = Field(max_length=200, examples=["work[0].highlights[1]"])
    original: str = Field(max_length=MAX_LONG_TEXT)
    new: str = Field(max_length=MAX_NEW_TEXT)
    # The person's explicit yes to a change the guard blocks (a fact the resume does not state).
    confirmed: bool = False

    def change(self) -> Change:
        return Change(path=self.path, original=self.original, new=self.new)


class JobDocument(ApiModel):
    """A JSON Resume `job` document; only what a variant keeps is read, the rest is ignored."""

    model_config = ConfigDict(extra="ignore")

    title: str | None = Field(default=None, max_length=200)
    company: str | None = Field(default=None, max_length=200)
    description: str | None = Field(default=None, max_length=JOB_DESCRIPTION_MAX)
    responsibilities: list[Annotated[str, StringConstraints(max_length=2000)]] = Field(
        default_factory=list, max_length=100
    )
    qualifications: list[Annotated[str, StringConstraints(max_length=2000)]] = Field(
        default_factory=list, max_length=100
    )


JobText = Annotated[str, StringConstraints(max_length=JOB_DESCRIPTION_MAX)]


class VariantRequest(ApiInput):
    """Make a new resume, linked to its master and the job, instead of changing this one."""

    title: Title | None = Field(
        default=None, description='By default "<master title> — <job title>".'
    )
    job: JobText | JobDocument | None = Field(
        default=None, description="The job as pasted text or a JSON Resume job document."
    )


class ApplyRequest(ApiInput):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "changes": [
                        {
                            "path": "basics.summary",
                            "original": "Engineer.",
                            "new": "Engineer who ships billing software.",
                        }
                    ]
                }
            ]
        }
    )

    changes: list[ProposedChange] = Field(min_length=1, max_length=MAX_CHANGES)
    variant: VariantRequest | None = None


class DroppedOut(ApiModel):
    change: Change
    reason: DropReason


class ApplyOut(ApiModel):
    resume: ResumeOut
    applied: list[Change]
    dropped: list[DroppedOut]


def job_record(job: str | JobDocument | None) -> dict[str, Any] | None:
    """What a variant keeps of its job: {title, company, description}."""
    if job is None:
        return None
    if isinstance(job, str):
        lines = [line.strip() for line in job.splitlines() if line.strip()]
        # A pasted posting most often starts with the job's title.
        title = lines[0] if lines and len(lines[0]) <= 120 else None
        return {"title": title, "company": None, "description": job.strip() or None}
    parts = [job.description or "", *job.responsibilities, *job.qualifications]
    text = "\n".join(part.strip() for part in parts if part.strip())
    description = text[:JOB_DESCRIPTION_MAX] or None
    return {"title": job.title, "company": job.company, "description": description}
