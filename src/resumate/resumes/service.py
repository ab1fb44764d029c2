"""Resumes: create, edit with optimistic concurrency, trash, duplicate, versions."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from resumate.db import utcnow
from resumate.document.schemas import JsonResume, dump_resume
from resumate.document.theme import Theme, default_theme
from resumate.errors import NotFound, PreconditionFailed
from resumate.resumes.cleanup.service import FileCleanup
from resumate.resumes.files import folders
from resumate.resumes.models import Resume, ResumeVersion
from resumate.resumes.repository import Owner, ResumeRepository, VersionRepository
from resumate.resumes.versions.bursts import Burst, bursts
from resumate.resumes.versions.changes import version_changes
from resumate.resumes.versions.diff import Change
from resumate.storage.base import Storage
from resumate.templates.service import TemplateService

NOT_FOUND = "There is no resume with this id."
NO_VERSION = "This resume has no such version."


@dataclass(frozen=True)
class Changes:
    """What an edit sets; None leaves a field as it is."""

    title: str | None = None
    template_id: uuid.UUID | None = None
    data: JsonResume | None = None
    theme: Theme | None = None


# Told the id of each resume made or saved (the dashboard's thumbnail is made ahead from it).
Saved = Callable[[uuid.UUID], None]


def _nobody_told(_resume_id: uuid.UUID) -> None:
    return None


class ResumeService:
    def __init__(
        self,
        session: AsyncSession,
        trash_retention: timedelta,
        storage: Storage,
        saved: Saved = _nobody_told,
    ) -> None:
        self.session = session
        self.saved = saved
        self.storage = storage
        self.resumes = ResumeRepository(session)
        self.versions = VersionRepository(session)
        self.cleanup = FileCleanup(session, storage)
        self.templates = TemplateService(session)
        self.trash_retention = trash_retention

    def purge_at(self, resume: Resume) -> datetime | None:
        return resume.deleted_at + self.trash_retention if resume.deleted_at else None

    async def owned(self, owner: Owner, resume_id: uuid.UUID, *, document: bool = True) -> Resume:
        """The owner's resume (not in the trash); anyone else's is simply not found.

        Without `document`, its data and theme are not read: for a request that replaces them.
        """
        resume = await self.resumes.get_owned(owner, resume_id, document=document)
        if resume is None:
            raise NotFound(NOT_FOUND)
        return resume

    async def trashed(self, owner: Owner, resume_id: uuid.UUID) -> Resume:
        """The owner's resume in the trash, while it can still be restored."""
        resume = await self.resumes.get_owned(owner, resume_id, trashed=True)
        purge_at = self.purge_at(resume) if resume else None
        if resume is None or (purge_at is not None and purge_at <= utcnow()):
            raise NotFound("There is no resume with this id in the trash.")
        return resume

    async def page(
        self, owner_id: uuid.UUID, *, trashed: bool = False, limit: int, offset: int = 0
    ) -> tuple[list[Resume], int]:
        """One page of the owner's resumes (the most recently edited, or deleted, first)."""
        return await self.resumes.page(owner_id, trashed=trashed, limit=limit, offset=offset)

    async def masters_page(
        self, owner_id: uuid.UUID, *, limit: int, offset: int = 0
    ) -> tuple[list[Resume], list[Resume], int]:
        """The dashboard's page: masters and stand-alone resumes, the variants listed under
        them, and how many head the whole list."""
        heads, total = await self.resumes.masters_page(owner_id, limit=limit, offset=offset)
        variants = await self.resumes.variants_of(owner_id, [r.id for r in heads])
        return heads, list(variants), total

    async def variants_of(self, master: Resume) -> list[Resume]:
        """The master's variants (not in the trash), most recently edited first."""
        return list(await self.resumes.variants_of(master.owner_id, [master.id]))

    async def everything_of(self, owner_id: uuid.UUID) -> list[tuple[Resume, list[ResumeVersion]]]:
        """Every resume the owner has, in the trash too, each with its whole history."""
        owned = await self.resumes.all_owned(owner_id)
        return [(resume, list(await self.versions.all_for(resume.id))) for resume in owned]

    async def create(
        self,
        owner_id: uuid.UUID,
        title: str,
        template_id: uuid.UUID | None,
        data: JsonResume,
        theme: Theme | None,
    ) -> Resume:
        template = await self.templates.resolve(template_id)
        resume = await self.resumes.add(
            Resume(
                owner_id=owner_id,
                title=title,
                template_id=template.id,
                data=dump_resume(data),
                theme=theme.stored() if theme else default_theme(),
                version=1,
            )
        )
        await self.versions.record(resume)
        self.saved(resume.id)
        return resume

    async def create_variant(
        self, source: Resume, title: str, data: JsonResume, job: dict[str, Any] | None
    ) -> Resume:
        """A new resume tailored from `source` in its design, linked to the master (the
        source's own master when the source is itself a variant) and to the job."""
        variant = await self.resumes.add(
            Resume(
                owner_id=source.owner_id,
                title=title,
                template_id=source.template_id,
                data=dump_resume(data),
                theme=source.theme,
                version=1,
                master_id=source.master_id or source.id,
                job=job,
            )
        )
        await self.versions.record(variant)
        self.saved(variant.id)
        return variant

    async def save(
        self, owner: Owner, resume_id: uuid.UUID, expected_version: int, changes: Changes
    ) -> Resume:
        """An edit made against `expected_version`: one statement finds the owner's resume, checks
        its version, writes it and keeps it in the history. A stale edit is refused, never
        merged."""
        return await self._save(owner, resume_id, expected_version, await self._values(changes))

    async def update(self, resume: Resume, expected_version: int, changes: Changes) -> Resume:
        """An edit of a resume already found for its owner."""
        if resume.version != expected_version:
            raise PreconditionFailed()
        return await self.save(resume.owner_id, resume.id, expected_version, changes)

    async def _values(self, changes: Changes) -> dict[str, Any]:
        values: dict[str, Any] = {}
        if changes.title is not None:
            values["title"] = changes.title
        if changes.template_id is not None:
            values["template_id"] = (await self.templates.resolve(changes.template_id)).id
        if changes.data is not None:
            values["data"] = dump_resume(changes.data)
        if changes.theme is not None:
            values["theme"] = changes.theme.stored()
        return values

    async def trash(self, resume: Resume) -> None:
        resume.deleted_at = utcnow()
        await self.session.flush()

    async def restore(self, resume: Resume) -> Resume:
        resume.deleted_at = None
        resume.updated_at = utcnow()
        await self.session.flush()
        return resume

    async def purge(self, resume: Resume) -> None:
        await self.delete_for_good([resume])

    async def empty_trash(self, owner_id: uuid.UUID) -> int:
        return await self.delete_for_good(await self.resumes.trashed(owner_id))

    async def purge_expired(self, now: datetime | None = None) -> int:
        """Delete for good what has been in the trash longer than the retention period."""
        expired = await self.resumes.trashed_before((now or utcnow()) - self.trash_retention)
        return await self.delete_for_good(expired)

    async def delete_everything_of(self, owner_id: uuid.UUID) -> int:
        """Every resume of an account that is being closed, with its files."""
        return await self.delete_for_good(await self.resumes.all_owned(owner_id))

    async def delete_for_good(self, resumes: Sequence[Resume]) -> int:
        """Remove resumes, their versions, their PDFs and their thumbnails.

        The rows go with a record of the resumes' folders in one transaction; the files go now
        if storage answers, else by the background sweep once it does (resumes/cleanup).
        """
        for resume in resumes:
            await self.resumes.delete(resume)
        await self.cleanup.delete_folders([f for r in resumes for f in folders(r.id)])
        return len(resumes)

    async def duplicate(self, resume: Resume) -> Resume:
        copy = await self.resumes.add(
            Resume(
                owner_id=resume.owner_id,
                title=f"{resume.title[:193]} (copy)",
                template_id=resume.template_id,
                data=resume.data,
                theme=resume.theme,
                version=1,
                # A copy of a variant is tailored for the same job, under the same master.
                master_id=resume.master_id,
                job=resume.job,
            )
        )
        await self.versions.record(copy)
        self.saved(copy.id)
        return copy

    async def versions_page(
        self, resume: Resume, *, limit: int, offset: int
    ) -> tuple[list[ResumeVersion], int]:
        """One page of the resume's saved versions, newest first."""
        return await self.versions.page(resume.id, limit=limit, offset=offset)

    async def version(self, resume: Resume, number: int) -> ResumeVersion:
        found = await self.versions.get(resume.id, number)
        if found is None:
            raise NotFound(NO_VERSION)
        return found

    async def history_page(
        self, resume: Resume, *, limit: int, offset: int
    ) -> tuple[list[Burst], int]:
        """One page of the resume's history as people read it: editing bursts, newest first."""
        found = bursts(await self.versions.stamps(resume.id))
        return found[offset : offset + limit], len(found)

    async def name_version(self, resume: Resume, number: int, name: str | None) -> ResumeVersion:
        """Give a saved version a name, another one, or none (None). The resume itself, its
        version number and its ETag stay as they are."""
        if not await self.versions.annotate(resume.id, number, name=name):
            raise NotFound(NO_VERSION)
        return await self.version(resume, number)

    async def changes_since(
        self, resume: Resume, number: int
    ) -> tuple[ResumeVersion, list[Change]]:
        """A saved version and what differs in the resume now, field by field."""
        old = await self.version(resume, number)
        before = await self.templates.get(old.template_id)
        after = await self.templates.get(resume.template_id)
        return old, version_changes(old, resume, (before.name, after.name))

    async def restore_version(self, resume: Resume, number: int, expected_version: int) -> Resume:
        """Make an earlier version the current one, as a new version: history is never rewritten."""
        old = await self.version(resume, number)
        values = {
            "title": old.title,
            "template_id": old.template_id,
            "data": old.data,
            "theme": old.theme,
        }
        if resume.version != expected_version:
            raise PreconditionFailed()
        saved = await self._save(resume.owner_id, resume.id, expected_version, values)
        await self.versions.annotate(resume.id, saved.version, restored_from=number)
        return saved

    async def _save(
        self, owner: Owner, resume_id: uuid.UUID, expected_version: int, values: dict[str, Any]
    ) -> Resume:
        saved = await self.resumes.save_version(owner, resume_id, expected_version, values)
        if saved is None:
            # Nothing matched: not the owner's resume (404), or saved since (412).
            await self.owned(owner, resume_id, document=False)
            raise PreconditionFailed()
        self.saved(saved.id)
        return saved
