"""The app's file reader made to run the test reader, which a file can tell to hang or crash."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from fastapi import FastAPI

from resumate.transfer.deps import READER
from resumate.transfer.reading.worker import ReadingWorker
from tests.transfer.resume_files import TOLD, TOLD_TIMEOUT


@pytest.fixture
async def told_reader(app: FastAPI) -> AsyncIterator[ReadingWorker]:
    """The app's reader, running the test reader on a short clock; put back afterwards."""
    worker = READER.of(app)
    settings, reader = worker.settings, worker.reader
    await worker.close()
    worker.settings = settings.model_copy(update={"timeout_seconds": TOLD_TIMEOUT})
    worker.reader = TOLD
    yield worker
    await worker.close()
    worker.settings, worker.reader = settings, reader
