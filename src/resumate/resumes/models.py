"""Resumes and every saved state of each one."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from resumate.db import Base, IdMixin, JSONDocument, TimestampMixin, utcnow
from resumate.rendering.thumbnail import SHOT_REVISION


class Resume(IdMixin, TimestampMixin, Base):
    __tablename__ = "resumes"

    owner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(200))
    template_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("templates.id"))
    data: Mapped[dict[str, Any]]
    theme: Mapped[dict[str, Any]]
    version: Mapped[int] = mapped_column(default=1)
    pdf_key: Mapped[str | None] = mapped_column(String(512))
    # Content hash of (data, template version, theme) the stored PDF was printed from.
    pdf_hash: Mapped[str | None] = mapped_column(String(64))
    pdf_pages: Mapped[int | None]
    pdf_bytes: Mapped[int | None]
    deleted_at: Mapped[datetime | None]
    # What an import could not take as written ({path, value, message} each), shown in the
    # editor until the owner dismisses it.
    import_warnings: Mapped[list[dict[str, Any]] | None] = mapped_column(JSONDocument)
    # A variant tailored to a job names its master; the variant stays when the master goes.
    master_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("resumes.id", ondelete="SET NULL"), index=True
    )
    # The job a variant was tailored for: {title, company, description}.
    job: Mapped[dict[str, Any] | None] = mapped_column(JSONDocument)

    __table_args__ = (Index(None, "owner_id", "deleted_at", "updated_at"),)

    @property
    def picture_version(self) -> str:
        """What a link to its thumbnail carries: that address always shows the same picture."""
        return f"{self.version}-{SHOT_REVISION}"


class ResumeVersion(IdMixin, Base):
    __tablename__ = "resume_versions"

    resume_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("resumes.id", ondelete="CASCADE"))
    version: Mapped[int]
    title: Mapped[str] = mapped_column(String(200))
    template_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("templates.id"))
    data: Mapped[dict[str, Any]]
    theme: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # What the person called this state ("Sent to Nordlys"); a named version is never grouped
    # away in the history (resumes/versions/bursts).
    name: Mapped[str | None] = mapped_column(String(80))
    # The version a restore brought back, when this state is one.
    restored_from: Mapped[int | None]

    __table_args__ = (UniqueConstraint("resume_id", "version"),)
