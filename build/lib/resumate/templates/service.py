"""Looking up templates; creating them is the built-in sync's job."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from resumate.errors import FieldError, NotFound, ValidationFailed
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
