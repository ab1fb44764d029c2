"""Storage fixtures: a local folder served by a small app, and a bucket on a real S3 server.

The S3 server is SeaweedFS (`weed mini`), which checks signatures the way AWS does; it is
started by scripts/services.sh unless RESUMATE_TEST_S3_* already point at one.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import boto3
import httpx
import pytest
from botocore.config import Config
from fastapi import FastAPI

from resumate.storage.local import LocalStorage
from resumate.storage.router import files_router
from resumate.storage.s3 import S3Storage
from resumate.web import handlers
from tests.databases import service_setting

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

ROOT = Path(__file__).resolve().parents[2]
S3_VARIABLES = (
    "RESUMATE_TEST_S3_ENDPOINT",
    "RESUMATE_TEST_S3_ACCESS_KEY",
    "RESUMATE_TEST_S3_SECRET_KEY",
)
SECRET = b"storage-test-secret-key-of-some-length"
TTL = 600


@dataclass(frozen=True)
class S3Server:
    endpoint: str
    access_key: str
    secret_key: str


def s3_server_from_env() -> S3Server:
    """The test S3 server; started by scripts/services.sh when none is configured."""
    endpoint, access_key, secret_key = (service_setting(name) for name in S3_VARIABLES)
    return S3Server(endpoint, access_key, secret_key)


def new_key(suffix: str = ".pdf") -> str:
    return f"pdfs/{uuid.uuid4()}/{uuid.uuid4().hex}{suffix}"


@pytest.fixture
def local_storage(tmp_path: Path) -> LocalStorage:
    return LocalStorage(tmp_path / "root", SECRET, TTL)


@pytest.fixture
async def files_client(local_storage: LocalStorage) -> AsyncIterator[httpx.AsyncClient]:
    """A client for an app that has only the error handlers and the local files route."""
    app = FastAPI()
    handlers.install(app)
    app.include_router(files_router(local_storage))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


@pytest.fixture(scope="session")
def s3_server() -> S3Server:
    return s3_server_from_env()


@pytest.fixture(scope="session")
def s3_admin(s3_server: S3Server) -> Iterator[S3Client]:
    client = boto3.session.Session().client(
        "s3",
        endpoint_url=s3_server.endpoint,
        aws_access_key_id=s3_server.access_key,
        aws_secret_access_key=s3_server.secret_key,
        region_name="us-east-1",
        config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
    )
    yield client
    client.close()


@pytest.fixture(scope="session")
def s3_bucket(s3_admin: S3Client) -> Iterator[str]:
    """A bucket of this test session's own, emptied and removed at the end."""
    bucket = f"resumate-test-{uuid.uuid4().hex[:12]}"
    s3_admin.create_bucket(Bucket=bucket)
    yield bucket
    for page in s3_admin.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        for item in page.get("Contents", []):
            s3_admin.delete_object(Bucket=bucket, Key=item["Key"])
    s3_admin.delete_bucket(Bucket=bucket)


def s3_options(server: S3Server, bucket: str) -> dict[str, Any]:
    return {
        "bucket": bucket,
        "ttl_seconds": TTL,
        "endpoint_url": server.endpoint,
        "access_key_id": server.access_key,
        "secret_access_key": server.secret_key,
    }


@pytest.fixture(scope="session")
async def s3_storage(s3_server: S3Server, s3_bucket: str) -> AsyncIterator[S3Storage]:
    # Shared: building a boto3 client loads the S3 service model, about 0.4 s each time.
    storage = S3Storage(**s3_options(s3_server, s3_bucket))
    yield storage
    await storage.close()


@pytest.fixture
async def make_s3_storage(
    s3_server: S3Server, s3_bucket: str
) -> AsyncIterator[Callable[..., S3Storage]]:
    """Build an S3Storage on the test bucket with some settings changed; closed afterwards."""
    made: list[S3Storage] = []

    def make(**overrides: Any) -> S3Storage:
        storage = S3Storage(**(s3_options(s3_server, s3_bucket) | overrides))
        made.append(storage)
        return storage

    yield make
    for storage in made:
        await storage.close()
