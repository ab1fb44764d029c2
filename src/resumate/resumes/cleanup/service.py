"""Deleting stored files durably: recorded with the rows, retried until storage confirms.

A resume's rows and the record of its folders go in one transaction; then the files are
deleted at once if storage answers, and otherwise by the sweep the app runs in the background,
with a growing pause between attempts, until listing each folder finds nothing. So a storage
outage delays a deletion but never loses it, and the person deleting is not kept waiting.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resumate.db import utcnow
from resumate.resumes.cleanup.repository import FileDeletionRepository
from resumate.storage.base import Storage

log = logging.getLogger(__name__)

# How long a request waits for storage before leaving its files to the sweep.
AT_ONCE_SECONDS = 5.0
# Deletions one sweep takes on; the next sweep takes the rest.
SWEEP_BATCH = 50
FIRST_RETRY = timedelta(seconds=30)
LONGEST_RETRY = timedelta(hours=1)


class FileCleanup:
    def __init__(self, session: AsyncSession, storage: Storage) -> None:
        self.deletions = FileDeletionRepository(session)
        self.storage = storage

    async def delete_folders(self, prefixes: Sequence[str]) -> None:
        """Delete every file under these folders, now if storage answers, else by the sweep.

        Call it in the transaction that deletes the rows: the record commits or rolls back
        with them. A rollback after the files went leaves rows without files, never the reverse.
        """
        pending = await self.deletions.record(prefixes)
        if await emptied(self.storage, prefixes, within=AT_ONCE_SECONDS):
            await self.deletions.done(pending)


async def emptied(storage: Storage, prefixes: Sequence[str], *, within: float) -> bool:
    """Delete what is under the folders and look again: True once nothing is left."""
    try:
        async with asyncio.timeout(within):
            for prefix in prefixes:
                await storage.delete_many(await storage.keys(prefix))
                if await storage.keys(prefix):
                    return False
    except Exception as exc:  # storage down, slow or refusing: the sweep tries again later
        log.warning("stored files not deleted yet (%s); the sweep will retry", type(exc).__name__)
        return False
    return True


async def sweep(
    sessionmaker: async_sessionmaker[AsyncSession], storage: Storage, now: datetime | None = None
) -> int:
    """One pass over the deletions that are due; how many were completed.

    No transaction is open while storage is called: the due rows are read, then each result is
    written in a short transaction of its own.
    """
    now = now or utcnow()
    async with sessionmaker() as session:
        due = await FileDeletionRepository(session).due(now, SWEEP_BATCH)
    done: list[uuid.UUID] = []
    for deletion in due:
        if await emptied(storage, [deletion.prefix], within=AT_ONCE_SECONDS * 2):
            done.append(deletion.id)
            continue
        attempts = deletion.attempts + 1
        pause = min(FIRST_RETRY * 2 ** min(attempts - 1, 16), LONGEST_RETRY)
        async with sessionmaker.begin() as session:
            await FileDeletionRepository(session).postpone(deletion.id, attempts, now + pause)
    async with sessionmaker.begin() as session:
        await FileDeletionRepository(session).done(done)
    return len(done)
