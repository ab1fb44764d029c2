"""The whole PDF flow on the S3 backend: printed, stored in the bucket, fetched by presigned URL."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest

from tests.databases import app_client, migrated_database, test_settings
from tests.helpers import create_resume, sign_up
from tests.storage.conftest import S3Server


@pytest.fixture
def database_url(tmp_path: Path) -> Iterator[str]:
    with migrated_database("sqlite", tmp_path) as url:
        yield url


@pytest.fixture
async def s3_client(
    s3_server: S3Server, s3_bucket: str, tmp_path: Path, database_url: str
) -> AsyncIterator[httpx.AsyncClient]:
    storage = {
        "backend": "s3",
        "s3_bucket": s3_bucket,
        "s3_endpoint_url": s3_server.endpoint,
        "s3_access_key_id": s3_server.access_key,
        "s3_secret_access_key": s3_server.secret_key,
        "url_ttl_seconds": 300,
    }
    async with app_client(test_settings(database_url, tmp_path, storage=storage)) as client:
        yield client


async def test_generate_pdf_hands_out_a_presigned_link_that_works(
    s3_client: httpx.AsyncClient, s3_server: S3Server
) -> None:
    account = await sign_up(s3_client)
    resume = await create_resume(s3_client, account, data={"basics": {"name": "Ada S3"}})
    response = await s3_client.post(
        f"/api/resumes/{resume['id']}/generate-pdf", headers=account.headers
    )
    assert response.status_code == 200, response.text
    url = response.json()["url"]
    assert url.startswith(s3_server.endpoint)
    assert "X-Amz-Signature=" in url
    async with httpx.AsyncClient() as outside:
        download = await outside.get(url)
        assert download.status_code == 200
        assert download.content.startswith(b"%PDF")
        tampered = await outside.get(url.replace("X-Amz-Signature=", "X-Amz-Signature=0"))
        assert tampered.status_code == 403


async def test_purging_the_resume_removes_the_object(s3_client: httpx.AsyncClient) -> None:
    account = await sign_up(s3_client)
    resume = await create_resume(s3_client, account)
    link = (
        await s3_client.post(f"/api/resumes/{resume['id']}/generate-pdf", headers=account.headers)
    ).json()["url"]
    await s3_client.delete(f"/api/resumes/{resume['id']}", headers=account.headers)
    await s3_client.delete(f"/api/resumes/trash/{resume['id']}", headers=account.headers)
    async with httpx.AsyncClient() as outside:
        assert (await outside.get(link)).status_code == 404
