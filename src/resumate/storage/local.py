"""Storage in a local folder, downloaded through links the app signs and serves itself."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import ParamSpec, TypeVar
from urllib.parse import quote, urlencode

from resumate.atomic import write_atomically
from resumate.errors import ResumateError
from resumate.storage.base import (
    SignedUrl,
    StorageNotFound,
    StorageUnavailable,
    validate_filename,
    validate_key,
    validate_prefix,
)

P = ParamSpec("P")
T = TypeVar("T")


class LinkExpired(ResumateError):
    status = 403
    code = "link_expired"
    default_message = "This download link has expired. Ask for a new one."


class BadSignature(ResumateError):
    status = 403
    code = "bad_signature"
    default_message = "This download link is not valid."


class LocalStorage:
    def __init__(
        self, root: Path, secret_key: bytes, ttl_seconds: int, base_path: str = "/files"
    ) -> None:
        self.root = root
        self.ttl_seconds = ttl_seconds
        self.base_path = base_path.rstrip("/")
        # A key of its own, so a link signature can never pass for a CSRF token or the reverse.
        self._link_key = hmac.new(secret_key, b"resumate/local-file-links", hashlib.sha256).digest()

    async def close(self) -> None:
        """Nothing to let go of: files are opened per call."""

    def path_for(self, key: str) -> Path:
        return self.root / validate_key(key)

    async def put(self, key: str, data: bytes, content_type: str) -> None:
        # The content type is not stored: the files route derives it from the key's suffix.
        await _io(write_atomically, self.path_for(key), data)

    async def get(self, key: str) -> bytes:
        data = await _io(_read, self.path_for(key))
        if data is None:
            raise StorageNotFound()
        return data

    async def delete(self, key: str) -> None:
        await self.delete_many([key])

    async def delete_many(self, keys: Iterable[str]) -> None:
        paths = [self.path_for(key) for key in keys]
        await _io(_unlink_all, paths)

    async def exists(self, key: str) -> bool:
        return await _io(self.path_for(key).is_file)

    async def keys(self, prefix: str) -> list[str]:
        folder = self.root / validate_prefix(prefix)
        return [f"{prefix}{name}" for name in await _io(_files_under, folder)]

    async def url(self, key: str, *, filename: str | None = None) -> SignedUrl:
        validate_key(key)
        validate_filename(filename)
        expires = int(time.time()) + self.ttl_seconds
        query = {"expires": str(expires)}
        if filename is not None:
            query["filename"] = filename
        query["signature"] = self.sign(key, expires, filename)
        url = f"{self.base_path}/{quote(key)}?{urlencode(query, quote_via=quote)}"
        return SignedUrl(url=url, expires_at=datetime.fromtimestamp(expires, UTC))

    def sign(self, key: str, expires: int, filename: str | None) -> str:
        # Keys hold no `|` and `expires` is digits, so the filename can come last unescaped.
        message = f"{key}|{expires}|{filename or ''}".encode()
        return hmac.new(self._link_key, message, hashlib.sha256).hexdigest()

    def verify(
        self,
        key: str,
        expires: int,
        filename: str | None,
        signature: str,
        now: float | None = None,
    ) -> None:
        """Raise BadSignature unless this app signed the link, then LinkExpired if it ran out."""
        expected = self.sign(key, expires, filename)
        if not hmac.compare_digest(expected.encode(), signature.encode("utf-8", "replace")):
            raise BadSignature()
        if (time.time() if now is None else now) >= expires:
            raise LinkExpired()


async def _io(function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Run blocking file I/O in a worker thread; a failing disk is an unavailable service."""
    try:
        return await asyncio.to_thread(function, *args, **kwargs)
    except OSError as exc:
        raise StorageUnavailable() from exc


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return None


def _files_under(folder: Path) -> list[str]:
    """Paths of the files below `folder`, relative to it; a write in progress is not one yet."""
    if not folder.is_dir():
        return []
    return [
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and not (path.name.startswith(".") and path.name.endswith(".tmp"))
    ]


def _unlink_all(paths: list[Path]) -> None:
    for path in paths:
        # A missing file, or a path through a file or onto a folder, holds nothing to delete.
        with contextlib.suppress(FileNotFoundError, NotADirectoryError, IsADirectoryError):
            path.unlink()
