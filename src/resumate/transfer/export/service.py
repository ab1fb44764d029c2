"""A resume as a file in another format: Word (.docx), Markdown, plain text, a PNG of a page.

Word, Markdown and text are written from the resume's outline (`outline.py`): its sections in
the design's order and language, as the printed page has them. The PNG is a page of the
resume's own PDF (printed unless the stored one is current), drawn by pdfium. Following the
slow-work pattern, the database connection goes back to the pool once the resume and its
template are loaded; a Word file and an image are made in a worker thread.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from resumate.db import release
from resumate.resumes.models import Resume
from resumate.resumes.pdf.service import PdfService
from resumate.templates.service import TemplateService
from resumate.transfer.export.markdown import markdown
from resumate.transfer.export.outline import outline
from resumate.transfer.export.plain import plain_text
from resumate.transfer.export.png import DEFAULT_SCALE, page_png
from resumate.transfer.export.word import word_file
from resumate.transfer.service import exported_filename

FileFormat = Literal["docx", "md", "txt", "png"]
MEDIA_TYPES: dict[FileFormat, str] = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "md": "text/markdown; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
    "png": "image/png",
}


@dataclass(frozen=True, slots=True)
class ExportedFile:
    content: bytes
    media_type: str
    filename: str


class ExportService:
    def __init__(self, session: AsyncSession, templates: TemplateService, pdfs: PdfService):
        self.session = session
        self.templates = templates
        self.pdfs = pdfs

    async def file(
        self, resume: Resume, kind: FileFormat, *, page: int = 1, scale: float = DEFAULT_SCALE
    ) -> ExportedFile:
        """The resume as a file of this kind; for a PNG, page `page` (from 1) at `scale`.

        A page the PDF does not have raises `NoSuchPage`.
        """
        if kind == "png":
            _, pdf = await self.pdfs.printed(resume)
            image = await asyncio.to_thread(page_png, pdf, page, scale)
            stem = exported_filename(resume.title, kind).removesuffix(".png")
            return ExportedFile(image, MEDIA_TYPES[kind], f"{stem}-page-{page}.png")
        template = await self.templates.get(resume.template_id)
        data, theme, title = resume.data, resume.theme, resume.title
        await release(self.session)
        parts = outline(data, theme, template.defaults)
        if kind == "docx":
            content = await asyncio.to_thread(word_file, parts)
        else:
            content = (markdown(parts) if kind == "md" else plain_text(parts)).encode()
        return ExportedFile(content, MEDIA_TYPES[kind], exported_filename(title, kind))
