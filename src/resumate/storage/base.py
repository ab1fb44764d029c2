"""The storage interface: opaque keys to bytes, plus download links that expire.

    Storage (Protocol)     put · get · delete · delete_many · exists · keys · url · close
    ├── LocalStorage       files under a folder, links signed by the app (local.py)
    └── S3Storage          a private S3 bucket, presigned GETs (s3.py)

Errors: StorageNotFound (404) for a missing key, StorageUnavailable (503) when the backend
cannot be reached or refuses us; a malformed key is the caller's bug and raises ValueError.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from urllib.parse import quote

from resumate.errors import NotFound, ServiceUnavailable

MAX_KEY_LENGTH = 512
MAX_FILENAME_LENGTH = 255
_KEY_CHARS = re.compile(r"[A-Za-z0-9._/-]+")
_FILENAME_UNSAFE = re.compile(r"[^A-Za-z0-9._ ()-]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class StorageNotFound(NotFound):
    default_message = "That file does not exist (any more)."


class StorageUnavailable(ServiceUnavailable):
    default_message = "File storage is unavailable right now. Try again shortly."

    def __init__(self, message: str | None = None, *, retry_after: int | None = 5) -> None:
        super().__init__(message, retry_after=retry_after)


@dataclass(frozen=True)
class SignedUrl:
    url: str
    expires_at: datetime


class Storage(Protocol):
    async def put(self, key: str, data: bytes, content_type: str) -> None: ...

    async def get(self, key: str) -> bytes:
        """The stored bytes; StorageNotFound when nothing is stored under the key."""
        ...

    async def delete(self, key: str) -> None:
        """Remove the key; removing a key that does not exist is not an error."""
        ...

    async def delete_many(self, keys: Iterable[str]) -> None: ...

    async def exists(self, key: str) -> bool: ...

    async def keys(self, prefix: str) -> list[str]:
        """Every stored key under the folder `prefix` (which ends with a slash), in no order."""
        ...

    async def url(self, key: str, *, filename: str | None = None) -> SignedUrl:
        """A GET link that expires within the configured TTL; `filename` makes it a download."""
        ...

    async def close(self) -> None:
        """Let go of the backend's client when the app stops."""
        ...


def validate_key(key: str) -> str:
    """Return the key unchanged, or raise ValueError when it could escape or confuse a backend.

    Keys map to paths on disk and to S3 object names alike, so only a portable subset is
    allowed: no `..`, no leading slash, no empty or `.` segments, at most 512 characters.
    """
    if not isinstance(key, str) or not 0 < len(key) <= MAX_KEY_LENGTH:
        raise ValueError(f"a storage key must be 1 to {MAX_KEY_LENGTH} characters")
    if not _KEY_CHARS.fullmatch(key):
        raise ValueError("a storage key may contain only A-Z a-z 0-9 . _ / -")
    if ".." in key or any(part in ("", ".") for part in key.split("/")):
        raise ValueError("a storage key must be a relative path without '..', '.' or '//'")
    return key


def validate_prefix(prefix: str) -> str:
    """Return a folder prefix such as `thumbnails/resumes/<id>/`; ValueError when it is not one."""
    if not prefix.endswith("/"):
        raise ValueError("a storage prefix must end with '/'")
    validate_key(prefix[:-1])
    return prefix


def validate_filename(filename: str | None) -> str | None:
    if filename is None:
        return None
    if not 0 < len(filename) <= MAX_FILENAME_LENGTH or _CONTROL.search(filename):
        raise ValueError("a download filename must be 1 to 255 printable characters")
    return filename


def content_disposition(filename: str) -> str:
    """`attachment` with an ASCII fallback name plus, when different, the UTF-8 one (RFC 6266)."""
    name = filename.replace("/", "_").replace("\\", "_")
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    fallback = _FILENAME_UNSAFE.sub("_", ascii_name).strip(" .") or "download"
    header = f'attachment; filename="{fallback}"'
    if fallback != name:
        header += f"; filename*=UTF-8''{quote(name, safe='')}"
    return header
