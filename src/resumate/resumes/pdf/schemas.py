"""Bodies of the PDF and preview routes."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import Field

from resumate.document.schemas import JsonResume
from resumate.document.theme import Theme
from resumate.resumes.pdf.service import PdfLink
from resumate.schemas import ApiInput, ApiModel


class Draft(ApiInput):
    """Unsaved edits to preview: each part left out is taken from the saved resume."""

    data: JsonResume | None = None
    theme: Theme | None = None
    template_id: uuid.UUID | None = Field(default=None)


class PdfOut(ApiModel):
    url: str
    expires_at: datetime
    pages: int
    bytes: int


def pdf_out(link: PdfLink) -> PdfOut:
    return PdfOut(url=link.url, expires_at=link.expires_at, pages=link.pages, bytes=link.bytes)
