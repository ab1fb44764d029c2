"""Storing a resume's photo, and finding it again where the resume is printed.

The resume refers to its photo as JSON Resume does, by `basics.image`: an address of the app's
own, `/api/resumes/<id>/photo?v=<digest>`, whose digest names the stored file. Rendering never
fetches an address: only that one is recognised, read from storage and inlined as a `data:` URI.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import logging
import re
import uuid
from typing import Any

from resumate.resumes.files import photo_folder
from resumate.resumes.photo.images import clean_photo
from resumate.storage.base import Storage, StorageNotFound, StorageUnavailable

log = logging.getLogger("resumate.photo")

MEDIA_TYPE = "image/jpeg"
OWN_ADDRESS = re.compile(r"/api/resumes/(?P<id>[0-9a-f-]{36})/photo\?v=(?P<v>[0-9a-f]{16})")


def photo_key(resume_id: uuid.UUID, version: str) -> str:
    return f"{photo_folder(resume_id)}{version}.jpg"


def photo_address(resume_id: uuid.UUID, version: str) -> str:
    return f"/api/resumes/{resume_id}/photo?v={version}"


def stored_version(resume_id: uuid.UUID, data: dict[str, Any]) -> str | None:
    """The digest of the resume's own stored photo its `basics.image` names, if it names one."""
    basics = data.get("basics")
    image = basics.get("image") if isinstance(basics, dict) else None
    found = OWN_ADDRESS.fullmatch(image) if isinstance(image, str) else None
    return found["v"] if found and found["id"] == str(resume_id) else None


async def inline_photo(storage: Storage, resume_id: uuid.UUID, data: dict[str, Any]) -> str | None:
    """The resume's photo as a `data:` URI for rendering; None without one (or once deleted)."""
    version = stored_version(resume_id, data)
    if version is None:
        return None
    try:
        image = await storage.get(photo_key(resume_id, version))
    except StorageNotFound:
        return None
    return f"data:{MEDIA_TYPE};base64,{base64.b64encode(image).decode()}"


class PhotoService:
    def __init__(self, storage: Storage) -> None:
        self.storage = storage

    async def put(self, resume_id: uuid.UUID, raw: bytes) -> str:
        """Store the upload cleaned (NotAPhoto when it is not one); the address to refer to it by.

        The photo it replaces is deleted: only the one the resume names is kept.
        """
        cleaned = await asyncio.to_thread(clean_photo, raw)
        version = hashlib.sha256(cleaned).hexdigest()[:16]
        key = photo_key(resume_id, version)
        await self.storage.put(key, cleaned, MEDIA_TYPE)
        await self._forget(resume_id, keep=key)
        return photo_address(resume_id, version)

    async def get(self, resume_id: uuid.UUID, version: str) -> bytes:
        """The stored photo; StorageNotFound when there is none by that digest."""
        return await self.storage.get(photo_key(resume_id, version))

    async def delete(self, resume_id: uuid.UUID) -> None:
        await self.storage.delete_many(await self.storage.keys(photo_folder(resume_id)))

    async def _forget(self, resume_id: uuid.UUID, keep: str) -> None:
        try:
            stale = [k for k in await self.storage.keys(photo_folder(resume_id)) if k != keep]
            await self.storage.delete_many(stale)
        except StorageUnavailable:
            log.warning("could not delete a replaced photo; it goes when the resume does")
