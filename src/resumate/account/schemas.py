"""The account export: everything stored about a user."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from resumate.auth.schemas import UserOut
from resumate.resumes.schemas import ResumeOut, VersionOut
from resumate.schemas import ApiModel


class ResumeExport(ResumeOut):
    versions: list[VersionOut] = Field(default_factory=list)


class AIProviderExport(ApiModel):
    """The person's own language model; its key is never exported."""

    kind: str
    base_url: str | None = None
    model: str


class AccountExport(ApiModel):
    exported_at: datetime
    user: UserOut
    resumes: list[ResumeExport]
    ai_provider: AIProviderExport | None = None
