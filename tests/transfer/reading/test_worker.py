"""Files are read in a warm child process that no file can take down with the app."""

from __future__ import annotations

import asyncio
import os
import resource
import signal
import time
from collections.abc import AsyncIterator

import pytest

from resumate.config import ImportSettings
from resumate.document.sample import sample_resume
from resumate.rendering.document import render_document
from resumate.rendering.renderer import Renderer
from resumate.templates.builtin import load_builtins
from resumate.transfer.reading.files import ReadResume
from resumate.transfer.reading.limits import Unreadable
from resumate.transfer.reading.worker import (
    ReaderBusy,
    ReaderUnavailable,
    ReadingWorker,
)
from tests.transfer.reading.readers import PAGE
from tests.transfer.resume_files import TEXT_RESUME, TOLD

SETTINGS = ImportSettings(timeout_seconds=2)
ADA = ReadResume("text", {"basics": {"name": "Ada"}}, {"basics.name": 0.5}, ["Read."])


@pytest.fixture(scope="module")
async def worker() -> AsyncIterator[ReadingWorker]:
    reading = ReadingWorker(SETTINGS, reader=TOLD)
    yield reading
    await reading.close()


def is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


async def test_a_file_is_read_in_a_warm_child_and_answered_as_plain_data(
    worker: ReadingWorker,
) -> None:
    assert await worker.read(b"test:Ada") == ADA
    child = worker.pid
    assert child not in (None, os.getpid())
    assert (await worker.read(b"test:Grace")).document == {"basics": {"name": "Grace"}}
    assert worker.pid == child


async def test_the_child_limits_its_address_space_for_good_and_its_cpu_time_per_file(
    worker: ReadingWorker,
) -> None:
    limits = (await worker.read(b"test:limits")).document
    memory = SETTINGS.memory_mb * 2**20
    assert limits["memory"] == [memory, memory]
    soft, hard = limits["cpu"]
    assert hard == resource.RLIM_INFINITY
    # The time spent so far, rounded up, and the file's own: the timeout and a second.
    assert 0 < soft - limits["used"] <= SETTINGS.timeout_seconds + 2


@pytest.mark.parametrize("what", ["sleep", "spin"])
async def test_a_file_that_takes_too_long_is_refused_and_its_child_replaced(
    worker: ReadingWorker, what: str
) -> None:
    await worker.read(b"test:Ada")
    child = worker.pid
    started = time.monotonic()
    with pytest.raises(Unreadable, match=r"^This file took too long to read"):
        await worker.read(f"test:{what}".encode())
    assert time.monotonic() - started < SETTINGS.timeout_seconds + 2
    assert child is not None
    assert not is_running(child)
    assert await worker.read(b"test:Ada") == ADA
    assert worker.pid != child


@pytest.mark.parametrize("what", ["eat", "crash", "bug", "not json"])
async def test_a_file_that_breaks_its_reader_is_refused_and_its_child_replaced(
    worker: ReadingWorker, what: str
) -> None:
    await worker.read(b"test:Ada")
    child = worker.pid
    with pytest.raises(Unreadable, match=r"^This file could not be read"):
        await worker.read(f"test:{what}".encode())
    assert await worker.read(b"test:Ada") == ADA
    assert worker.pid != child


async def test_pages_are_drawn_only_when_asked_for(worker: ReadingWorker) -> None:
    assert (await worker.read(b"test:drawn")).images == []
    assert (await worker.read(b"test:drawn", images=True)).images == [PAGE]


async def test_a_page_image_that_is_not_a_png_in_the_answer_leaves_every_image_out(
    worker: ReadingWorker,
) -> None:
    read = await worker.read(b"test:linked", images=True)
    assert (read.kind, read.images) == ("pdf", [])


async def test_a_file_its_reader_refuses_is_refused_in_its_words_by_the_same_child(
    worker: ReadingWorker,
) -> None:
    await worker.read(b"test:Ada")
    child = worker.pid
    with pytest.raises(Unreadable, match=r"^Not this one\.$"):
        await worker.read(b"test:refuse")
    assert worker.pid == child


async def test_a_child_killed_mid_file_fails_that_file_at_once_and_the_next_one_is_read() -> None:
    worker = ReadingWorker(ImportSettings(timeout_seconds=60), reader=TOLD)
    try:
        await worker.read(b"test:Ada")
        reading = asyncio.create_task(worker.read(b"test:sleep"))
        await asyncio.sleep(1)  # sent, and asleep in the child
        assert worker.pid is not None
        os.kill(worker.pid, signal.SIGKILL)
        with pytest.raises(Unreadable, match=r"^This file could not be read"):
            async with asyncio.timeout(10):  # well before the file's own minute is up
                await reading
        assert await worker.read(b"test:Ada") == ADA
    finally:
        await worker.close()


async def test_ten_files_at_once_are_each_read_in_turn(worker: ReadingWorker) -> None:
    names = [f"Person {number}" for number in range(10)]
    read = await asyncio.gather(*(worker.read(f"test:{name}".encode()) for name in names))
    assert [each.document["basics"]["name"] for each in read] == names


async def test_past_the_line_of_files_waiting_the_answer_is_busy() -> None:
    worker = ReadingWorker(ImportSettings(timeout_seconds=1, queue_limit=1), reader=TOLD)
    try:
        slow = asyncio.create_task(worker.read(b"test:sleep"))
        await asyncio.sleep(0)  # in, and reading
        waiting = asyncio.create_task(worker.read(b"test:Ada"))
        await asyncio.sleep(0)  # in, and waiting its turn
        with pytest.raises(ReaderBusy) as busy:
            await worker.read(b"test:Grace")
        assert (busy.value.status, busy.value.headers()["Retry-After"]) == (503, "2")
        with pytest.raises(Unreadable):
            await slow
        assert await waiting == ADA
    finally:
        await worker.close()


async def test_closing_stops_the_child_and_the_next_file_starts_another() -> None:
    worker = ReadingWorker(SETTINGS, reader=TOLD)
    await worker.read(b"test:Ada")
    child = worker.pid
    await worker.close()
    assert worker.pid is None
    assert child is not None
    assert not is_running(child)
    assert await worker.read(b"test:Ada") == ADA
    assert worker.pid not in (None, child)
    await worker.close()
    await worker.close()


async def test_a_reader_that_cannot_be_loaded_leaves_reading_unavailable() -> None:
    worker = ReadingWorker(SETTINGS, reader="tests.transfer.reading.readers:nowhere")
    with pytest.raises(ReaderUnavailable):
        await worker.read(b"test:Ada")
    assert worker.pid is None


async def test_real_files_are_read_within_the_default_limits(renderer: Renderer) -> None:
    """pdfminer, pdfium and the other readers, as they run for the app, are at home in the
    limits."""
    classic = next(template for template in load_builtins() if template.slug == "classic")
    document = render_document(classic.source, sample_resume(), {})
    printed = await renderer.pdf(document.html, title=document.title, author=document.author)
    worker = ReadingWorker(ImportSettings())
    try:
        read = await worker.read(printed.data)
        assert (read.kind, read.pages) == ("pdf", printed.pages)
        assert read.document["basics"]["name"] == "Maya Okafor"
        assert [job.get("name") for job in read.document["work"]][:1] == ["Northwind Health"]
        assert read.images == []
        drawn = await worker.read(printed.data, images=True)
        assert len(drawn.images) == printed.pages
        assert drawn.document == read.document
        text = await worker.read(TEXT_RESUME.encode())
        assert (text.kind, text.document["basics"]["name"]) == ("text", "Ada Lovelace")
        assert text.confidence
        assert all(0 <= sure <= 1 for sure in text.confidence.values())
    finally:
        await worker.close()
