"""What was sent, kept as it was sent: a record per share link made and per PDF downloaded
for an application, with the PDF's exact bytes, so the owner can fetch exactly what went out
after any number of edits."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from resumate.errors import NotFound
from resumate.rendering.pdf_metadata import page_count
from resumate.rendering.renderer import Renderer
from resumate.resumes.files import pdf_folder
from resumate.resumes.models import Resume
from resumate.sharing.models import SentRecord, Share
from resumate.sharing.printing import SharePrinter
from resumate.sharing.service import Shown
from resumate.storage.base import Storage

SentKind = Literal["link", "download"]


def link_settings(share: Share) -> dict[str, Any]:
    """A link's settings as they were when it was made (its password only as "set")."""
    return {
        "label": share.label,
        "expiresAt": share.expires_at.isoformat() if share.expires_at else None,
        "hasPassword": share.password_hash is not None,
        "redact": share.redact,
        "allowDownload": share.allow_download,
        "snapshot": share.frozen,
        "indexable": share.indexable,
    }


class SentRecords:
    def __init__(self, session: AsyncSession, storage: Storage, renderer: Renderer) -> None:
        self.session = session
        self.storage = storage
        self.printer = SharePrinter(storage, renderer)

    async def keep(
        self,
        shown: Shown,
        owner_id: uuid.UUID,
        *,
        application: str,
        kind: SentKind,
        share: Share | None = None,
    ) -> tuple[SentRecord, bytes]:
        """Print what is sent (unless printed already), keep a copy of its bytes of its own,
        and record it; not saved until the caller's transaction is."""
        pdf = await self.printer.pdf(shown)
        record_id = uuid.uuid4()
        key = f"{pdf_folder(shown.resume_id)}sent-{record_id}.pdf"
        await self.storage.put(key, pdf, "application/pdf")
        record = SentRecord(
            id=record_id,
            resume_id=shown.resume_id,
            owner_id=owner_id,
            application=application,
            kind=kind,
            share_id=share.id if share is not None else None,
            pdf_key=key,
            pdf_sha256=hashlib.sha256(pdf).hexdigest(),
            pdf_bytes=len(pdf),
            pdf_pages=page_count(pdf),
            title=shown.title,
            template_id=shown.template.id,
            template_hash=shown.template.content_hash,
            data=shown.data,
            theme=shown.theme,
            settings=link_settings(share) if share is not None else {},
        )
        self.session.add(record)
        return record, pdf

    async def of_resume(self, resume: Resume, application: str | None) -> list[SentRecord]:
        query = select(SentRecord).where(SentRecord.resume_id == resume.id)
        if application is not None:
            query = query.where(SentRecord.application == application)
        ordered = query.order_by(SentRecord.application, SentRecord.created_at.desc())
        return list(await self.session.scalars(ordered))

    async def owned(self, resume: Resume, record_id: uuid.UUID) -> SentRecord:
        record = await self.session.get(SentRecord, record_id)
        if record is None or record.resume_id != resume.id:
            raise NotFound("This resume has no such record of something sent.")
        return record

    async def pdf(self, record: SentRecord) -> bytes:
        return await self.storage.get(record.pdf_key)
