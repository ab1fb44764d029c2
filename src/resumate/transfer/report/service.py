"""The parser report of a resume: its PDF printed (or the stored one), read back, compared.

The report depends only on what the PDF is printed from, so it is kept by the PDF's content
hash (`resumate.resumes.pdf.service.content_hash`): asking again for an unchanged resume costs
a dictionary look-up, and a save that changes nothing printed keeps its report. Reading runs in
the import's worker process, under the same limits as a file someone uploads.
"""

from __future__ import annotations

from collections import OrderedDict

from resumate.resumes.models import Resume
from resumate.resumes.pdf.service import PdfService
from resumate.transfer.reading.worker import ReadingWorker
from resumate.transfer.report.compare import Report, compare

# Reports kept per app process: a few hundred resumes being edited at once.
KEPT = 512


class ReportCache:
    """The latest reports by content hash, the least recently asked for dropped first."""

    def __init__(self, size: int = KEPT) -> None:
        self.size = size
        self._reports: OrderedDict[str, Report] = OrderedDict()

    def get(self, digest: str) -> Report | None:
        report = self._reports.get(digest)
        if report is not None:
            self._reports.move_to_end(digest)
        return report

    def put(self, digest: str, report: Report) -> None:
        self._reports[digest] = report
        self._reports.move_to_end(digest)
        while len(self._reports) > self.size:
            self._reports.popitem(last=False)


class ReportService:
    def __init__(self, pdfs: PdfService, reader: ReadingWorker, cache: ReportCache) -> None:
        self.pdfs = pdfs
        self.reader = reader
        self.cache = cache

    async def report(self, resume: Resume) -> Report:
        """What a parser reads from the resume's PDF, field by field."""
        # Looked up before the PDF is fetched: an unchanged resume costs no print and no download.
        kept = self.cache.get(await self.pdfs.digest(resume))
        if kept is not None:
            return kept
        data = resume.data
        digest, pdf = await self.pdfs.printed(resume)
        titles = (resume.theme or {}).get("sectionTitles") or {}
        report = compare(data, await self.reader.read(pdf), titles)
        self.cache.put(digest, report)
        return report
