"""Template records as the API shows them."""

from __future__ import annotations

import uuid

from resumate.schemas import ApiModel


class TemplateOut(ApiModel):
    id: uuid.UUID
    slug: str
    name: str
    description: str
    version: int
    is_builtin: bool
    thumbnail_url: str | None = None
