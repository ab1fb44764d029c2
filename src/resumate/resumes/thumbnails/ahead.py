"""Thumbnails made ahead: a moment after a resume is made or saved, in the background, so the
dashboard has the card's picture before anyone asks for it.

A save only schedules (`schedule(resume_id)` returns at once); saves in quick succession wait
for the last one. The picture is made as the card would ask for it (`ResumeThumbnails`, the same
key and the same one-at-a-time gate), so a card asking meanwhile is answered from the same work.
Whatever fails is logged and dropped: the card makes its picture when asked, as before.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid

from resumate.components import Slot
from resumate.db import Database
from resumate.rendering.renderer import Renderer
from resumate.resumes.models import Resume
from resumate.resumes.thumbnails.service import ResumeThumbnails
from resumate.storage.base import Storage

log = logging.getLogger("resumate.thumbnails")

# How long after the last save the picture is made: typing saves every second or so, and a
# card asked for sooner makes its own (one picture either way: the same key, the same gate).
PAUSE_SECONDS = 10.0
# How long shutdown waits for a picture being made.
CLOSE_WAIT_SECONDS = 20


class ThumbnailsAhead:
    def __init__(
        self,
        database: Database,
        storage: Storage,
        renderer: Renderer,
        pause: float = PAUSE_SECONDS,
    ) -> None:
        self.database = database
        self.storage = storage
        self.renderer = renderer
        self.pause = pause
        self._waiting: dict[uuid.UUID, asyncio.Task[None]] = {}
        self._making: set[asyncio.Task[None]] = set()

    def schedule(self, resume_id: uuid.UUID) -> None:
        """Make the resume's picture once it has not been saved for a moment; returns at once."""
        waiting = self._waiting.pop(resume_id, None)
        if waiting is not None:
            waiting.cancel()
        task = asyncio.get_running_loop().create_task(self._after_pause(resume_id))
        self._waiting[resume_id] = task

    async def _after_pause(self, resume_id: uuid.UUID) -> None:
        await asyncio.sleep(self.pause)
        # From here on a later save no longer cancels it: that save schedules a picture of its own.
        task = self._waiting.pop(resume_id)
        self._making.add(task)
        try:
            await self.make(resume_id)
        except Exception:  # a background job has nobody to answer; the log is its report
            log.exception("making a thumbnail ahead failed")
        finally:
            self._making.discard(task)

    async def make(self, resume_id: uuid.UUID) -> None:
        """The picture of the resume as it is now, unless it is stored already or gone."""
        async with self.database.reader() as session:
            resume = await session.get(Resume, resume_id)
            if resume is None or resume.deleted_at is not None:
                return
            shots = ResumeThumbnails(session, self.storage, self.renderer)
            await shots.png(resume, await shots.key(resume))

    async def drain(self) -> None:
        """Wait until every picture scheduled so far is made (or has failed)."""
        while self._waiting or self._making:
            await asyncio.gather(*self._waiting.values(), *self._making, return_exceptions=True)

    async def close(self) -> None:
        waiting = list(self._waiting.values())
        for task in waiting:
            task.cancel()
        await asyncio.gather(*waiting, return_exceptions=True)
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(CLOSE_WAIT_SECONDS):
                await asyncio.gather(*self._making, return_exceptions=True)


THUMBNAILS_AHEAD: Slot[ThumbnailsAhead] = Slot("thumbnails-ahead")
