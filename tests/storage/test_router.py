"""GET /files/{key}: serves a local file only through a valid, unexpired signed link."""

from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

from resumate.storage.local import LocalStorage
from tests.storage.conftest import TTL, new_key

PDF = b"%PDF-1.7 test body"


async def stored_link(storage: LocalStorage, filename: str | None = "resume.pdf") -> str:
    key = new_key()
    await storage.put(key, PDF, "application/pdf")
    return (await storage.url(key, filename=filename)).url


def link(key: str, expires: int, signature: str, filename: str | None = None) -> str:
    name = f"&filename={quote(filename)}" if filename else ""
    return f"/files/{key}?expires={expires}{name}&signature={signature}"


async def test_a_signed_link_downloads_the_file(
    files_client: httpx.AsyncClient, local_storage: LocalStorage
) -> None:
    response = await files_client.get(await stored_link(local_storage))
    assert response.status_code == 200
    assert response.content == PDF
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["x-content-type-options"] == "nosniff"


async def test_the_download_carries_the_signed_filename(
    files_client: httpx.AsyncClient, local_storage: LocalStorage
) -> None:
    response = await files_client.get(await stored_link(local_storage, "Ada Lovelace.pdf"))
    assert response.headers["content-disposition"] == 'attachment; filename="Ada Lovelace.pdf"'


async def test_without_a_filename_there_is_no_attachment_header(
    files_client: httpx.AsyncClient, local_storage: LocalStorage
) -> None:
    response = await files_client.get(await stored_link(local_storage, filename=None))
    assert response.status_code == 200
    assert "content-disposition" not in response.headers


async def test_the_download_may_be_cached_privately_until_the_link_expires(
    files_client: httpx.AsyncClient, local_storage: LocalStorage
) -> None:
    response = await files_client.get(await stored_link(local_storage))
    directive, max_age = response.headers["cache-control"].split(", ")
    assert directive == "private"
    assert TTL - 5 <= int(max_age.removeprefix("max-age=")) <= TTL


@pytest.mark.parametrize(
    ("suffix", "media_type"),
    [(".png", "image/png"), (".PDF", "application/pdf"), (".html", "application/octet-stream")],
)
async def test_the_content_type_follows_the_key_suffix(
    files_client: httpx.AsyncClient, local_storage: LocalStorage, suffix: str, media_type: str
) -> None:
    key = new_key(suffix)
    await local_storage.put(key, b"bytes", "text/html")
    response = await files_client.get((await local_storage.url(key)).url)
    assert response.headers["content-type"] == media_type


async def test_an_expired_link_is_403_link_expired(
    files_client: httpx.AsyncClient, local_storage: LocalStorage
) -> None:
    key = new_key()
    await local_storage.put(key, PDF, "application/pdf")
    expires = int(time.time()) - 1
    response = await files_client.get(link(key, expires, local_storage.sign(key, expires, None)))
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "link_expired"


@pytest.mark.parametrize(
    ("original", "tampered"),
    [
        ("signature=", "signature=0"),
        ("expires=", "expires=9"),
        ("filename=resume.pdf", "filename=other.pdf"),
        ("&filename=resume.pdf", ""),
    ],
)
async def test_a_tampered_link_is_403_bad_signature(
    files_client: httpx.AsyncClient, local_storage: LocalStorage, original: str, tampered: str
) -> None:
    url = await stored_link(local_storage)
    response = await files_client.get(url.replace(original, tampered))
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "bad_signature"


async def test_a_link_moved_onto_another_stored_key_is_403(
    files_client: httpx.AsyncClient, local_storage: LocalStorage
) -> None:
    other = new_key()
    await local_storage.put(other, b"someone else's", "application/pdf")
    url = await stored_link(local_storage)
    response = await files_client.get(f"/files/{other}?{url.split('?', 1)[1]}")
    assert response.status_code == 403


async def test_a_link_without_signature_or_expiry_is_403(
    files_client: httpx.AsyncClient, local_storage: LocalStorage
) -> None:
    url = await stored_link(local_storage)
    response = await files_client.get(url.split("?")[0])
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "bad_signature"


async def test_a_signed_link_to_a_missing_file_is_404(
    files_client: httpx.AsyncClient, local_storage: LocalStorage
) -> None:
    response = await files_client.get((await local_storage.url(new_key())).url)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


@pytest.mark.parametrize(
    "path",
    ["/files/../secret.txt", "/files/%2e%2e/secret.txt", "/files/x/%2E%2E/%2e%2e/secret.txt"],
)
async def test_path_traversal_never_serves_a_file_outside_the_root(
    files_client: httpx.AsyncClient, local_storage: LocalStorage, path: str
) -> None:
    secret = local_storage.root.parent / "secret.txt"
    secret.write_bytes(b"outside the storage root")
    key = "../secret.txt"
    expires = int(time.time()) + 60
    # Signed with the real secret: the key check alone must keep the file out of reach.
    query = f"?expires={expires}&signature={local_storage.sign(key, expires, None)}"
    response = await files_client.get(path + query)
    assert 400 <= response.status_code < 500
    assert b"outside the storage root" not in response.content


async def test_an_encoded_slash_cannot_reach_outside_the_root(
    files_client: httpx.AsyncClient, local_storage: LocalStorage, tmp_path: Path
) -> None:
    (tmp_path / "secret.txt").write_bytes(b"outside the storage root")
    response = await files_client.get("/files/..%2fsecret.txt?expires=1&signature=x")
    assert response.status_code == 404
