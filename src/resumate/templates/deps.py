"""Template dependencies."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from resumate.deps import SessionDep
from resumate.rendering.deps import RendererDep
from resumate.storage.deps import StorageDep
from resumate.templates.service import TemplateService, TemplateThumbnails


async def get_template_service(session: SessionDep) -> TemplateService:
    return TemplateService(session)


async def get_thumbnails(
    session: SessionDep, storage: StorageDep, renderer: RendererDep
) -> TemplateThumbnails:
    return TemplateThumbnails(session, storage, renderer)


TemplateServiceDep = Annotated[TemplateService, Depends(get_template_service)]
TemplateThumbnailsDep = Annotated[TemplateThumbnails, Depends(get_thumbnails)]
