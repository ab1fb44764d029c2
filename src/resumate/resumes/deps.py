"""Resume dependencies, written once: the service, ownership (404 for others') and If-Match."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Annotated

from fastapi import Depends, Header, Response

from resumate.auth.deps import CurrentUser, PageUser
from resumate.deps import SessionDep, SettingsDep
from resumate.errors import PreconditionFailed, PreconditionRequired
from resumate.resumes.dashboard import Dashboard
from resumate.resumes.models import Resume
from resumate.resumes.service import ResumeService
from resumate.storage.deps import StorageDep
from resumate.templates.deps import TemplateServiceDep


async def get_resume_service(
    session: SessionDep, settings: SettingsDep, storage: StorageDep
) -> ResumeService:
    return ResumeService(session, timedelta(days=settings.trash_retention_days), storage)


ResumeServiceDep = Annotated[ResumeService, Depends(get_resume_service)]


async def get_dashboard(resumes: ResumeServiceDep, templates: TemplateServiceDep) -> Dashboard:
    return Dashboard(resumes, templates)


DashboardDep = Annotated[Dashboard, Depends(get_dashboard)]


async def owned_resume(
    resume_id: uuid.UUID, user: CurrentUser, service: ResumeServiceDep
) -> Resume:
    return await service.owned(user.id, resume_id)


async def trashed_resume(
    resume_id: uuid.UUID, user: CurrentUser, service: ResumeServiceDep
) -> Resume:
    return await service.trashed(user.id, resume_id)


async def page_resume(resume_id: uuid.UUID, user: PageUser, service: ResumeServiceDep) -> Resume:
    return await service.owned(user.id, resume_id)


async def page_trashed_resume(
    resume_id: uuid.UUID, user: PageUser, service: ResumeServiceDep
) -> Resume:
    return await service.trashed(user.id, resume_id)


OwnedResume = Annotated[Resume, Depends(owned_resume)]
TrashedResume = Annotated[Resume, Depends(trashed_resume)]
PageResume = Annotated[Resume, Depends(page_resume)]
PageTrashedResume = Annotated[Resume, Depends(page_trashed_resume)]


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
