"""Counting views and downloads of a link: a repeat from one client within 30 minutes counts
once; nothing that names the client is kept.

A visit is known by a keyed hash of the client's address and browser (`visitor`); the key is
derived from the app's secret and the day, so one client's hashes cannot be linked from one
day to the next, and a row lives only as long as it can still make a repeat count once.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Literal

from sqlalchemy import delete, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from resumate.sharing.models import Share, ShareVisit

REPEAT_WINDOW = timedelta(minutes=30)
VisitKind = Literal["view", "download"]


async def count_visit(
    session: AsyncSession, share_id: uuid.UUID, visitor: str, kind: VisitKind, now: datetime
) -> bool:
    """Count one view or download unless this visitor had one in the last 30 minutes.

    One row per link, visitor and kind (a unique key): of a burst from one client, only the
    request that writes the row counts, whichever backend takes them in turn.
    """
    await session.execute(delete(ShareVisit).where(ShareVisit.seen_at < now - REPEAT_WINDOW))
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    values = {
        "id": uuid.uuid4(),
        "share_id": share_id,
        "visitor": visitor,
        "kind": kind,
        "seen_at": now,
    }
    written = await session.execute(insert(ShareVisit).values(values).on_conflict_do_nothing())
    if not written.rowcount:  # type: ignore[attr-defined]
        return False
    column = Share.views if kind == "view" else Share.downloads
    await session.execute(update(Share).where(Share.id == share_id).values({column: column + 1}))
    return True
