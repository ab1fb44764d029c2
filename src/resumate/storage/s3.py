"""Storage in a private S3 bucket (AWS or any S3 API), downloaded through presigned GETs."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, ParamSpec, TypeVar

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from resumate.storage.base import (
    SignedUrl,
    StorageNotFound,
    StorageUnavailable,
    content_disposition,
    validate_filename,
    validate_key,
    validate_prefix,
)

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.type_defs import ObjectIdentifierTypeDef

log = logging.getLogger("resumate.storage")

P = ParamSpec("P")
T = TypeVar("T")

# HeadObject answers a bare 404 with no code, for a missing key and a missing bucket alike.
NOT_FOUND_CODES = frozenset({"NoSuchKey", "NotFound", "404"})
DELETE_BATCH = 1000  # the most keys one DeleteObjects request takes


class S3Storage:
    def __init__(
        self,
        bucket: str,
        *,
        ttl_seconds: int,
        region: str = "us-east-1",
        endpoint_url: str | None = None,
        access_key_id: str | None = None,
        secret_access_key: str | None = None,
        prefix: str = "",
        connect_timeout: float = 3.0,
        read_timeout: float = 10.0,
    ) -> None:
        self.bucket = bucket
        self.ttl_seconds = ttl_seconds
        self.prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""
        config = Config(
            signature_version="s3v4",
            # S3-compatible servers (SeaweedFS, MinIO) are addressed by path; AWS by host name.
            s3={"addressing_style": "path" if endpoint_url else "virtual"},
            connect_timeout=connect_timeout,
            read_timeout=read_timeout,
            retries={"mode": "standard", "max_attempts": 2},
        )
        # One client for the process: boto3 clients are thread-safe, sessions are not, so the
        # session is private and used only here. Without explicit keys boto3's usual chain
        # (environment, ECS task role, instance profile) supplies them.
        session = boto3.session.Session(
            aws_access_key_id=access_key_id, aws_secret_access_key=secret_access_key
        )
        self._client: S3Client = session.client(
            "s3", region_name=region, endpoint_url=endpoint_url, config=config
        )

    async def close(self) -> None:
        self._client.close()

    def object_name(self, key: str) -> str:
        return self.prefix + validate_key(key)

    async def put(self, key: str, data: bytes, content_type: str) -> None:
        await self._call(
            self._client.put_object,
            Bucket=self.bucket,
            Key=self.object_name(key),
            Body=data,
            ContentType=content_type,
        )

    async def get(self, key: str) -> bytes:
        name = self.object_name(key)

        def read() -> bytes:
            # The body streams from the socket, so reading it belongs in the worker thread too.
            return self._client.get_object(Bucket=self.bucket, Key=name)["Body"].read()

        return await self._call(read)

    async def delete(self, key: str) -> None:
        await self._call(self._client.delete_object, Bucket=self.bucket, Key=self.object_name(key))

    async def delete_many(self, keys: Iterable[str]) -> None:
        names = [self.object_name(key) for key in keys]
        for start in range(0, len(names), DELETE_BATCH):
            batch: list[ObjectIdentifierTypeDef] = [
                {"Key": name} for name in names[start : start + DELETE_BATCH]
            ]
            answer = await self._call(
                self._client.delete_objects,
                Bucket=self.bucket,
                Delete={"Objects": batch, "Quiet": True},
            )
            if answer.get("Errors"):
                codes = sorted({error.get("Code", "?") for error in answer["Errors"]})
                log.warning("S3 refused to delete %d objects: %s", len(answer["Errors"]), codes)
                raise StorageUnavailable()

    async def exists(self, key: str) -> bool:
        try:
            await self._call(
                self._client.head_object, Bucket=self.bucket, Key=self.object_name(key)
            )
        except StorageNotFound:
            return False
        return True

    async def keys(self, prefix: str) -> list[str]:
        start = self.prefix + validate_prefix(prefix)

        def listing() -> list[str]:
            pages = self._client.get_paginator("list_objects_v2").paginate(
                Bucket=self.bucket, Prefix=start
            )
            return [item["Key"] for page in pages for item in page.get("Contents", [])]

        return [name.removeprefix(self.prefix) for name in await self._call(listing)]

    async def url(self, key: str, *, filename: str | None = None) -> SignedUrl:
        params = {"Bucket": self.bucket, "Key": self.object_name(key)}
        validate_filename(filename)
        if filename is not None:
            params["ResponseContentDisposition"] = content_disposition(filename)
        # Taken before signing, so the reported expiry is never later than the signed one.
        expires = int(time.time()) + self.ttl_seconds
        url = await self._call(
            self._client.generate_presigned_url,
            "get_object",
            Params=params,
            ExpiresIn=self.ttl_seconds,
        )
        return SignedUrl(url=url, expires_at=datetime.fromtimestamp(expires, UTC))

    async def _call(self, function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run a blocking boto3 call in a worker thread and translate its failures."""
        try:
            return await asyncio.to_thread(function, *args, **kwargs)
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "")
            if code in NOT_FOUND_CODES:
                raise StorageNotFound() from exc
            log.warning("S3 request to bucket %s failed: %s", self.bucket, code or "no code")
            raise StorageUnavailable() from exc
        except BotoCoreError as exc:
            log.warning("S3 unreachable for bucket %s: %s", self.bucket, type(exc).__name__)
            raise StorageUnavailable() from exc
