"""Making, listing and withdrawing share links; finding the one a visitor's link names."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from resumate.auth.passwords import hash_password_async, verify_password_async
from resumate.auth.twofactor.totp import SecretBox
from resumate.db import utcnow
from resumate.errors import Conflict, NotFound
from resumate.rendering.document import Document, render_document
from resumate.resumes.models import Resume
from resumate.sharing.models import Share
from resumate.sharing.redaction import Redaction, redacted
from resumate.sharing.schemas import ShareIn, ShareOut
from resumate.templates.models import Template
from resumate.templates.service import TemplateService

# 24 bytes: 192 random bits, 32 characters in a link.
TOKEN_BYTES = 24
# Working links a resume may have at once.
MAX_SHARES = 200


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def state_of(share: Share, now: datetime) -> str:
    if share.revoked_at is not None:
        return "revoked"
    if share.expires_at is not None and share.expires_at <= now:
        return "expired"
    return "active"


@dataclass(frozen=True)
class Shown:
    """What a link shows (the resume's data, frozen or latest, redacted) or a download sends,
    with its design."""

    resume_id: uuid.UUID
    title: str
    data: dict[str, Any]
    theme: dict[str, Any]
    template: Template

    def document(self, photo: str | None = None) -> Document:
        """`photo`: the photo the shown data names, inlined (`resumate.resumes.photo`)."""
        return render_document(self.template.source, self.data, self.theme, photo)


class ShareService:
    def __init__(self, session: AsyncSession, box: SecretBox) -> None:
        self.session = session
        self.box = box
        self.templates = TemplateService(session)

    async def create(self, resume: Resume, given: ShareIn) -> tuple[Share, str]:
        """A new link to `resume`, not saved yet (`add` does); its token, which is in the
        link, comes back once here."""
        count = await self.session.scalar(
            select(Share.id)
            .where(Share.resume_id == resume.id, Share.revoked_at.is_(None))
            .offset(MAX_SHARES - 1)
            .limit(1)
        )
        if count is not None:
            raise Conflict(f"A resume can have at most {MAX_SHARES} links.")
        token = new_token()
        password = await hash_password_async(given.password) if given.password else None
        share = Share(
            resume_id=resume.id,
            owner_id=resume.owner_id,
            label=given.label,
            token_hash=token_hash(token),
            token_sealed=self.box.seal(token),
            expires_at=given.expires_at,
            password_hash=password,
            redact=given.redact.model_dump(),
            allow_download=given.allow_download,
            indexable=given.indexable,
            frozen=given.snapshot,
            title=resume.title,
            template_id=resume.template_id,
            data=resume.data,
            theme=resume.theme,
            created_at=utcnow(),
        )
        return share, token

    async def add(self, share: Share) -> None:
        self.session.add(share)
        await self.session.flush()

    async def of_resume(self, resume: Resume) -> list[Share]:
        found = await self.session.scalars(
            select(Share).where(Share.resume_id == resume.id).order_by(Share.created_at.desc())
        )
        return list(found)

    async def owned(self, resume: Resume, share_id: uuid.UUID) -> Share:
        share = await self.session.get(Share, share_id)
        if share is None or share.resume_id != resume.id:
            raise NotFound("This resume has no such link.")
        return share

    async def revoke(self, resume: Resume, share_id: uuid.UUID) -> Share:
        share = await self.owned(resume, share_id)
        if share.revoked_at is None:
            share.revoked_at = utcnow()
        return share

    def out(self, share: Share, site_url: str) -> ShareOut:
        now = datetime.now(UTC)
        return ShareOut(
            id=share.id,
            label=share.label,
            url=f"{site_url}/r/{self.box.open(share.token_sealed)}",
            expires_at=share.expires_at,
            has_password=share.password_hash is not None,
            redact=Redaction.model_validate(share.redact),
            allow_download=share.allow_download,
            snapshot=share.frozen,
            indexable=share.indexable,
            views=share.views,
            downloads=share.downloads,
            state=state_of(share, now),
            created_at=share.created_at,
            revoked_at=share.revoked_at,
        )

    # --- the visitor's side -------------------------------------------------------------

    async def active(self, token: str) -> Share | None:
        """The working link a token names; None for any other token, alike."""
        share = await self.session.scalar(
            select(Share).where(Share.token_hash == token_hash(token))
        )
        if share is None or state_of(share, datetime.now(UTC)) != "active":
            return None
        resume = await self.session.get(Resume, share.resume_id)
        if resume is None or resume.deleted_at is not None:
            return None
        return share

    @staticmethod
    async def password_opens(share: Share, password: str) -> bool:
        return await verify_password_async(share.password_hash, password)

    async def shown(self, share: Share) -> Shown:
        """What the link shows, redacted: the frozen copy, or the resume as it is now."""
        title, data, theme, template_id = share.title, share.data, share.theme, share.template_id
        if not share.frozen:
            resume = await self.session.get(Resume, share.resume_id)
            if resume is not None:
                title, data, theme = resume.title, resume.data, resume.theme
                template_id = resume.template_id
        template = await self.templates.get(template_id)
        hidden = redacted(data, Redaction.model_validate(share.redact))
        return Shown(share.resume_id, title, hidden, theme, template)

    async def of_resume_now(self, resume: Resume) -> Shown:
        """The resume as its own PDF prints it now, for a download kept as sent."""
        template = await self.templates.get(resume.template_id)
        return Shown(resume.id, resume.title, resume.data, resume.theme, template)
