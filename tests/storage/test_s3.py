"""S3Storage against SeaweedFS, a real S3 server that checks every signature."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import httpx
import pytest

from resumate.storage import StorageNotFound, StorageUnavailable
from resumate.storage.s3 import S3Storage
from tests.storage.conftest import TTL, S3Server, new_key

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

PDF = b"%PDF-1.7 stored in S3"


async def stored_key(storage: S3Storage) -> str:
    key = new_key()
    await storage.put(key, PDF, "application/pdf")
    return key


async def test_put_then_get_returns_the_same_bytes(s3_storage: S3Storage) -> None:
    assert await s3_storage.get(await stored_key(s3_storage)) == PDF


async def test_put_stores_the_content_type(
    s3_storage: S3Storage, s3_admin: S3Client, s3_bucket: str
) -> None:
    key = await stored_key(s3_storage)
    assert s3_admin.head_object(Bucket=s3_bucket, Key=key)["ContentType"] == "application/pdf"


async def test_get_of_a_missing_key_is_storage_not_found(s3_storage: S3Storage) -> None:
    with pytest.raises(StorageNotFound):
        await s3_storage.get(new_key())


async def test_exists_tells_stored_from_missing(s3_storage: S3Storage) -> None:
    assert await s3_storage.exists(await stored_key(s3_storage))
    assert not await s3_storage.exists(new_key())


async def test_delete_removes_the_object(s3_storage: S3Storage) -> None:
    key = await stored_key(s3_storage)
    await s3_storage.delete(key)
    assert not await s3_storage.exists(key)


async def test_delete_of_a_missing_key_is_not_an_error(s3_storage: S3Storage) -> None:
    await s3_storage.delete(new_key())


async def test_delete_many_removes_every_key_given(s3_storage: S3Storage) -> None:
    keys = [await stored_key(s3_storage) for _ in range(3)]
    await s3_storage.delete_many([*keys, new_key()])
    assert [await s3_storage.exists(key) for key in keys] == [False, False, False]


async def test_the_prefix_is_put_before_every_object_name(
    make_s3_storage: Callable[..., S3Storage], s3_admin: S3Client, s3_bucket: str
) -> None:
    key = await stored_key(make_s3_storage(prefix="/tenant-a/"))
    assert s3_admin.head_object(Bucket=s3_bucket, Key=f"tenant-a/{key}")["ContentLength"] > 0


async def test_an_invalid_key_is_refused_before_any_request(s3_storage: S3Storage) -> None:
    with pytest.raises(ValueError, match="storage key"):
        await s3_storage.put("../escape.pdf", PDF, "application/pdf")


async def test_a_presigned_url_downloads_the_bytes_as_an_attachment(
    s3_storage: S3Storage,
) -> None:
    signed = await s3_storage.url(await stored_key(s3_storage), filename="Ada Lovelace.pdf")
    async with httpx.AsyncClient() as http:
        response = await http.get(signed.url)
    assert response.status_code == 200
    assert response.content == PDF
    assert response.headers["content-disposition"] == 'attachment; filename="Ada Lovelace.pdf"'


async def test_a_presigned_url_expires_within_the_ttl(s3_storage: S3Storage) -> None:
    signed = await s3_storage.url(new_key())
    assert f"X-Amz-Expires={TTL}" in signed.url
    assert TTL - 5 <= signed.expires_at.timestamp() - time.time() <= TTL


@pytest.mark.parametrize(
    ("original", "tampered"),
    [
        ("X-Amz-Signature=", "X-Amz-Signature=0"),
        ("filename%3D%22Ada.pdf", "filename%3D%22Eve.pdf"),
        ("X-Amz-Expires=600", "X-Amz-Expires=900"),
    ],
)
async def test_the_server_refuses_a_tampered_presigned_url(
    s3_storage: S3Storage, original: str, tampered: str
) -> None:
    signed = await s3_storage.url(await stored_key(s3_storage), filename="Ada.pdf")
    assert original in signed.url
    async with httpx.AsyncClient() as http:
        response = await http.get(signed.url.replace(original, tampered))
    assert response.status_code == 403
    assert PDF not in response.content


async def test_the_server_refuses_an_expired_presigned_url(
    make_s3_storage: Callable[..., S3Storage],
) -> None:
    storage = make_s3_storage(ttl_seconds=1)
    signed = await storage.url(await stored_key(storage))
    await asyncio.sleep(2.1)
    async with httpx.AsyncClient() as http:
        response = await http.get(signed.url)
    assert response.status_code == 403
    assert b"expired" in response.content


async def test_wrong_credentials_are_storage_unavailable(
    make_s3_storage: Callable[..., S3Storage],
) -> None:
    storage = make_s3_storage(secret_access_key="not-the-secret")
    with pytest.raises(StorageUnavailable) as raised:
        await storage.put(new_key(), PDF, "application/pdf")
    assert raised.value.status == 503


async def test_a_missing_bucket_is_storage_unavailable(
    make_s3_storage: Callable[..., S3Storage],
) -> None:
    storage = make_s3_storage(bucket="resumate-test-no-such-bucket")
    with pytest.raises(StorageUnavailable):
        await storage.get(new_key())


async def test_an_unreachable_server_is_storage_unavailable_quickly(
    make_s3_storage: Callable[..., S3Storage], s3_server: S3Server
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    storage = make_s3_storage(endpoint_url=f"http://127.0.0.1:{closed_port}")
    started = time.monotonic()
    with pytest.raises(StorageUnavailable):
        await storage.exists(new_key())
    assert time.monotonic() - started < 5


async def test_a_unicode_filename_reaches_the_download_header_intact(
    s3_storage: S3Storage,
) -> None:
    signed = await s3_storage.url(await stored_key(s3_storage), filename="Résumé.pdf")
    async with httpx.AsyncClient() as http:
        response = await http.get(signed.url)
    assert response.headers["content-disposition"] == (
        "attachment; filename=\"Resume.pdf\"; filename*=UTF-8''R%C3%A9sum%C3%A9.pdf"
    )


async def test_keys_lists_what_is_stored_under_a_folder_and_nothing_beside_it(
    s3_storage: S3Storage,
) -> None:
    folder = f"shots/{new_key('')}"
    inside = [f"{folder}/1.png", f"{folder}/deeper/2.png"]
    for key in [*inside, f"{folder}b/3.png"]:
        await s3_storage.put(key, PDF, "image/png")
    assert sorted(await s3_storage.keys(f"{folder}/")) == inside


async def test_keys_are_named_without_the_configured_prefix(
    make_s3_storage: Callable[..., S3Storage],
) -> None:
    storage = make_s3_storage(prefix="tenant-b")
    key = await stored_key(storage)
    folder = key.rsplit("/", 1)[0] + "/"
    assert await storage.keys(folder) == [key]
