"""Share links and the visits that count them."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from resumate.db import Base, IdMixin, utcnow


class Share(IdMixin, Base):
    """One link to a resume, for one recipient (`label`)."""

    __tablename__ = "shares"

    resume_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("resumes.id", ondelete="CASCADE"), index=True
    )
    owner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    label: Mapped[str] = mapped_column(String(120))
    # SHA-256 of the token, hex: the token itself is only ever in the link.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # The token sealed with the app's key, so the owner can copy the link again.
    token_sealed: Mapped[str] = mapped_column(String(255))
    expires_at: Mapped[datetime | None]
    password_hash: Mapped[str | None] = mapped_column(String(255))
    # What the visitor may not see: {"phone", "email", "address", "photo": bool, "employer": str}.
    redact: Mapped[dict[str, Any]]
    allow_download: Mapped[bool] = mapped_column(default=False)
    # Listed for search engines only when the owner says so; `noindex` otherwise.
    indexable: Mapped[bool] = mapped_column(default=False)
    # A frozen link shows the resume as it was shared; else always the latest save.
    frozen: Mapped[bool] = mapped_column(default=True)
    title: Mapped[str] = mapped_column(String(200))
    template_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("templates.id"))
    data: Mapped[dict[str, Any]]
    theme: Mapped[dict[str, Any]]
    views: Mapped[int] = mapped_column(default=0)
    downloads: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None]

    __table_args__ = (Index(None, "owner_id", "created_at"),)


class ShareVisit(IdMixin, Base):
    """A view or download counted lately, kept 30 minutes so a repeat counts once.

    `visitor` is a keyed hash of the client's address and browser under a key of the day
    (derived from the app's secret): the rows hold no address, and a row older than 30 minutes
    is deleted. One row per link, visitor and kind.
    """

    __tablename__ = "share_visits"

    share_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("shares.id", ondelete="CASCADE"))
    visitor: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(8))
    seen_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        UniqueConstraint("share_id", "visitor", "kind"),
        Index(None, "seen_at"),
    )


class SentRecord(IdMixin, Base):
    """What was sent for one application, kept as it was: the PDF's exact bytes (in storage,
    by `pdf_key`), their SHA-256, the data, the template version and theme, and the link's
    settings. Never changed; it goes with its resume."""

    __tablename__ = "sent_records"

    resume_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("resumes.id", ondelete="CASCADE"))
    owner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    application: Mapped[str] = mapped_column(String(120))
    # `link`: a share link was made; `download`: the PDF was downloaded for the application.
    kind: Mapped[str] = mapped_column(String(16))
    share_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("shares.id", ondelete="SET NULL"))
    pdf_key: Mapped[str] = mapped_column(String(512))
    pdf_sha256: Mapped[str] = mapped_column(String(64))
    pdf_bytes: Mapped[int]
    pdf_pages: Mapped[int]
    title: Mapped[str] = mapped_column(String(200))
    template_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("templates.id"))
    template_hash: Mapped[str] = mapped_column(String(64))
    data: Mapped[dict[str, Any]]
    theme: Mapped[dict[str, Any]]
    settings: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (Index(None, "resume_id", "application", "created_at"),)
