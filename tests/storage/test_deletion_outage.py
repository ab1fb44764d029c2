"""Deleting during a storage outage: the rows go at once, the files once storage is back."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import httpx
import pytest
from sqlalchemy import func, select

from resumate.app import create_app
from resumate.resumes.cleanup.models import FileDeletion
from resumate.resumes.cleanup.service import sweep
from tests.databases import migrated_database, test_settings
from tests.helpers import Account, AppParts, create_resume, sign_up
from tests.outage import Relay, relay_to
from tests.storage.conftest import S3Server

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with migrated_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def relay(s3_server: S3Server) -> Iterator[Relay]:
    target = urlsplit(s3_server.endpoint)
    with relay_to(target.hostname or "127.0.0.1", target.port or 80) as running:
        yield running


@pytest.fixture
async def parts(
    relay: Relay, s3_server: S3Server, s3_bucket: str, database_url: str, tmp_path: Path
) -> AsyncIterator[tuple[httpx.AsyncClient, AppParts]]:
    storage = {
        "backend": "s3",
        "s3_bucket": s3_bucket,
        "s3_endpoint_url": f"http://{relay.address}",
        "s3_access_key_id": s3_server.access_key,
        "s3_secret_access_key": s3_server.secret_key,
    }
    app = create_app(test_settings(database_url, tmp_path, storage=storage))
    context = AppParts.of(app)
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            yield client, context
    finally:
        await context.close()


async def purge(client: httpx.AsyncClient, account: Account, resume_id: str) -> httpx.Response:
    await client.delete(f"/api/resumes/{resume_id}", headers=account.headers)
    return await client.delete(f"/api/resumes/trash/{resume_id}", headers=account.headers)


async def empty_trash(
    client: httpx.AsyncClient, account: Account, resume_id: str
) -> httpx.Response:
    await client.delete(f"/api/resumes/{resume_id}", headers=account.headers)
    return await client.delete("/api/resumes/trash", headers=account.headers)


async def delete_account(
    client: httpx.AsyncClient, account: Account, resume_id: str
) -> httpx.Response:
    return await client.request(
        "DELETE", "/api/account", json={"password": account.password}, headers=account.headers
    )


Deletion = Callable[[httpx.AsyncClient, Account, str], Awaitable[httpx.Response]]


def stored(admin: S3Client, bucket: str, resume_id: str) -> list[str]:
    listing = admin.list_objects_v2(Bucket=bucket, Prefix=f"pdfs/{resume_id}/")
    return [item["Key"] for item in listing.get("Contents", [])]


@pytest.mark.parametrize("delete", [purge, empty_trash, delete_account])
async def test_files_deleted_during_an_outage_go_once_storage_is_back(
    delete: Deletion,
    parts: tuple[httpx.AsyncClient, AppParts],
    relay: Relay,
    s3_admin: S3Client,
    s3_bucket: str,
) -> None:
    client, context = parts
    account = await sign_up(client)
    resume = await create_resume(client, account)
    printed = await client.post(
        f"/api/resumes/{resume['id']}/generate-pdf", headers=account.headers
    )
    assert printed.status_code == 200
    assert stored(s3_admin, s3_bucket, resume["id"])

    relay.cut()
    answer = await delete(client, account, resume["id"])
    assert answer.status_code == 204, answer.text
    # The rows are gone for the owner; the file waits, recorded, for storage to come back.
    assert stored(s3_admin, s3_bucket, resume["id"])
    assert await sweep(context.sessionmaker, context.storage) == 0
    assert await pending(context) == 3  # the PDF, thumbnail and photo folders

    relay.restore()
    assert await sweep(context.sessionmaker, context.storage) == 0  # not due yet: backoff
    later = datetime.now(UTC) + timedelta(hours=2)
    assert await sweep(context.sessionmaker, context.storage, later) == 3
    assert stored(s3_admin, s3_bucket, resume["id"]) == []
    assert await pending(context) == 0


async def test_with_storage_up_the_files_go_with_the_request(
    parts: tuple[httpx.AsyncClient, AppParts], s3_admin: S3Client, s3_bucket: str
) -> None:
    client, context = parts
    account = await sign_up(client)
    resume = await create_resume(client, account)
    await client.post(f"/api/resumes/{resume['id']}/generate-pdf", headers=account.headers)
    assert (await purge(client, account, resume["id"])).status_code == 204
    assert stored(s3_admin, s3_bucket, resume["id"]) == []
    assert await pending(context) == 0


async def pending(context: AppParts) -> int:
    async with context.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(FileDeletion)) or 0)
