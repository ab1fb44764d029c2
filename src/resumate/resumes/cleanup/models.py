"""Stored files that must go, kept until storage confirms they are gone."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from resumate.db import Base, IdMixin, utcnow


class FileDeletion(IdMixin, Base):
    """A folder (`pdfs/<resume id>/`) whose every file is to be deleted.

    Written in the same transaction that deletes the rows the files belonged to, so no deleted
    resume or account leaves a file behind: the row stays until a sweep finds the folder empty.
    """

    __tablename__ = "file_deletions"

    prefix: Mapped[str] = mapped_column(String(512))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (Index(None, "next_attempt_at"),)
