"""Dependencies every feature shares: the settings, the database and the request's session."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from resumate.components import Slot
from resumate.config import Settings
from resumate.db import Database, session_scope

SETTINGS: Slot[Settings] = Slot("settings")
DATABASE: Slot[Database] = Slot("database")

SettingsDep = Annotated[Settings, Depends(SETTINGS)]
DatabaseDep = Annotated[Database, Depends(DATABASE)]


READS = frozenset({"GET", "HEAD"})


async def get_session(request: Request, database: DatabaseDep) -> AsyncIterator[AsyncSession]:
    """The request's session: one transaction for a write, none (autocommit) for a read."""
    maker = database.reader if request.method in READS else database.sessionmaker
    # Entered as a context manager, so a failing route's error reaches the scope, which rolls
    # back and returns the connection before the answer goes out (an abandoned inner generator
    # did that only whenever the garbage collector got to it).
    async with contextlib.asynccontextmanager(session_scope)(maker) as session:
        yield session


# Function scope: the commit happens before the response is sent, so a failed commit is an error
# response rather than a success that was never saved.
SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]
