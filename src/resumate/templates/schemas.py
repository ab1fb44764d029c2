"""Template records as the API shows them."""

from __future__ import annotations

import uuid

from pydantic import computed_field

from resumate.schemas import ApiModel


class TemplateOut(ApiModel):
    id: uuid.UUID
    slug: str
    name: str
    description: str
    version: int
    is_builtin: bool

    @computed_field  # type: ignore[prop-decorator]
    @property
    def thumbnail_url(self) -> str:
        return f"/api/templates/{self.id}/thumbnail"
