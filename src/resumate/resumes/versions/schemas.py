"""Bodies of the version history: a version's name, the bursts of edits, and what changed."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

from resumate.resumes.versions.bursts import Burst
from resumate.resumes.versions.diff import Kind
from resumate.schemas import ApiInput, ApiModel, not_blank

# Checked as sent (what the OpenAPI document promises), then trimmed.
VersionName = Annotated[
    str, StringConstraints(min_length=1, max_length=80), AfterValidator(not_blank)
]


class VersionNaming(ApiInput):
    """A name for a saved version, or null to take its name away."""

    name: VersionName | None = Field(description='e.g. "Sent to Nordlys"; null clears it')


class BurstOut(ApiModel):
    """One entry of the history: saves made less than a few minutes apart."""

    version: int = Field(description="the state the burst ended in: what restoring it brings back")
    first_version: int
    edits: int
    started_at: datetime
    ended_at: datetime
    name: str | None = None
    restored_from: int | None = None


class BurstPage(ApiModel):
    items: list[BurstOut]
    total: int
    limit: int
    offset: int


class ChangeOut(ApiModel):
    field: str = Field(description='as the editor labels it: "Work experience › Acme › Position"')
    path: str
    kind: Kind
    before: str | None = Field(default=None, description="in the saved version")
    after: str | None = Field(default=None, description="in the resume now")


class VersionDiff(ApiModel):
    version: int
    current_version: int
    changes: list[ChangeOut]


def burst_out(burst: Burst) -> BurstOut:
    return BurstOut(
        version=burst.version,
        first_version=burst.first.version,
        edits=burst.edits,
        started_at=burst.first.created_at,
        ended_at=burst.last.created_at,
        name=burst.name,
        restored_from=burst.restored_from,
    )
