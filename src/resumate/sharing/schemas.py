"""What making a share link takes, and what the owner is told about each link."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, Field, field_validator

from resumate.schemas import ApiInput, ApiModel, not_blank
from resumate.sharing.redaction import Redaction

Label = Annotated[str, Field(min_length=1, max_length=120), AfterValidator(not_blank)]


class ShareIn(ApiInput):
    label: Label = Field(
        description="Who the link is for, as the owner knows them: the company, the recruiter.",
        examples=["Acme Corp — Backend Engineer"],
    )
    expires_at: datetime | None = Field(
        default=None, description="The link stops working at this moment (with a time zone)."
    )
    password: str | None = Field(
        default=None,
        min_length=6,
        max_length=128,
        description="A visitor must type this to see the resume (kept only as an argon2id hash).",
    )
    redact: Redaction = Field(
        default_factory=Redaction,
        description="What the visitor may not see; taken out before anything is rendered.",
    )
    allow_download: bool = Field(default=True, description="Whether the PDF may be downloaded.")
    snapshot: bool = Field(
        default=True,
        description="`true`: the link shows the resume as it is now, frozen; `false`: always the"
        " latest save.",
    )
    indexable: bool = Field(
        default=False, description="Let search engines list the page (`noindex` otherwise)."
    )

    @field_validator("expires_at")
    @classmethod
    def _in_the_future(cls, value: datetime | None) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("must name its time zone, e.g. 2027-01-31T18:00:00Z")
        if value <= datetime.now(UTC):
            raise ValueError("must be in the future")
        return value


class ShareOut(ApiModel):
    id: uuid.UUID
    label: str
    url: str = Field(description="The link to send: `/r/{token}` on this site.")
    expires_at: datetime | None
    has_password: bool
    redact: Redaction
    allow_download: bool
    snapshot: bool = Field(description="Frozen at creation (`true`) or always the latest.")
    indexable: bool
    views: int = Field(description="Views, a repeat from one visitor within 30 minutes once.")
    downloads: int = Field(description="PDF downloads, counted the same way.")
    state: str = Field(description="`active`, `expired` or `revoked`.", examples=["active"])
    created_at: datetime
    revoked_at: datetime | None


class ShareList(ApiModel):
    items: list[ShareOut]


class SentIn(ApiInput):
    application: Label = Field(
        description="The application the PDF is for, as the owner names it.",
        examples=["Acme Corp — Backend Engineer"],
    )


class SentOut(ApiModel):
    """Something sent for an application, as it was sent."""

    id: uuid.UUID
    application: str
    kind: str = Field(description="`link` (a share link was made) or `download` (the PDF).")
    share_id: uuid.UUID | None = Field(description="The link, for a record of one.")
    sha256: str = Field(description="SHA-256 of the PDF's bytes, hex.")
    bytes: int
    pages: int
    title: str
    template_id: uuid.UUID = Field(description="The template version it was printed with.")
    template_hash: str = Field(description="The content hash of that template version.")
    theme: dict[str, Any]
    settings: dict[str, Any] = Field(
        description="The link's settings when it was made (the password only as `hasPassword`);"
        " empty for a download."
    )
    pdf_url: str = Field(description="Where the PDF's exact bytes are downloaded.")
    created_at: datetime


class SentDetail(SentOut):
    data: dict[str, Any] = Field(description="The resume's data as it was sent (redacted).")


class SentList(ApiModel):
    items: list[SentOut] = Field(description="By application, then newest first.")
