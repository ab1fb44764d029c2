"""Looking up templates, and their thumbnails; creating them is the built-in sync's job."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from resumate.db import release
from resumate.document.sample import sample_resume
from resumate.errors import FieldError, NotFound, ValidationFailed
from resumate.rendering.document import render_document
from resumate.rendering.renderer import Renderer
from resumate.rendering.thumbnail import SHOT_REVISION, first_sheet_png
from resumate.storage.base import Storage, StorageNotFound
from resumate.templates.models import Template
from resumate.templates.repository import TemplateRepository


class TemplateService:
    def __init__(self, session: AsyncSession) -> None:
        self.templates = TemplateRepository(session)

    async def list_latest(self) -> list[Template]:
        return await self.templates.latest()

    async def get(self, template_id: uuid.UUID) -> Template:
        template = await self.templates.get(template_id)
        if template is None:
            raise NotFound("There is no template with this id.")
        return template

    async def by_slug(self, slug: str) -> Template | None:
        """The newest version of the template with this name."""
        return await self.templates.latest_by_slug(slug)

    async def resolve(self, template_id: uuid.UUID | None) -> Template:
        """The template a resume will use: the one asked for, or the default."""
        template = (
            await self.templates.get(template_id)
            if template_id is not None
            else await self.templates.default()
        )
        if template is None:
            raise ValidationFailed(
                "That template does not exist.",
                fields=[FieldError(field="templateId", message="is not a known template")],
            )
        return template


class TemplateThumbnails:
    """A template printed with the sample resume, as a PNG of its first page, made once."""

    def __init__(self, session: AsyncSession, storage: Storage, renderer: Renderer) -> None:
        self.session = session
        self.templates = TemplateRepository(session)
        self.storage = storage
        self.renderer = renderer

    async def png(self, template: Template) -> bytes:
        """The stored thumbnail, or a new one made, stored and remembered on the template."""
        # Slow work follows (storage, Chromium): the connection goes back to the pool first.
        await release(self.session)
        if template.thumbnail_key and template.thumbnail_key.endswith(f"-r{SHOT_REVISION}.png"):
            try:
                return await self.storage.get(template.thumbnail_key)
            except StorageNotFound:
                pass  # lost from storage: make it again
        document = render_document(template.source, sample_resume(), {})
        image = await first_sheet_png(self.renderer, document.html)
        name = f"v{template.version}-{template.content_hash[:16]}-r{SHOT_REVISION}"
        key = f"thumbnails/{template.slug}/{name}.png"
        await self.storage.put(key, image, "image/png")
        # A template version never changes, so its id is all the second transaction checks.
        await self.templates.set_thumbnail(template.id, key)
        return image
