"""The transfer service, the file reader (a worker process) and an import's body as dependencies."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends

from resumate.components import Slot
from resumate.resumes.deps import ResumeServiceDep
from resumate.templates.deps import TemplateServiceDep
from resumate.transfer.reading.worker import ReadingWorker
from resumate.transfer.service import TransferService
from resumate.transfer.upload import UploadedFile, import_body

READER: Slot[ReadingWorker] = Slot("file reader")
ReaderDep = Annotated[ReadingWorker, Depends(READER)]


async def get_transfer_service(
    resumes: ResumeServiceDep, templates: TemplateServiceDep, reader: ReaderDep
) -> TransferService:
    return TransferService(resumes, templates, reader)


TransferServiceDep = Annotated[TransferService, Depends(get_transfer_service)]
# Read after the caller is known: a signed-out request is refused before its body is read.
ImportBody = Annotated[dict[str, Any] | UploadedFile, Depends(import_body)]
