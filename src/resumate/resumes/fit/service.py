"""Fitting a resume, saved or as the editor has it, to a page count.

The slow-work pattern (`resumate.db`): the template is loaded, the session lets go of its
connection, and only then does Chromium print the candidate designs.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from resumate.db import release
from resumate.rendering.fit import Fit, fit
from resumate.rendering.renderer import Renderer
from resumate.resumes.models import Resume
from resumate.resumes.photo.service import inline_photo
from resumate.storage.base import Storage
from resumate.templates.service import TemplateService


class FitService:
    def __init__(self, session: AsyncSession, storage: Storage, renderer: Renderer) -> None:
        self.session = session
        self.storage = storage
        self.renderer = renderer
        self.templates = TemplateService(session)

    async def fit(
        self,
        resume: Resume,
        *,
        pages: int,
        data: dict[str, Any] | None,
        theme: dict[str, Any] | None,
        template_id: uuid.UUID | None,
    ) -> Fit:
        """The loosest readable design for `resume` on `pages`; None keeps the saved part."""
        template = await self.templates.resolve(template_id or resume.template_id)
        source = template.source
        await release(self.session)
        shown = resume.data if data is None else data
        # Measured with the photo the page prints: in a template with a place for one it
        # takes room.
        photo = await inline_photo(self.storage, resume.id, shown)
        theme = resume.theme if theme is None else theme
        return await fit(source, shown, theme, pages, self.renderer.pages, photo)
