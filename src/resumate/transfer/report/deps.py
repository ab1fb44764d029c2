"""The parser report's service, and the reports kept, as dependencies."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from resumate.components import Slot
from resumate.resumes.pdf.deps import PdfServiceDep
from resumate.transfer.deps import ReaderDep
from resumate.transfer.report.service import ReportCache, ReportService

REPORTS: Slot[ReportCache] = Slot("parser reports")
ReportCacheDep = Annotated[ReportCache, Depends(REPORTS)]


async def get_report_service(
    pdfs: PdfServiceDep, reader: ReaderDep, cache: ReportCacheDep
) -> ReportService:
    return ReportService(pdfs, reader, cache)


ReportServiceDep = Annotated[ReportService, Depends(get_report_service)]
