"""The built-in templates shipped in the package, synced into the templates table.

A template row never changes once written: when a built-in's files change, a new version row is
added, so resumes that point at the old row keep rendering exactly as before.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from resumate.rendering.document import TemplateSource
from resumate.templates.models import Template
from resumate.templates.repository import TemplateRepository

LIBRARY = "_sections.html"


@dataclass(frozen=True)
class BuiltinTemplate:
    slug: str
    name: str
    description: str
    html: str
    css: str
    defaults: dict[str, Any]

    @property
    def content_hash(self) -> str:
        digest = hashlib.sha256()
        parts = (self.name, self.description, self.html, self.css, json.dumps(self.defaults))
        for part in parts:
            digest.update(part.encode())
            digest.update(b"\0")
        return digest.hexdigest()

    @property
    def source(self) -> TemplateSource:
        return TemplateSource(self.html, self.css, self.defaults)


def load_builtins() -> list[BuiltinTemplate]:
    root = resources.files("resumate.templates") / "builtin"
    # The shared section macros go into each row, so a stored version never changes under it.
    library = (root / LIBRARY).read_text(encoding="utf-8")
    found = []
    for folder in sorted(root.iterdir(), key=lambda f: f.name):
        if not folder.is_dir() or not (folder / "template.html").is_file():
            continue
        meta = tomllib.loads((folder / "meta.toml").read_text(encoding="utf-8"))
        found.append(
            BuiltinTemplate(
                slug=folder.name,
                name=meta["name"],
                description=meta["description"],
                html=library + (folder / "template.html").read_text(encoding="utf-8"),
                css=(folder / "style.css").read_text(encoding="utf-8"),
                defaults=dict(meta.get("defaults", {})),
            )
        )
    return found


async def sync_builtins(session: AsyncSession) -> list[Template]:
    """Add a new version row for every built-in whose files differ from its latest row."""
    templates = TemplateRepository(session)
    added = []
    for builtin in load_builtins():
        latest = await templates.latest_by_slug(builtin.slug)
        if latest is not None and latest.content_hash == builtin.content_hash:
            continue
        next_version = latest.version + 1 if latest else 1
        template = Template(
            slug=builtin.slug,
            version=next_version,
            name=builtin.name,
            description=builtin.description,
            html=builtin.html,
            css=builtin.css,
            defaults=builtin.defaults,
            content_hash=builtin.content_hash,
            is_builtin=True,
        )
        added.append(await templates.add(template))
    return added
