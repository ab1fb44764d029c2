"""The photo service as a dependency."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from resumate.resumes.photo.service import PhotoService
from resumate.storage.deps import StorageDep


async def get_photo_service(storage: StorageDep) -> PhotoService:
    return PhotoService(storage)


PhotoServiceDep = Annotated[PhotoService, Depends(get_photo_service)]
