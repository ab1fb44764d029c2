"""The uploads bucket: signed forms that let a browser send one file, and taking the file.

The app only signs (no request goes out for a form) and takes: reads an object, then removes
it. Objects nobody takes are removed by the bucket's own lifecycle rule after a day.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote, urlsplit

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from resumate.errors import NotFound
from resumate.storage.base import StorageUnavailable
from resumate.transfer.reading.limits import MAX_BYTES

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

log = logging.getLogger("resumate.transfer")

NAME_FIELD = "x-amz-meta-filename"
NOT_FOUND_CODES = frozenset({"NoSuchKey", "NotFound", "404"})


class UploadNotFound(NotFound):
    default_message = (
        "That upload is not there: it was never sent, has been imported already, or is more"
        " than a day old. Send the file again."
    )


class UploadTooLarge(ValueError):
    """An object in the bucket larger than any file the import reads."""


@dataclass(frozen=True)
class Credentials:
    """Temporary credentials, as an identity pool gives them."""

    access_key_id: str
    secret_access_key: str
    session_token: str
    expires_at: datetime


@dataclass(frozen=True)
class UploadForm:
    """Where to POST the file, and the signed fields to send before it (the file goes last)."""

    url: str
    fields: dict[str, str]


@dataclass(frozen=True)
class TakenFile:
    data: bytes
    name: str


class UploadBucket:
    def __init__(
        self,
        name: str,
        *,
        region: str,
        endpoint_url: str | None = None,
        access_key_id: str | None = None,
        secret_access_key: str | None = None,
    ) -> None:
        self.name = name
        self._region = region
        self._endpoint_url = endpoint_url
        self._config = Config(
            signature_version="s3v4",
            # S3-compatible servers are addressed by path; AWS by host name.
            s3={"addressing_style": "path" if endpoint_url else "virtual"},
            connect_timeout=3.0,
            read_timeout=10.0,
            retries={"mode": "standard", "max_attempts": 2},
        )
        self._session = boto3.session.Session(
            aws_access_key_id=access_key_id, aws_secret_access_key=secret_access_key
        )
        self._client: S3Client = self._session.client(
            "s3", region_name=region, endpoint_url=endpoint_url, config=self._config
        )

    @property
    def origin(self) -> str:
        """The scheme and host browsers send files to, for the pages' connect-src."""
        url = urlsplit(self._form(self._client, "origin/probe", 60, "").url)
        return f"{url.scheme}://{url.netloc}"

    def form(
        self, key: str, *, seconds: int, filename: str, credentials: Credentials | None = None
    ) -> UploadForm:
        """A form for one file of up to 10 MB at `key`, signed with `credentials` when given
        (a person's own, from the identity pool), else with the app's."""
        client = self._client
        if credentials is not None:
            client = self._session.client(
                "s3",
                region_name=self._region,
                endpoint_url=self._endpoint_url,
                config=self._config,
                aws_access_key_id=credentials.access_key_id,
                aws_secret_access_key=credentials.secret_access_key,
                aws_session_token=credentials.session_token,
            )
        return self._form(client, key, seconds, filename)

    def _form(self, client: S3Client, key: str, seconds: int, filename: str) -> UploadForm:
        # Metadata is ASCII on the wire: the browser's file name travels percent-encoded.
        name = quote(filename, safe=" .-_()")
        post = client.generate_presigned_post(
            self.name,
            key,
            Fields={NAME_FIELD: name},
            Conditions=[["content-length-range", 1, MAX_BYTES], {NAME_FIELD: name}],
            ExpiresIn=seconds,
        )
        return UploadForm(url=post["url"], fields=dict(post["fields"]))

    async def take(self, key: str) -> TakenFile:
        """The file at `key`, removed from the bucket: an upload is imported once."""
        try:
            return await asyncio.to_thread(self._take, key)
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "")
            if code in NOT_FOUND_CODES:
                raise UploadNotFound() from exc
            log.warning("the uploads bucket %s refused a request: %s", self.name, code or "?")
            raise StorageUnavailable() from exc
        except BotoCoreError as exc:
            log.warning("the uploads bucket %s is unreachable: %s", self.name, type(exc).__name__)
            raise StorageUnavailable() from exc

    def _take(self, key: str) -> TakenFile:
        head = self._client.head_object(Bucket=self.name, Key=key)
        if head["ContentLength"] > MAX_BYTES:
            # The form allows no such size; refuse it unread all the same, and let it go.
            self._client.delete_object(Bucket=self.name, Key=key)
            raise UploadTooLarge(f"{head['ContentLength']} bytes")
        answer = self._client.get_object(Bucket=self.name, Key=key)
        data = answer["Body"].read(MAX_BYTES + 1)
        name = unquote(answer.get("Metadata", {}).get(NAME_FIELD.removeprefix("x-amz-meta-"), ""))
        self._client.delete_object(Bucket=self.name, Key=key)
        return TakenFile(data, name)

    async def close(self) -> None:
        self._client.close()
