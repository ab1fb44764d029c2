"""`GET /files/{key}`: serves local-storage files to whoever holds a signed, unexpired link.

Mounted only for the local backend; with S3 the presigned URL points at the bucket instead.
"""

from __future__ import annotations

import math
import time
from pathlib import PurePosixPath

from fastapi import APIRouter, Response

from resumate.errors import NotFound
from resumate.storage.base import content_disposition, validate_key
from resumate.storage.local import BadSignature, LocalStorage

CONTENT_TYPES = {".pdf": "application/pdf", ".png": "image/png"}
DEFAULT_CONTENT_TYPE = "application/octet-stream"


def files_router(storage: LocalStorage) -> APIRouter:
    router = APIRouter(tags=["files"])

    # Query parameters are read as plain strings so a malformed link is a 403, not a 422.
    @router.get(storage.base_path + "/{key:path}", include_in_schema=False)
    async def download_file(
        key: str,
        expires: str | None = None,
        filename: str | None = None,
        signature: str | None = None,
    ) -> Response:
        try:
            validate_key(key)
        except ValueError:
            raise NotFound() from None
        expires_at = _timestamp(expires)
        if expires_at is None or signature is None:
            raise BadSignature()
        now = time.time()
        storage.verify(key, expires_at, filename, signature, now=now)
        data = await storage.get(key)
        headers = {
            "Cache-Control": f"private, max-age={max(0, math.floor(expires_at - now))}",
            "X-Content-Type-Options": "nosniff",
        }
        if filename:
            headers["Content-Disposition"] = content_disposition(filename)
        return Response(data, media_type=content_type(key), headers=headers)

    return router


def content_type(key: str) -> str:
    return CONTENT_TYPES.get(PurePosixPath(key).suffix.lower(), DEFAULT_CONTENT_TYPE)


def _timestamp(value: str | None) -> int | None:
    if value is None or not (value.isascii() and value.isdigit()) or len(value) > 12:
        return None
    return int(value)
