"""The export service as a dependency."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from resumate.deps import SessionDep
from resumate.resumes.pdf.deps import PdfServiceDep
from resumate.templates.deps import TemplateServiceDep
from resumate.transfer.export.service import ExportService


async def get_export_service(
    session: SessionDep, templates: TemplateServiceDep, pdfs: PdfServiceDep
) -> ExportService:
    return ExportService(session, templates, pdfs)


ExportServiceDep = Annotated[ExportService, Depends(get_export_service)]
