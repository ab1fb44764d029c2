"""Resume and resume-version queries, always scoped to an owner."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from resumate.resumes.models import Resume, ResumeVersion


@dataclass(frozen=True)
class PrintedPdf:
    key: str
    digest: str  # the content hash of (data, template version, theme) it was printed from
    pages: int
    size: int


class ResumeRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get_owned(
        self, owner_id: uuid.UUID, resume_id: uuid.UUID, *, trashed: bool = False
    ) -> Resume | None:
        deleted = Resume.deleted_at.is_not(None) if trashed else Resume.deleted_at.is_(None)
        return await self.session.scalar(
            select(Resume).where(Resume.id == resume_id, Resume.owner_id == owner_id, deleted)
        )

    async def page(
        self, owner_id: uuid.UUID, *, trashed: bool, limit: int, offset: int
    ) -> tuple[list[Resume], int]:
        deleted = Resume.deleted_at.is_not(None) if trashed else Resume.deleted_at.is_(None)
        scope = (Resume.owner_id == owner_id, deleted)
        total = await self.session.scalar(select(func.count()).select_from(Resume).where(*scope))
        # The trash lists the most recently deleted first; the rest by most recent edit.
        newest = Resume.deleted_at if trashed else Resume.updated_at
        rows = await self.session.scalars(
            select(Resume)
            .where(*scope)
            .order_by(newest.desc(), Resume.id.desc())
            .limit(limit)
            .offset(offset)
        )
        return list(rows), total or 0

    async def all_owned(self, owner_id: uuid.UUID) -> Sequence[Resume]:
        rows = await self.session.scalars(
            select(Resume).where(Resume.owner_id == owner_id).order_by(Resume.created_at)
        )
        return rows.all()

    async def add(self, resume: Resume) -> Resume:
        self.session.add(resume)
        await self.session.flush()
        return resume

    async def update_if_version(
        self, resume: Resume, expected_version: int, values: dict[str, Any]
    ) -> Resume | None:
        """Write `values` only if the stored version is still `expected_version`."""
        result = await self.session.scalars(
            update(Resume)
            .where(
                Resume.id == resume.id,
                Resume.version == expected_version,
                Resume.deleted_at.is_(None),
            )
            .values(**values, version=Resume.version + 1)
            .returning(Resume)
            .execution_options(populate_existing=True, synchronize_session=False)
        )
        return result.one_or_none()

    async def record_pdf(self, resume: Resume, pdf: PrintedPdf) -> bool:
        """Remember a stored PDF on the resume, only while it is the version that was printed."""
        values = {
            "pdf_key": pdf.key,
            "pdf_hash": pdf.digest,
            "pdf_pages": pdf.pages,
            "pdf_bytes": pdf.size,
        }
        # Not an edit: the version, ETag and last-edited time stay as they are (updated_at is
        # named so that its on-update default does not fire).
        result = await self.session.execute(
            update(Resume)
            .where(
                Resume.id == resume.id,
                Resume.version == resume.version,
                Resume.deleted_at.is_(None),
            )
            .values(**values, updated_at=Resume.updated_at)
        )
        if not getattr(result, "rowcount", 0):
            return False
        for name, value in values.items():
            set_committed_value(resume, name, value)
        return True

    async def delete(self, resume: Resume) -> None:
        await self.session.delete(resume)
        await self.session.flush()

    async def trashed_before(self, cutoff: datetime) -> Sequence[Resume]:
        rows = await self.session.scalars(
            select(Resume).where(Resume.deleted_at.is_not(None), Resume.deleted_at < cutoff)
        )
        return rows.all()

    async def trashed(self, owner_id: uuid.UUID) -> Sequence[Resume]:
        rows = await self.session.scalars(
            select(Resume).where(Resume.owner_id == owner_id, Resume.deleted_at.is_not(None))
        )
        return rows.all()


class VersionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def record(self, resume: Resume) -> ResumeVersion:
        """Keep the resume's current state as its version row."""
        row = ResumeVersion(
            resume_id=resume.id,
            version=resume.version,
            title=resume.title,
            template_id=resume.template_id,
            data=resume.data,
            theme=resume.theme,
        )
        self.session.add(row)
        await self.session.flush()
        return row

    async def page(
        self, resume_id: uuid.UUID, *, limit: int, offset: int
    ) -> tuple[list[ResumeVersion], int]:
        total = await self.session.scalar(
            select(func.count())
            .select_from(ResumeVersion)
            .where(ResumeVersion.resume_id == resume_id)
        )
        rows = await self.session.scalars(
            select(ResumeVersion)
            .where(ResumeVersion.resume_id == resume_id)
            .order_by(ResumeVersion.version.desc())
            .limit(limit)
            .offset(offset)
        )
        return list(rows), total or 0

    async def get(self, resume_id: uuid.UUID, version: int) -> ResumeVersion | None:
        return await self.session.scalar(
            select(ResumeVersion).where(
                ResumeVersion.resume_id == resume_id, ResumeVersion.version == version
            )
        )

    async def all_for(self, resume_id: uuid.UUID) -> Sequence[ResumeVersion]:
        rows = await self.session.scalars(
            select(ResumeVersion)
            .where(ResumeVersion.resume_id == resume_id)
            .order_by(ResumeVersion.version)
        )
        return rows.all()
