"""Resume templates: immutable rows, one per (slug, version)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from resumate.db import Base, IdMixin, utcnow
from resumate.rendering.document import TemplateSource
from resumate.rendering.thumbnail import SHOT_REVISION

# The template a resume gets when none is chosen.
DEFAULT_SLUG = "classic"


class Template(IdMixin, Base):
    __tablename__ = "templates"

    slug: Mapped[str] = mapped_column(String(64))
    version: Mapped[int]
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text)
    html: Mapped[str] = mapped_column(Text)
    css: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    # Theme defaults (accentColor, fontFamily, ...) a resume's own choices override.
    defaults: Mapped[dict[str, Any]]
    thumbnail_key: Mapped[str | None] = mapped_column(String(512))
    is_builtin: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (UniqueConstraint("slug", "version"),)

    @property
    def source(self) -> TemplateSource:
        """What rendering needs of the template."""
        return TemplateSource(html=self.html, css=self.css, defaults=self.defaults)

    @property
    def picture_version(self) -> str:
        """What a link to its thumbnail carries: that address always shows the same picture."""
        return f"{self.version}-{SHOT_REVISION}"
