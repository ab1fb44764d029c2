"""Direct uploads against a real S3 server (SeaweedFS, which checks signatures and the forms'
conditions): an app with an uploads bucket, and a browser's upload done with httpx."""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from botocore.exceptions import ClientError

from resumate.config import Settings
from tests.databases import app_client, migrated_database, test_settings
from tests.storage.conftest import S3Server, s3_admin, s3_server

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

__all__ = ["s3_admin", "s3_server"]

# The bucket the test server's stand-in for the identity pool's role may write to
# (scripts/services.sh); the app's own keys reach every bucket.
UPLOADS_BUCKET = "resumate-test-uploads"


@pytest.fixture(scope="session")
def uploads_bucket(s3_admin: S3Client) -> str:
    try:
        s3_admin.create_bucket(Bucket=UPLOADS_BUCKET)
    except ClientError as exc:
        if exc.response["Error"]["Code"] not in ("BucketAlreadyOwnedByYou", "BucketAlreadyExists"):
            raise
    # Browsers send the form from the app's page, another origin than the bucket's.
    rule: Any = {"AllowedOrigins": ["*"], "AllowedMethods": ["POST"], "AllowedHeaders": ["*"]}
    s3_admin.put_bucket_cors(Bucket=UPLOADS_BUCKET, CORSConfiguration={"CORSRules": [rule]})
    return UPLOADS_BUCKET


def uploads_settings(s3_server: S3Server) -> dict[str, Any]:
    """The settings of an app whose uploads go to the test bucket (files stay in a folder)."""
    return {
        "imports": {"upload_bucket": UPLOADS_BUCKET},
        "storage": {
            "s3_endpoint_url": s3_server.endpoint,
            "s3_access_key_id": s3_server.access_key,
            "s3_secret_access_key": s3_server.secret_key,
        },
    }


@pytest.fixture
def own_database(tmp_path: Path) -> Iterator[str]:
    with migrated_database("sqlite", tmp_path) as url:
        yield url


@pytest.fixture
def direct_settings(
    s3_server: S3Server, uploads_bucket: str, tmp_path: Path, own_database: str
) -> Settings:
    return test_settings(own_database, tmp_path, **uploads_settings(s3_server))


@pytest.fixture
async def direct_client(direct_settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    async with app_client(direct_settings) as client:
        yield client


def key_of(upload_id: str) -> str:
    """The bucket key an upload id names (its first part)."""
    encoded = upload_id.partition(".")[0]
    return base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)).decode()


async def send(ticket: dict[str, Any], data: bytes, name: str = "resume.pdf") -> httpx.Response:
    """What the browser does with a form: its fields, then the file, POSTed to the bucket."""
    async with httpx.AsyncClient() as browser:
        return await browser.post(
            ticket["url"], data=ticket["fields"], files={"file": (name, data)}, timeout=30
        )
