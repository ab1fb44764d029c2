"""Template queries."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from resumate.templates.models import DEFAULT_SLUG, Template


class TemplateRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, template_id: uuid.UUID) -> Template | None:
        return await self.session.get(Template, template_id)

    async def latest(self) -> list[Template]:
        """The newest version of every template, by name."""
        newest = (
            select(Template.slug, func.max(Template.version).label("version"))
            .group_by(Template.slug)
            .subquery()
        )
        rows = await self.session.scalars(
            select(Template)
            .join(
                newest,
                (Template.slug == newest.c.slug) & (Template.version == newest.c.version),
            )
            # Case-folded, so both databases list "Academic" before "ATS Friendly".
            .order_by(func.lower(Template.name))
        )
        return list(rows)

    async def latest_by_slug(self, slug: str) -> Template | None:
        return await self.session.scalar(
            select(Template).where(Template.slug == slug).order_by(Template.version.desc()).limit(1)
        )

    async def default(self) -> Template | None:
        return await self.latest_by_slug(DEFAULT_SLUG) or next(iter(await self.latest()), None)

    async def set_thumbnail(self, template_id: uuid.UUID, key: str) -> None:
        await self.session.execute(
            update(Template).where(Template.id == template_id).values(thumbnail_key=key)
        )

    async def add(self, template: Template) -> Template:
        self.session.add(template)
        await self.session.flush()
        return template
