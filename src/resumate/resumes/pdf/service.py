"""PDFs of resumes: print once per distinct content, store, hand out expiring links."""

from __future__ import annotations

import hashlib
import json
import logging
import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from resumate.rendering.document import Document, TemplateSource, render_document
from resumate.rendering.renderer import Renderer
from resumate.resumes.models import Resume
from resumate.storage.base import Storage, StorageUnavailable
from resumate.templates.models import Template
from resumate.templates.service import TemplateService

log = logging.getLogger("resumate.pdf")

# Part of every content hash: bump it when the same input would now print differently.
RENDER_REVISION = "1"


@dataclass(frozen=True)
class PdfLink:
    url: str
    expires_at: datetime
    pages: int
    bytes: int


def template_source(template: Template) -> TemplateSource:
    return TemplateSource(html=template.html, css=template.css, defaults=template.defaults)


def content_hash(resume: Resume, template: Template) -> str:
    """What the PDF depends on: the data, the exact template version, the theme."""
    material = json.dumps(
        [RENDER_REVISION, template.id.hex, template.content_hash, resume.data, resume.theme],
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(material.encode()).hexdigest()


def pdf_filename(title: str) -> str:
    stem = re.sub(r"[^\w.-]+", "-", title, flags=re.UNICODE).strip("-.") or "resume"
    return f"{stem[:80]}.pdf"


class PdfService:
    def __init__(self, session: AsyncSession, storage: Storage, renderer: Renderer) -> None:
        self.session = session
        self.storage = storage
        self.renderer = renderer
        self.templates = TemplateService(session)

    async def document(self, resume: Resume) -> Document:
        """The exact HTML the PDF is printed from."""
        template = await self.templates.get(resume.template_id)
        return render_document(template_source(template), resume.data, resume.theme)

    async def draft_document(
        self,
        resume: Resume,
        *,
        data: dict[str, Any] | None,
        theme: dict[str, Any] | None,
        template_id: uuid.UUID | None,
    ) -> Document:
        """The document `resume` would print as with unsaved edits; None keeps the saved part."""
        template = await self.templates.resolve(template_id or resume.template_id)
        return render_document(
            template_source(template),
            resume.data if data is None else data,
            resume.theme if theme is None else theme,
        )

    async def generate(self, resume: Resume) -> PdfLink:
        """Print and store the resume's PDF, or reuse the stored one if nothing changed."""
        template = await self.templates.get(resume.template_id)
        digest = content_hash(resume, template)
        if resume.pdf_hash == digest and resume.pdf_key:
            return await self.link(resume)
        document = render_document(template_source(template), resume.data, resume.theme)
        printed = await self.renderer.pdf(
            document.html, title=document.title, author=document.author
        )
        key = f"pdfs/{resume.id}/{digest}.pdf"
        # Stored first: if storage fails, the resume still points at its previous PDF.
        await self.storage.put(key, printed.data, "application/pdf")
        previous = resume.pdf_key
        await self._remember(resume, key, digest, printed.pages, len(printed.data))
        if previous and previous != key:
            await self._forget(previous)
        return await self.link(resume)

    async def link(self, resume: Resume) -> PdfLink:
        assert resume.pdf_key is not None
        signed = await self.storage.url(resume.pdf_key, filename=pdf_filename(resume.title))
        return PdfLink(
            url=signed.url,
            expires_at=signed.expires_at,
            pages=resume.pdf_pages or 0,
            bytes=resume.pdf_bytes or 0,
        )

    async def _remember(self, resume: Resume, key: str, digest: str, pages: int, size: int) -> None:
        # Not an edit: the version, ETag and last-edited time stay as they are.
        values = {"pdf_key": key, "pdf_hash": digest, "pdf_pages": pages, "pdf_bytes": size}
        # updated_at is named so that its on-update default does not fire.
        statement = update(Resume).where(Resume.id == resume.id)
        await self.session.execute(statement.values(**values, updated_at=Resume.updated_at))
        for name, value in values.items():
            set_committed_value(resume, name, value)

    async def _forget(self, key: str) -> None:
        try:
            await self.storage.delete(key)
        except StorageUnavailable:
            log.warning("could not delete a superseded PDF; it stays until the resume is purged")
