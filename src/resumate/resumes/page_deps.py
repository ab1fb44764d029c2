"""Ownership for resume pages, as `resumes/deps.py` has it for the API: written once."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends

from resumate.db import utcnow
from resumate.deps import SessionDep
from resumate.errors import NotFound
from resumate.resumes.deps import NOT_FOUND, ResumeServiceDep
from resumate.resumes.models import Resume
from resumate.resumes.repository import ResumeRepository
from resumate.web.deps import PageUser


async def page_resume(resume_id: uuid.UUID, user: PageUser, session: SessionDep) -> Resume:
    """The signed-in user's resume (not in the trash); anyone else's is simply not found."""
    resume = await ResumeRepository(session).get_owned(user.id, resume_id)
    if resume is None:
        raise NotFound(NOT_FOUND)
    return resume


async def page_trashed_resume(
    resume_id: uuid.UUID, user: PageUser, session: SessionDep, service: ResumeServiceDep
) -> Resume:
    """The user's resume in the trash, while it can still be restored."""
    resume = await ResumeRepository(session).get_owned(user.id, resume_id, trashed=True)
    purge_at = service.purge_at(resume) if resume else None
    if resume is None or (purge_at is not None and purge_at <= utcnow()):
        raise NotFound("That resume is no longer in the trash.")
    return resume


PageResume = Annotated[Resume, Depends(page_resume)]
PageTrashedResume = Annotated[Resume, Depends(page_trashed_resume)]
