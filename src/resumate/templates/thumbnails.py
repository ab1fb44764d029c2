"""Template thumbnails: the template printed with sample data, as a PNG of its first page."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from resumate.rendering.document import TemplateSource, render_document
from resumate.rendering.page_style import SCREEN_GUTTER
from resumate.rendering.renderer import Renderer
from resumate.storage.base import Storage, StorageNotFound
from resumate.templates.models import Template

# An A4 sheet at CSS's 96 pixels per inch, shot at half scale.
SHEET_WIDTH, SHEET_HEIGHT, SCALE = 794, 1123, 0.5


@cache
def sample_resume() -> dict[str, Any]:
    text = (resources.files("resumate.templates") / "sample.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


class ThumbnailService:
    def __init__(self, session: AsyncSession, storage: Storage, renderer: Renderer) -> None:
        self.session = session
        self.storage = storage
        self.renderer = renderer

    async def png(self, template: Template) -> bytes:
        """The stored thumbnail, or a new one made, stored and remembered on the template."""
        if template.thumbnail_key:
            try:
                return await self.storage.get(template.thumbnail_key)
            except StorageNotFound:
                pass  # lost from storage: make it again
        source = TemplateSource(template.html, template.css, template.defaults)
        document = render_document(source, sample_resume(), {})
        image = await self.renderer.png(
            document.html, width=SHEET_WIDTH, height=SHEET_HEIGHT, scale=SCALE, inset=SCREEN_GUTTER
        )
        key = f"thumbnails/{template.slug}/v{template.version}-{template.content_hash[:16]}.png"
        await self.storage.put(key, image, "image/png")
        await self.session.execute(
            update(Template).where(Template.id == template.id).values(thumbnail_key=key)
        )
        return image
