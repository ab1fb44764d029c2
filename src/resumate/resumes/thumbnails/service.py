"""Resume thumbnails: the first page as a PNG, made once per distinct content.

A picture is stored as `thumbnails/resumes/<resume id>/<content hash>.png`. The hash tells
whether the stored picture still shows the resume; the folder lets every older picture of a
resume be found and deleted without keeping its key on the row. Nothing is written to the
database, so the session lets go of its connection before storage and Chromium are called.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import uuid
import weakref

from sqlalchemy.ext.asyncio import AsyncSession

from resumate.db import release
from resumate.rendering.document import render_document
from resumate.rendering.renderer import Renderer
from resumate.rendering.thumbnail import SHOT_REVISION, first_sheet_png
from resumate.resumes.files import thumbnail_folder
from resumate.resumes.models import Resume
from resumate.resumes.pdf.service import content_hash
from resumate.resumes.photo.service import inline_photo
from resumate.storage.base import Storage, StorageNotFound, StorageUnavailable
from resumate.templates.service import TemplateService

log = logging.getLogger("resumate.thumbnails")

# SHOT_REVISION is part of every key besides the content hash: the hash follows what prints,
# and the screen layout is not in it.
# One resume thumbnail is made at a time per renderer. Each shot starts a browser of its own and
# the renderer takes shots one by one anyway, but a request waiting there holds one of the places
# PDF downloads need; a dashboard full of new cards must not fill them all.
_gates: weakref.WeakKeyDictionary[Renderer, asyncio.Lock] = weakref.WeakKeyDictionary()


def etag_of(key: str) -> str:
    return f'"{key.rsplit("/", 1)[-1].removesuffix(".png")[:32]}"'


class ResumeThumbnails:
    def __init__(self, session: AsyncSession, storage: Storage, renderer: Renderer) -> None:
        self.session = session
        self.storage = storage
        self.renderer = renderer
        self.templates = TemplateService(session)

    async def key(self, resume: Resume) -> str:
        """Where the picture of the resume as it is now is (or will be) stored."""
        template = await self.templates.get(resume.template_id)
        material = f"{SHOT_REVISION}/{content_hash(resume, template)}"
        return f"{thumbnail_folder(resume.id)}{hashlib.sha256(material.encode()).hexdigest()}.png"

    async def png(self, resume: Resume, key: str) -> bytes:
        """The stored picture under `key`, or a new one made, stored, and the older ones deleted."""
        template = await self.templates.get(resume.template_id)
        await release(self.session)
        stored = await self._stored(key)
        if stored is not None:
            return stored
        async with _gates.setdefault(self.renderer, asyncio.Lock()):
            # Another request may have made it while this one waited.
            stored = await self._stored(key)
            if stored is not None:
                return stored
            photo = await inline_photo(self.storage, resume.id, resume.data)
            document = render_document(template.source, resume.data, resume.theme, photo)
            image = await first_sheet_png(self.renderer, document.html)
        await self.storage.put(key, image, "image/png")
        await self._forget_all_but(resume.id, key)
        return image

    async def _stored(self, key: str) -> bytes | None:
        try:
            return await self.storage.get(key)
        except StorageNotFound:
            return None

    async def _forget_all_but(self, resume_id: uuid.UUID, key: str) -> None:
        try:
            stale = [k for k in await self.storage.keys(thumbnail_folder(resume_id)) if k != key]
            await self.storage.delete_many(stale)
        except StorageUnavailable:
            log.warning("could not delete superseded thumbnails; they go when the resume does")
