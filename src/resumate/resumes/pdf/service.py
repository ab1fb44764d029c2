"""PDFs of resumes: print once per distinct content, store, hand out expiring links.

Printing follows the slow-work pattern (`resumate.db`): the resume and its template are loaded
and checked, the session lets go of its connection, Chromium prints and storage keeps the file,
and only then is the PDF recorded on the resume, by a statement that checks the resume is
still the version that was printed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from resumate.db import release
from resumate.rendering.document import Document, render_document
from resumate.rendering.letter import render_letter
from resumate.rendering.renderer import RenderedPdf, Renderer
from resumate.resumes.files import pdf_key
from resumate.resumes.models import Resume
from resumate.resumes.photo.service import inline_photo
from resumate.resumes.repository import PrintedPdf, ResumeRepository
from resumate.storage.base import Storage, StorageUnavailable
from resumate.templates.models import Template
from resumate.templates.service import TemplateService

log = logging.getLogger("resumate.pdf")

# Part of every content hash: bump it when the same input would now print differently.
# 2: PDFs printed while a relative data directory hid the bundled fonts are printed again.
RENDER_REVISION = "2"


@dataclass(frozen=True)
class PdfLink:
    url: str
    expires_at: datetime
    pages: int
    bytes: int


def content_hash(resume: Resume, template: Template) -> str:
    """What the PDF depends on: the data, the exact template version, the theme."""
    return printed_hash(resume.data, resume.theme, template)


def printed_hash(data: dict[str, Any], theme: dict[str, Any], template: Template) -> str:
    """The content hash of the PDF of `data` in `theme` and `template`."""
    material = json.dumps(
        [RENDER_REVISION, template.id.hex, template.content_hash, data, theme],
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(material.encode()).hexdigest()


def pdf_filename(title: str, suffix: str = "") -> str:
    stem = re.sub(r"[^\w.-]+", "-", title, flags=re.UNICODE).strip("-.") or "resume"
    return f"{stem[:80]}{suffix}.pdf"


class PdfService:
    def __init__(self, session: AsyncSession, storage: Storage, renderer: Renderer) -> None:
        self.session = session
        self.storage = storage
        self.renderer = renderer
        self.resumes = ResumeRepository(session)
        self.templates = TemplateService(session)

    async def document(self, resume: Resume) -> Document:
        """The exact HTML the PDF is printed from."""
        template = await self.templates.get(resume.template_id)
        await release(self.session)
        photo = await inline_photo(self.storage, resume.id, resume.data)
        return render_document(template.source, resume.data, resume.theme, photo)

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
        await release(self.session)
        shown = resume.data if data is None else data
        photo = await inline_photo(self.storage, resume.id, shown)
        return render_document(
            template.source, shown, resume.theme if theme is None else theme, photo
        )

    async def letter(
        self, resume: Resume, *, text: str, recipient: str | None, dated: date | None
    ) -> RenderedPdf:
        """A cover letter printed in the resume's design, handed back and not stored.

        The letter is the person's draft, not part of the resume: it is printed for this
        download only, so nothing of it is kept once it is sent.
        """
        template = await self.templates.get(resume.template_id)
        await release(self.session)
        document = render_letter(
            template.source,
            resume.data,
            resume.theme,
            text=text,
            recipient=recipient,
            today=dated or datetime.now(UTC).date(),
        )
        return await self.renderer.pdf(document.html, title=document.title, author=document.author)

    async def generate(self, resume: Resume) -> PdfLink:
        """Print and store the resume's PDF, or reuse the stored one if nothing changed."""
        stored, _ = await self._stored(resume)
        return await self._link(resume.title, stored.key, stored.pages, stored.size)

    async def digest(self, resume: Resume) -> str:
        """The content hash the resume's PDF is printed (and kept) under, as it is now."""
        return content_hash(resume, await self.templates.get(resume.template_id))

    async def printed(self, resume: Resume) -> tuple[str, bytes]:
        """The resume's PDF as it downloads, and its content hash: the stored one if nothing
        changed, else printed and stored as `generate` does."""
        stored, data = await self._stored(resume)
        return stored.digest, data if data is not None else await self.storage.get(stored.key)

    async def _stored(self, resume: Resume) -> tuple[PrintedPdf, bytes | None]:
        """The PDF of the resume as it is, printed and stored unless it already was; its bytes
        when printed now (None when the stored one is reused)."""
        template = await self.templates.get(resume.template_id)
        digest = content_hash(resume, template)
        await release(self.session)
        if resume.pdf_hash == digest and resume.pdf_key:
            kept = PrintedPdf(resume.pdf_key, digest, resume.pdf_pages or 0, resume.pdf_bytes or 0)
            return kept, None
        photo = await inline_photo(self.storage, resume.id, resume.data)
        document = render_document(template.source, resume.data, resume.theme, photo)
        printed = await self.renderer.pdf(
            document.html, title=document.title, author=document.author
        )
        pdf = PrintedPdf(pdf_key(resume.id, digest), digest, printed.pages, len(printed.data))
        # Stored first: if storage fails, the resume still points at its previous PDF.
        await self.storage.put(pdf.key, printed.data, "application/pdf")
        previous = resume.pdf_key
        # Not recorded when the resume changed meanwhile: the file is still the PDF that was
        # asked for, and it goes with the resume's other files.
        if await self.resumes.record_pdf(resume, pdf) and previous and previous != pdf.key:
            await self._forget(previous)
        return pdf, printed.data

    async def _link(self, title: str, key: str, pages: int | None, size: int | None) -> PdfLink:
        signed = await self.storage.url(key, filename=pdf_filename(title))
        return PdfLink(
            url=signed.url, expires_at=signed.expires_at, pages=pages or 0, bytes=size or 0
        )

    async def _forget(self, key: str) -> None:
        try:
            await self.storage.delete(key)
        except StorageUnavailable:
            log.warning("could not delete a superseded PDF; it stays until the resume is purged")
