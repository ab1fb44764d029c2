"""Direct uploads for one person: a form to send a file with, and taking the file sent."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from resumate.auth.models import User
from resumate.config import Settings
from resumate.storage import reveal
from resumate.transfer.direct.bucket import (
    TakenFile,
    UploadBucket,
    UploadForm,
    UploadNotFound,
    UploadTooLarge,
)
from resumate.transfer.direct.identity import IdentityPool
from resumate.transfer.direct.tickets import UploadIds, app_owner, new_key
from resumate.transfer.reading.limits import MAX_BYTES
from resumate.transfer.service import FileInvalid

# A form signed with a person's credentials is good no longer than they are, less this margin.
MARGIN = timedelta(seconds=15)


@dataclass(frozen=True)
class Ticket:
    upload_id: str
    form: UploadForm
    expires_at: datetime


class DirectUploads:
    def __init__(
        self,
        bucket: UploadBucket,
        ids: UploadIds,
        *,
        seconds: int,
        pool: IdentityPool | None = None,
    ) -> None:
        self.bucket = bucket
        self.ids = ids
        self.seconds = seconds
        self.pool = pool
        self.origin = bucket.origin

    @classmethod
    def build(cls, settings: Settings, secret: bytes) -> DirectUploads | None:
        """The uploads the settings name, or None when files come only in the import's form."""
        name = settings.imports.upload_bucket
        if not name:
            return None
        storage = settings.storage
        bucket = UploadBucket(
            name,
            region=storage.s3_region,
            endpoint_url=storage.s3_endpoint_url,
            access_key_id=reveal(storage.s3_access_key_id),
            secret_access_key=reveal(storage.s3_secret_access_key),
        )
        cognito = settings.auth.cognito
        pool = None
        if settings.auth.provider == "cognito" and cognito.identity_pool_id:
            pool = IdentityPool(cognito)
        ids = UploadIds(secret)
        return cls(bucket, ids, seconds=settings.imports.upload_seconds, pool=pool)

    async def ticket(self, user: User, filename: str) -> Ticket:
        """A form for one file in the person's own folder, and the id to import it by."""
        now = datetime.now(UTC)
        expires_at = now + timedelta(seconds=self.seconds)
        if self.pool is not None and user.external_subject:
            owner, credentials = await self.pool.credentials(user.external_subject)
            expires_at = min(expires_at, credentials.expires_at - MARGIN)
        else:
            owner, credentials = app_owner(user.id), None
        key = new_key(owner)
        seconds = max(int((expires_at - now).total_seconds()), 1)
        form = await asyncio.to_thread(
            self.bucket.form, key, seconds=seconds, filename=filename, credentials=credentials
        )
        return Ticket(self.ids.seal(key, user.id), form, expires_at)

    async def take(self, user: User, upload_id: str) -> TakenFile:
        """The file sent with one of this person's forms, taken out of the bucket."""
        key = self.ids.open(upload_id, user.id)
        if key is None:
            raise UploadNotFound()
        try:
            return await self.bucket.take(key)
        except UploadTooLarge:
            raise FileInvalid(f"This file is larger than {MAX_BYTES // 2**20} MB.") from None

    async def close(self) -> None:
        await self.bucket.close()
        if self.pool is not None:
            await self.pool.close()
