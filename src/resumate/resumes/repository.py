"""Resume and resume-version queries, always scoped to an owner."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Insert,
    Select,
    Table,
    Update,
    Uuid,
    bindparam,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased, defer
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.sql.dml import ReturningUpdate

from resumate.auth.models import User
from resumate.auth.provider import Identity
from resumate.db import UTCDateTime, utcnow
from resumate.resumes.models import Resume, ResumeVersion
from resumate.resumes.versions.bursts import Stamp

# Whose resumes: a signed-in user's id, or a caller's identity, whose token is checked to be
# still good in the same query (one round trip for the most common requests).
Owner = uuid.UUID | Identity


def _owner_terms(owner: Owner) -> tuple[ColumnElement[bool] | None, dict[str, Any]]:
    """The condition a query adds for the owner (None: by id) and its parameters.

    The id travels as "owner", not "owner_id": in an UPDATE a column's own name would read as
    a value to set.
    """
    if isinstance(owner, Identity):
        return owner.current, owner.params
    return None, {"owner": owner}


@dataclass(frozen=True)
class PrintedPdf:
    key: str
    digest: str  # the content hash of (data, template version, theme) it was printed from
    pages: int
    size: int


@cache
def _owned_by(caller: ColumnElement[bool] | None, trashed: bool, document: bool) -> Select[Resume]:
    """One resume of its owner's: built once per kind, so SQLAlchemy compiles it once.

    Without its `document` (data and theme), for requests that replace it: reading the
    document's JSON only to write a new one is most of what a save costs the database.
    """
    deleted = Resume.deleted_at.is_not(None) if trashed else Resume.deleted_at.is_(None)
    query = select(Resume).where(Resume.id == bindparam("resume_id"), deleted)
    if not document:
        query = query.options(
            defer(Resume.data, raiseload=True), defer(Resume.theme, raiseload=True)
        )
    if caller is None:
        return query.where(Resume.owner_id == bindparam("owner"))
    return query.join(User, User.id == Resume.owner_id).where(caller)


# Saving is the most common write, so its statements are built once per set of changed fields
# (SQLAlchemy then compiles each once), and every value travels as a bind parameter.
HISTORY = cast(Table, ResumeVersion.__table__)
HISTORY_COLUMNS = ("id", "resume_id", "version", "title", "template_id", "data", "theme")


def _update(changed: tuple[str, ...], caller: ColumnElement[bool] | None) -> Update:
    """The next version of the owner's resume: by owner id, or by a caller's identity."""
    owned = (
        (Resume.owner_id == User.id, caller)
        if caller is not None
        else (Resume.owner_id == bindparam("owner"),)
    )
    return (
        update(Resume)
        .where(
            Resume.id == bindparam("resume_id"),
            Resume.version == bindparam("expected"),
            Resume.deleted_at.is_(None),
            *owned,
        )
        .values(
            {name: bindparam(name) for name in changed}
            | {"updated_at": bindparam("now"), "version": Resume.version + 1}
        )
    )


def _history_row(source: Any) -> Select[Any]:
    """The history row of the state in `source` (the resumes table, or the updated rows)."""
    return select(
        bindparam("version_id", type_=Uuid()),
        source.c.id,
        source.c.version,
        source.c.title,
        source.c.template_id,
        source.c.data,
        source.c.theme,
        bindparam("now", type_=UTCDateTime()),
    )


@cache
def _saved(changed: tuple[str, ...], caller: ColumnElement[bool] | None) -> ReturningUpdate[Resume]:
    statement = _update(changed, caller).returning(Resume)
    return statement.execution_options(populate_existing=True, synchronize_session=False)


@cache
def _recorded() -> Insert:
    """The resume's current state copied into its history, inside the database."""
    state = _history_row(Resume.__table__).where(Resume.id == bindparam("resume_id"))
    columns = [*HISTORY_COLUMNS, "created_at"]
    return insert(HISTORY).from_select(columns, state)


@cache
def _saved_and_recorded(
    changed: tuple[str, ...], caller: ColumnElement[bool] | None
) -> Select[Resume]:
    updated = _update(changed, caller).returning(*Resume.__table__.c).cte("updated")
    columns = [*HISTORY_COLUMNS, "created_at"]
    history = insert(HISTORY).from_select(columns, _history_row(updated))
    recorded = history.cte("recorded")
    statement = select(aliased(Resume, updated)).add_cte(recorded)
    return statement.execution_options(populate_existing=True)


class ResumeRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get_owned(
        self,
        owner: Owner,
        resume_id: uuid.UUID,
        *,
        trashed: bool = False,
        document: bool = True,
    ) -> Resume | None:
        caller, params = _owner_terms(owner)
        query = _owned_by(caller, trashed, document)
        return await self.session.scalar(query, {"resume_id": resume_id, **params})

    async def page(
        self, owner_id: uuid.UUID, *, trashed: bool, limit: int, offset: int
    ) -> tuple[list[Resume], int]:
        deleted = Resume.deleted_at.is_not(None) if trashed else Resume.deleted_at.is_(None)
        scope = (Resume.owner_id == owner_id, deleted)
        total = await self.session.scalar(select(func.count()).select_from(Resume).where(*scope))
        # The trash lists the most recently deleted first; the rest by most recent edit.
        newest = Resume.deleted_at if trashed else Resume.updated_at
        rows = await self.session.scalars(
            select(Resume)
            .where(*scope)
            .order_by(newest.desc(), Resume.id.desc())
            .limit(limit)
            .offset(offset)
        )
        return list(rows), total or 0

    async def masters_page(
        self, owner_id: uuid.UUID, *, limit: int, offset: int
    ) -> tuple[list[Resume], int]:
        """One page of the owner's resumes that head the dashboard: all but the variants whose
        master is there to list them under (one in the trash or deleted lists none)."""
        master = aliased(Resume)
        listed_under = (
            select(master.id)
            .where(master.id == Resume.master_id, master.deleted_at.is_(None))
            .exists()
        )
        scope = (Resume.owner_id == owner_id, Resume.deleted_at.is_(None), ~listed_under)
        total = await self.session.scalar(select(func.count()).select_from(Resume).where(*scope))
        rows = await self.session.scalars(
            select(Resume)
            .where(*scope)
            .order_by(Resume.updated_at.desc(), Resume.id.desc())
            .limit(limit)
            .offset(offset)
        )
        return list(rows), total or 0

    async def variants_of(
        self, owner_id: uuid.UUID, master_ids: Sequence[uuid.UUID]
    ) -> Sequence[Resume]:
        """The owner's variants (not in the trash) of these masters, most recently edited first."""
        if not master_ids:
            return []
        rows = await self.session.scalars(
            select(Resume)
            .where(
                Resume.owner_id == owner_id,
                Resume.master_id.in_(master_ids),
                Resume.deleted_at.is_(None),
            )
            .order_by(Resume.updated_at.desc(), Resume.id.desc())
        )
        return rows.all()

    async def all_owned(self, owner_id: uuid.UUID) -> Sequence[Resume]:
        rows = await self.session.scalars(
            select(Resume).where(Resume.owner_id == owner_id).order_by(Resume.created_at)
        )
        return rows.all()

    async def add(self, resume: Resume) -> Resume:
        self.session.add(resume)
        await self.session.flush()
        return resume

    async def save_version(
        self, owner: Owner, resume_id: uuid.UUID, expected_version: int, values: dict[str, Any]
    ) -> Resume | None:
        """Write `values` as the next version of the owner's resume and keep it in the history.

        Only while the stored version is still `expected_version` (None otherwise). On
        PostgreSQL the update and its history row are one statement; SQLite takes two.
        """
        caller, owner_params = _owner_terms(owner)
        params = {
            **values,
            **owner_params,
            "resume_id": resume_id,
            "expected": expected_version,
            "version_id": uuid.uuid4(),
            "now": utcnow(),
        }
        changed = tuple(sorted(values))
        if self.session.get_bind().dialect.name == "postgresql":
            return await self.session.scalar(_saved_and_recorded(changed, caller), params)
        saved = await self.session.scalar(_saved(changed, caller), params)
        if saved is not None:
            await self.session.execute(_recorded(), params)
        return saved

    async def record_pdf(self, resume: Resume, pdf: PrintedPdf) -> bool:
        """Remember a stored PDF on the resume, only while it is the version that was printed."""
        values = {
            "pdf_key": pdf.key,
            "pdf_hash": pdf.digest,
            "pdf_pages": pdf.pages,
            "pdf_bytes": pdf.size,
        }
        # Not an edit: the version, ETag and last-edited time stay as they are (updated_at is
        # named so that its on-update default does not fire).
        result = await self.session.execute(
            update(Resume)
            .where(
                Resume.id == resume.id,
                Resume.version == resume.version,
                Resume.deleted_at.is_(None),
            )
            .values(**values, updated_at=Resume.updated_at)
        )
        if not getattr(result, "rowcount", 0):
            return False
        for name, value in values.items():
            set_committed_value(resume, name, value)
        return True

    async def delete(self, resume: Resume) -> None:
        await self.session.delete(resume)
        await self.session.flush()

    async def trashed_before(self, cutoff: datetime) -> Sequence[Resume]:
        rows = await self.session.scalars(
            select(Resume).where(Resume.deleted_at.is_not(None), Resume.deleted_at < cutoff)
        )
        return rows.all()

    async def trashed(self, owner_id: uuid.UUID) -> Sequence[Resume]:
        rows = await self.session.scalars(
            select(Resume).where(Resume.owner_id == owner_id, Resume.deleted_at.is_not(None))
        )
        return rows.all()


class VersionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def record(self, resume: Resume) -> None:
        """Keep the resume's current state as its version row (copied inside the database)."""
        params = {"resume_id": resume.id, "version_id": uuid.uuid4(), "now": utcnow()}
        await self.session.execute(_recorded(), params)

    async def page(
        self, resume_id: uuid.UUID, *, limit: int, offset: int
    ) -> tuple[list[ResumeVersion], int]:
        total = await self.session.scalar(
            select(func.count())
            .select_from(ResumeVersion)
            .where(ResumeVersion.resume_id == resume_id)
        )
        rows = await self.session.scalars(
            select(ResumeVersion)
            .where(ResumeVersion.resume_id == resume_id)
            .order_by(ResumeVersion.version.desc())
            .limit(limit)
            .offset(offset)
        )
        return list(rows), total or 0

    async def get(self, resume_id: uuid.UUID, version: int) -> ResumeVersion | None:
        return await self.session.scalar(
            select(ResumeVersion).where(
                ResumeVersion.resume_id == resume_id, ResumeVersion.version == version
            )
        )

    async def stamps(self, resume_id: uuid.UUID) -> list[Stamp]:
        """Every saved version of the resume without its content, oldest first."""
        rows = await self.session.execute(
            select(
                ResumeVersion.version,
                ResumeVersion.created_at,
                ResumeVersion.name,
                ResumeVersion.restored_from,
            )
            .where(ResumeVersion.resume_id == resume_id)
            .order_by(ResumeVersion.version)
        )
        return [Stamp(*row) for row in rows]

    async def annotate(self, resume_id: uuid.UUID, version: int, **values: Any) -> bool:
        """Set a version's name or where it was restored from; never its content."""
        result = await self.session.execute(
            update(ResumeVersion)
            .where(ResumeVersion.resume_id == resume_id, ResumeVersion.version == version)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        return bool(getattr(result, "rowcount", 0))

    async def all_for(self, resume_id: uuid.UUID) -> Sequence[ResumeVersion]:
        rows = await self.session.scalars(
            select(ResumeVersion)
            .where(ResumeVersion.resume_id == resume_id)
            .order_by(ResumeVersion.version)
        )
        return rows.all()
