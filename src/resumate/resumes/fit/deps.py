"""The fit service as a dependency."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from resumate.deps import SessionDep
from resumate.rendering.deps import RendererDep
from resumate.resumes.fit.service import FitService
from resumate.storage.deps import StorageDep


async def get_fit_service(
    session: SessionDep, storage: StorageDep, renderer: RendererDep
) -> FitService:
    return FitService(session, storage, renderer)


FitServiceDep = Annotated[FitService, Depends(get_fit_service)]
