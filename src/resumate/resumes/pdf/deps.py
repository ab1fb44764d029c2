"""The PDF service as a dependency."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from resumate.deps import SessionDep
from resumate.rendering.deps import RendererDep
from resumate.resumes.pdf.service import PdfService
from resumate.storage.deps import StorageDep


async def get_pdf_service(
    session: SessionDep, storage: StorageDep, renderer: RendererDep
) -> PdfService:
    return PdfService(session, storage, renderer)


PdfServiceDep = Annotated[PdfService, Depends(get_pdf_service)]
