"""Resume dependencies, written once: the service, ownership (404 for others') and If-Match."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable
from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated

from fastapi import Depends, Header, Request
from sqlalchemy.ext.asyncio import AsyncSession

from resumate.auth.backend import AuthBackend
from resumate.auth.deps import AuthBackendDep, Caller, PageUser
from resumate.auth.provider import Identity
from resumate.deps import SessionDep, SettingsDep
from resumate.errors import NotFound, PreconditionFailed, PreconditionRequired
from resumate.resumes.dashboard import Dashboard
from resumate.resumes.models import Resume
from resumate.resumes.service import ResumeService
from resumate.resumes.thumbnails.ahead import THUMBNAILS_AHEAD
from resumate.storage.deps import StorageDep
from resumate.templates.deps import TemplateServiceDep


async def get_resume_service(
    request: Request, session: SessionDep, settings: SettingsDep, storage: StorageDep
) -> ResumeService:
    retention = timedelta(days=settings.trash_retention_days)
    # Each resume made or saved gets its dashboard picture ahead, where the app makes them.
    ahead = THUMBNAILS_AHEAD.find(request.app)
    if ahead is None:
        return ResumeService(session, retention, storage)
    return ResumeService(session, retention, storage, ahead.schedule)


ResumeServiceDep = Annotated[ResumeService, Depends(get_resume_service)]


async def get_dashboard(resumes: ResumeServiceDep, templates: TemplateServiceDep) -> Dashboard:
    return Dashboard(resumes, templates)


DashboardDep = Annotated[Dashboard, Depends(get_dashboard)]


@dataclass(frozen=True)
class CallerResumes:
    """The caller's resumes, each found together with the check that the token is still good.

    When nothing is found, a second look tells the two cases apart: the session ended (401)
    or the resume is not the caller's (404).
    """

    caller: Identity
    service: ResumeService
    session: AsyncSession
    auth: AuthBackend

    async def checked(self, found: Awaitable[Resume]) -> Resume:
        try:
            return await found
        except NotFound:
            await self.auth.authenticator.user(self.session, self.caller)
            raise


async def caller_resumes(
    caller: Caller, service: ResumeServiceDep, session: SessionDep, auth: AuthBackendDep
) -> CallerResumes:
    return CallerResumes(caller, service, session, auth)


CallerResumesDep = Annotated[CallerResumes, Depends(caller_resumes)]


async def owned_resume(resume_id: uuid.UUID, resumes: CallerResumesDep) -> Resume:
    return await resumes.checked(resumes.service.owned(resumes.caller, resume_id))


async def edited_resume(resume_id: uuid.UUID, resumes: CallerResumesDep) -> Resume:
    found = resumes.service.owned(resumes.caller, resume_id, document=False)
    return await resumes.checked(found)


async def trashed_resume(resume_id: uuid.UUID, resumes: CallerResumesDep) -> Resume:
    return await resumes.checked(resumes.service.trashed(resumes.caller, resume_id))


async def page_resume(resume_id: uuid.UUID, user: PageUser, service: ResumeServiceDep) -> Resume:
    return await service.owned(user.id, resume_id)


async def page_trashed_resume(
    resume_id: uuid.UUID, user: PageUser, service: ResumeServiceDep
) -> Resume:
    return await service.trashed(user.id, resume_id)


OwnedResume = Annotated[Resume, Depends(owned_resume)]
# Without its data and theme: for the routes that replace them, or only need the version.
EditedResume = Annotated[Resume, Depends(edited_resume)]
TrashedResume = Annotated[Resume, Depends(trashed_resume)]
PageResume = Annotated[Resume, Depends(page_resume)]
PageTrashedResume = Annotated[Resume, Depends(page_trashed_resume)]


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
    if value.startswith("W/"):
        # If-Match compares strongly (RFC 9110 13.1.1): a weak tag never matches.
        raise PreconditionFailed(
            'If-Match compares strongly: send the ETag as given, such as "3", not W/"3".'
        )
    if value.startswith('"') and value.endswith('"') and len(value) >= 2:
        value = value[1:-1]
    if not value.isdigit() or len(value) > 12:
        raise PreconditionFailed('If-Match must be the resume\'s ETag, such as "3".')
    return int(value)


ExpectedVersion = Annotated[int, Depends(expected_version)]
