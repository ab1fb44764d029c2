"""Database engine, sessions and the column types shared by every domain's models.

Slow work (Chromium, S3, SMTP, a language model) never runs while a session holds a connection:
load and check what the work needs, `release` the session, do the work, then write the result
in the session's next (short) transaction with a statement that re-checks what was loaded (the
resume's version, say). The request's own commit at its boundary ends that second transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, ClassVar

import pydantic_core
from sqlalchemy import JSON, DateTime, MetaData, event
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.pool import ConnectionPoolEntry
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

JSONDocument = JSON().with_variant(JSONB(), "postgresql")


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC timestamp on every backend (SQLite stores no zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime,
        dict[str, Any]: JSONDocument,
    }


class IdMixin:
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


def to_json_text(value: Any) -> str:
    """A JSON column's text, by pydantic's serializer (several times faster than `json`)."""
    return pydantic_core.to_json(value).decode()


# Resume documents are several kilobytes of JSON read and written on every request.
JSON_CODEC: dict[str, Any] = {
    "json_serializer": to_json_text,
    "json_deserializer": pydantic_core.from_json,
}


# How long a request waits for a free connection before it is answered 503 (Retry-After).
POOL_TIMEOUT = 10


def create_engine(
    url: str, *, pool_size: int = 20, pre_ping: bool = False, echo: bool = False
) -> AsyncEngine:
    if url.startswith("sqlite"):
        engine = create_async_engine(
            url, echo=echo, connect_args={"timeout": 30}, pool_timeout=POOL_TIMEOUT, **JSON_CODEC
        )
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    return create_async_engine(
        url,
        echo=echo,
        **JSON_CODEC,
        pool_size=pool_size,
        max_overflow=pool_size // 2,
        pool_timeout=POOL_TIMEOUT,
        pool_pre_ping=pre_ping,
        # Replace connections before a server or proxy idle timeout can cut them.
        pool_recycle=900,
    )


def _sqlite_pragmas(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    # Foreign keys are off by default in SQLite; WAL lets readers work during a write.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: the WAL is synced at every commit, so an acknowledged save survives a power cut
    # (NORMAL only survives a crash of the app). Its cost is in the API benchmark.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)


async def session_scope(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> AsyncIterator[AsyncSession]:
    """One session per request: commit when the request succeeded, roll back otherwise."""
    async with sessionmaker() as session:
        try:
            yield session
        except BaseException:
            await session.rollback()
            raise
        else:
            await session.commit()


async def release(session: AsyncSession) -> None:
    """End the session's transaction so its connection goes back to the pool before slow work.

    Only reads may precede it (it commits); what was loaded stays usable, and the next
    statement starts a new transaction on whichever connection the pool hands out then.
    """
    await session.commit()


@dataclass(frozen=True)
class Database:
    """The engine and its sessions: a component of the app."""

    engine: AsyncEngine
    sessionmaker: async_sessionmaker[AsyncSession]
    # Sessions whose every statement commits on its own: no BEGIN and COMMIT round trips for
    # requests that only read (and the single-statement writes a GET may make, such as
    # remembering a thumbnail's key).
    reader: async_sessionmaker[AsyncSession]

    @classmethod
    def connect(
        cls, url: str, *, pool_size: int = 20, pre_ping: bool = False, echo: bool = False
    ) -> Database:
        engine = create_engine(url, pool_size=pool_size, pre_ping=pre_ping, echo=echo)
        autocommit = engine.execution_options(isolation_level="AUTOCOMMIT")
        return cls(engine, create_sessionmaker(engine), create_sessionmaker(autocommit))

    async def close(self) -> None:
        await self.engine.dispose()
