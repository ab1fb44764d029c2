"""Reading a resume file in a process of its own, so that no file can take the server down.

A file to import is untrusted, and its readers (pdfminer, python-docx, zipfile, regular
expressions) are large parsers that a crafted file can send into a loop, through all memory or
into a crash. So `read_resume` runs in a child process, within limits: the parent keeps the
wall time (`timeout_seconds`); the child limits its own address space for good (`RLIMIT_AS`)
and, before each file, its CPU time (`RLIMIT_CPU`, a backstop should the parent be gone). A file
that runs out of time or memory, crashes the child or has it killed costs only that child: it
is killed, a fresh one is started for the next file, and the person is told with `Unreadable`.

One warm child per app process, started by the first import (most processes never import one,
as most never print) so that an import pays no start-up; spawned, not forked, because the app
has threads and an event loop. Files are read one at a time; `queue_limit` more may wait their
turn, and beyond that the answer is 503. One child rather than a pool: imports are rare (about
once per person) and most take well under a second, the cores are the app's and Chromium's, and
a second child would double the idle memory and the worst case (twice the address space) for a
line that is nearly always empty.

The child answers in JSON, never in a pickle: whatever a file makes of the child, its answer is
only ever data to the app. A dry run also has a PDF's pages drawn (for the review page), within
the same limits: each file goes to the child after a byte that says whether to draw them.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import logging
import math
import multiprocessing
import os
import resource
import signal
import threading
from dataclasses import asdict, dataclass
from functools import cache
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import TypeAdapter, ValidationError

from resumate.config import ImportSettings
from resumate.errors import ServiceUnavailable
from resumate.transfer.reading.limits import Unreadable

if TYPE_CHECKING:
    from resumate.transfer.reading.files import ReadResume
    from resumate.transfer.reading.images import PageImage

log = logging.getLogger("resumate.transfer")

READ_RESUME = "resumate.transfer.reading.files:read_resume"
TOO_LONG = (
    "This file took too long to read. Save it again (as a PDF or .docx) and import that, or"
    " paste its text into a .txt file."
)
FAILED = (
    "This file could not be read. It may be damaged: open it, save it again (as a PDF or .docx)"
    " and import that."
)
# A cold child loads the readers in about a second; on a busy machine it may take longer.
START_SECONDS = 30
READY = b"{}"
# The most a child may answer: a document is at most 512 KB of JSON, a PDF's pages drawn at
# most 4 MB of PNG (a third more in base64), the rest is small.
MAX_ANSWER_BYTES = 16 * 2**20
# The byte before each file: draw a PDF's pages, or not.
DRAW, DO_NOT_DRAW = b"1", b"0"


class Reader(Protocol):
    def __call__(self, data: bytes, *, images: bool = False) -> ReadResume: ...


class ReaderBusy(ServiceUnavailable):
    code = "reader_busy"
    default_message = "Many files are being read just now. Try again in a few seconds."


class ReaderUnavailable(ServiceUnavailable):
    code = "reader_unavailable"
    default_message = "Files cannot be read just now. Try again shortly."


@dataclass
class _Child:
    process: BaseProcess
    conn: Connection
    ready: bool = False


class ReadingWorker:
    """One warm child process that reads files one at a time, within time and memory limits.

    `reader` names the function the child runs, as `module:function` (tests name one that
    hangs, or crashes).
    """

    def __init__(self, settings: ImportSettings, reader: str = READ_RESUME) -> None:
        self.settings = settings
        self.reader = reader
        self._child: _Child | None = None
        self._turn = asyncio.Lock()
        # Held by the thread for a whole file, so that a file whose request was cancelled is
        # done before the next one is sent.
        self._job = threading.Lock()
        self._admitted = 0

    @property
    def pid(self) -> int | None:
        """The child's process id; None before the first file and after `close`."""
        return self._child.process.pid if self._child is not None else None

    async def read(self, data: bytes, *, images: bool = False) -> ReadResume:
        """The resume in the file, read in the child; `Unreadable` says why not. With `images`,
        a PDF's pages come drawn too (a dry run's, for the review page)."""
        if self._admitted > self.settings.queue_limit:
            raise ReaderBusy(retry_after=self._admitted)
        self._admitted += 1
        try:
            async with self._turn:
                return await asyncio.to_thread(self._read, data, images)
        finally:
            self._admitted -= 1

    async def close(self) -> None:
        """Stop the child; the next file starts a fresh one."""
        await asyncio.to_thread(self._close)

    def _read(self, data: bytes, images: bool) -> ReadResume:
        with self._job:
            child = self._ready_child()
            try:
                child.conn.send_bytes((DRAW if images else DO_NOT_DRAW) + data)
                answered = child.conn.poll(self.settings.timeout_seconds)
                raw = child.conn.recv_bytes(MAX_ANSWER_BYTES) if answered else None
            except (EOFError, OSError):  # the child died: a crash, a kill, its CPU limit
                raw = b""
            if raw is None:
                self._replace("a file took longer than its time")
                raise Unreadable(TOO_LONG)
            answer = _answer_of(raw)
            if isinstance(answer, str):
                raise Unreadable(answer)
            if answer is None:
                self._replace("a file failed it" if raw else "it ended (a crash, or a kill)")
                raise Unreadable(FAILED)
            return answer

    def _close(self) -> None:
        with self._job:
            self._stop(grace=1.0)

    def _ready_child(self) -> _Child:
        child = self._child
        if child is None or not child.process.is_alive():
            self._stop()
            child = self._child = self._spawn()
        if not child.ready:
            try:
                started = child.conn.poll(START_SECONDS) and child.conn.recv_bytes(16) == READY
            except (EOFError, OSError):
                started = False
            if not started:
                self._stop()
                log.error("the file reader process did not start")
                raise ReaderUnavailable()
            child.ready = True
        return child

    def _spawn(self) -> _Child:
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe()
        memory = self.settings.memory_mb * 2**20
        cpu = math.ceil(self.settings.timeout_seconds) + 1
        process = context.Process(
            target=serve,
            args=(theirs, self.reader, memory, cpu),
            name="resumate-file-reader",
            daemon=True,
        )
        process.start()
        # Only the child holds its end now: when it dies, a wait on ours ends at once.
        theirs.close()
        return _Child(process, ours)

    def _replace(self, why: str) -> None:
        """Kill the child after a file it could not read, and start the next file's child."""
        log.warning("the file reader process was replaced: %s", why)
        self._stop()
        try:
            self._child = self._spawn()
        except OSError as exc:  # no process to be had just now: the next file tries again
            log.error("the file reader process could not be started (%s)", type(exc).__name__)

    def _stop(self, grace: float = 0.0) -> None:
        child, self._child = self._child, None
        if child is None:
            return
        child.conn.close()  # an idle child ends on its own when the pipe closes
        if grace:
            child.process.join(grace)
        if child.process.is_alive():
            child.process.kill()
        child.process.join()
        child.process.close()


def _answer_of(raw: bytes) -> ReadResume | str | None:
    """The child's answer: what it read, why the file cannot be read, or None if it failed."""
    try:
        answer = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(answer, dict):
        return None
    if isinstance(answer.get("unreadable"), str):
        return str(answer["unreadable"])[:1000]
    if "read" not in answer:
        log.warning("reading a file to import failed: %s", str(answer.get("failed"))[:80])
        return None
    try:
        read = _read_resume_type().validate_python(answer["read"])
    except ValidationError:
        return None
    # Out of range (or NaN) is no measure of anything: such a field counts as unsure.
    read.confidence = {path: sure for path, sure in read.confidence.items() if 0 <= sure <= 1}
    if not all(_is_drawn(image) for image in read.images):
        read.images = []
    return read


def _is_drawn(image: PageImage) -> bool:
    """A page image as the child draws them: a PNG in the answer itself, never a link, of a
    size a page could have."""
    from resumate.transfer.reading.images import DATA_URL, MAX_SIDE

    sizes = (image.width, image.height)
    return image.src.startswith(DATA_URL) and all(0 < size <= MAX_SIDE for size in sizes)


@cache
def _read_resume_type() -> TypeAdapter[ReadResume]:
    # Loaded on the first answer, not with the app: the readers it imports are for the child.
    from resumate.transfer.reading.files import ReadResume

    return TypeAdapter(ReadResume)


def serve(conn: Connection, reader: str, memory_bytes: int, cpu_seconds: int) -> None:
    """The child: limit itself, load the reader, then answer each file until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the app, and the app stops this
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a crash leaves no core file behind
    # numpy's OpenBLAS sets aside memory for a thread a core as it loads, which the address
    # space counts (over a gigabyte on a large server): the child computes on one thread.
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
    _limit(resource.RLIMIT_AS, memory_bytes, hard=True)
    read = _loaded(reader)
    conn.send_bytes(READY)
    while True:
        try:
            message = conn.recv_bytes()
        except (EOFError, OSError):  # the app closed the pipe, or is gone
            return
        used = resource.getrusage(resource.RUSAGE_SELF)
        _limit(resource.RLIMIT_CPU, math.ceil(used.ru_utime + used.ru_stime) + cpu_seconds)
        conn.send_bytes(_answered(read, message[1:], images=message[:1] == DRAW))


def _answered(read: Reader, data: bytes, *, images: bool) -> bytes:
    try:
        answer: dict[str, Any] = {"read": asdict(read(data, images=images))}
    except Unreadable as unreadable:
        answer = {"unreadable": str(unreadable)}
    except Exception as exc:  # MemoryError, RecursionError, a reader's own bug
        answer = {"failed": type(exc).__name__}
    try:
        return json.dumps(answer, ensure_ascii=False).encode()
    except (TypeError, ValueError) as exc:  # a value that is not JSON
        return json.dumps({"failed": type(exc).__name__}).encode()


def _limit(which: int, value: int, *, hard: bool = False) -> None:
    """Lower a resource's soft limit, and its hard one too (for good) when `hard` is set.

    The CPU limit's hard one stays: it is raised before each file by the time spent so far.
    """
    _, ceiling = resource.getrlimit(which)
    value = value if ceiling == resource.RLIM_INFINITY else min(value, ceiling)
    resource.setrlimit(which, (value, value if hard else ceiling))


def _loaded(name: str) -> Reader:
    module, _, function = name.partition(":")
    found: Reader = getattr(importlib.import_module(module), function)
    return found
