"""Ownership and version preconditions for resume routes, written once."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Annotated

from fastapi import Depends, Header, Response
from sqlalchemy.ext.asyncio import AsyncSession

from resumate.auth.models import User
from resumate.db import utcnow
from resumate.deps import ContextDep, CurrentUser, SessionDep
from resumate.errors import NotFound, PreconditionFailed, PreconditionRequired
from resumate.resumes.models import Resume
from resumate.resumes.repository import ResumeRepository
from resumate.resumes.service import ResumeService

NOT_FOUND = "There is no resume with this id."


async def get_resume_service(session: SessionDep, context: ContextDep) -> ResumeService:
    retention = timedelta(days=context.settings.trash_retention_days)
    return ResumeService(session, retention, context.storage)


ResumeServiceDep = Annotated[ResumeService, Depends(get_resume_service)]


async def find_owned(session: AsyncSession, owner: User, resume_id: uuid.UUID) -> Resume:
    """The owner's resume (not in the trash); anyone else's is simply not found."""
    resume = await ResumeRepository(session).get_owned(owner.id, resume_id)
    if resume is None:
        raise NotFound(NOT_FOUND)
    return resume


async def find_trashed(
    session: AsyncSession, service: ResumeService, owner: User, resume_id: uuid.UUID
) -> Resume:
    """The owner's resume in the trash, while it can still be restored."""
    resume = await ResumeRepository(session).get_owned(owner.id, resume_id, trashed=True)
    purge_at = service.purge_at(resume) if resume else None
    if resume is None or (purge_at is not None and purge_at <= utcnow()):
        raise NotFound("There is no resume with this id in the trash.")
    return resume


async def owned_resume(resume_id: uuid.UUID, user: CurrentUser, session: SessionDep) -> Resume:
    return await find_owned(session, user, resume_id)


async def trashed_resume(
    resume_id: uuid.UUID, user: CurrentUser, session: SessionDep, service: ResumeServiceDep
) -> Resume:
    return await find_trashed(session, service, user, resume_id)


OwnedResume = Annotated[Resume, Depends(owned_resume)]
TrashedResume = Annotated[Resume, Depends(trashed_resume)]


def etag(resume: Resume) -> str:
    return f'"{resume.version}"'


def set_etag(response: Response, resume: Resume) -> None:
    response.headers["ETag"] = etag(resume)


async def expected_version(
    if_match: Annotated[
        str | None,
        Header(description='The ETag of the version being edited, e.g. "3"', max_length=200),
    ] = None,
) -> int:
    """The version named by If-Match: required (428), and it must name one version (412)."""
    if if_match is None or not if_match.strip():
        raise PreconditionRequired()
    value = if_match.strip()
    value = value.removeprefix("W/")
    if value.startswith('"') and value.endswith('"') and len(value) >= 2:
        value = value[1:-1]
    if not value.isdigit() or len(value) > 12:
        raise PreconditionFailed('If-Match must be the resume\'s ETag, such as "3".')
    return int(value)


ExpectedVersion = Annotated[int, Depends(expected_version)]
