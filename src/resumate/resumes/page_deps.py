"""Ownership for resume pages, as `resumes/deps.py` has it for the API: written once."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends

from resumate.deps import SessionDep
from resumate.resumes.deps import ResumeServiceDep, find_owned, find_trashed
from resumate.resumes.models import Resume
from resumate.web.deps import PageUser


async def page_resume(resume_id: uuid.UUID, user: PageUser, session: SessionDep) -> Resume:
    return await find_owned(session, user, resume_id)


async def page_trashed_resume(
    resume_id: uuid.UUID, user: PageUser, session: SessionDep, service: ResumeServiceDep
) -> Resume:
    return await find_trashed(session, service, user, resume_id)


PageResume = Annotated[Resume, Depends(page_resume)]
PageTrashedResume = Annotated[Resume, Depends(page_trashed_resume)]
