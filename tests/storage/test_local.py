"""LocalStorage: files under one folder, written atomically, with links the app signs."""

from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from resumate.storage import StorageNotFound, StorageUnavailable
from resumate.storage.local import BadSignature, LinkExpired, LocalStorage
from tests.storage.conftest import SECRET, TTL, new_key


async def test_put_then_get_returns_the_same_bytes(local_storage: LocalStorage) -> None:
    key = new_key()
    await local_storage.put(key, b"%PDF-1.7 body", "application/pdf")
    assert await local_storage.get(key) == b"%PDF-1.7 body"


async def test_put_replaces_the_file_and_leaves_no_temporary_files(
    local_storage: LocalStorage,
) -> None:
    key = new_key()
    await local_storage.put(key, b"first", "application/pdf")
    await local_storage.put(key, b"second", "application/pdf")
    assert await local_storage.get(key) == b"second"
    assert [p.name for p in local_storage.path_for(key).parent.iterdir()] == [Path(key).name]


async def test_get_of_a_missing_key_is_storage_not_found(local_storage: LocalStorage) -> None:
    with pytest.raises(StorageNotFound):
        await local_storage.get(new_key())


async def test_exists_tells_stored_from_missing(local_storage: LocalStorage) -> None:
    key = new_key()
    await local_storage.put(key, b"x", "application/pdf")
    assert await local_storage.exists(key)
    assert not await local_storage.exists(new_key())


async def test_delete_removes_the_file(local_storage: LocalStorage) -> None:
    key = new_key()
    await local_storage.put(key, b"x", "application/pdf")
    await local_storage.delete(key)
    assert not await local_storage.exists(key)


async def test_delete_of_a_missing_key_is_not_an_error(local_storage: LocalStorage) -> None:
    await local_storage.delete(new_key())


async def test_delete_many_removes_every_key_given(local_storage: LocalStorage) -> None:
    keys = [new_key() for _ in range(3)]
    for key in keys:
        await local_storage.put(key, b"x", "application/pdf")
    await local_storage.delete_many([*keys, new_key()])
    assert [await local_storage.exists(key) for key in keys] == [False, False, False]


async def test_an_invalid_key_writes_nothing(local_storage: LocalStorage, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="storage key"):
        await local_storage.put("../outside.pdf", b"x", "application/pdf")
    assert not (tmp_path / "outside.pdf").exists()


async def test_a_broken_storage_folder_is_unavailable(tmp_path: Path) -> None:
    (tmp_path / "not-a-folder").write_bytes(b"")
    storage = LocalStorage(tmp_path / "not-a-folder", SECRET, TTL)
    with pytest.raises(StorageUnavailable) as raised:
        await storage.put(new_key(), b"x", "application/pdf")
    assert raised.value.status == 503


async def test_url_is_an_app_path_signed_for_key_expiry_and_filename(
    local_storage: LocalStorage,
) -> None:
    key = new_key()
    signed = await local_storage.url(key, filename="Ada Lovelace.pdf")
    parts = urlsplit(signed.url)
    query = {name: values[0] for name, values in parse_qs(parts.query).items()}
    assert parts.path == f"/files/{key}"
    assert query["filename"] == "Ada Lovelace.pdf"
    assert int(query["expires"]) == int(signed.expires_at.timestamp())
    assert 0 < signed.expires_at.timestamp() - time.time() <= TTL
    local_storage.verify(key, int(query["expires"]), "Ada Lovelace.pdf", query["signature"])


def test_verify_refuses_a_signature_for_another_key(local_storage: LocalStorage) -> None:
    expires = int(time.time()) + 60
    signature = local_storage.sign("pdfs/a.pdf", expires, None)
    with pytest.raises(BadSignature):
        local_storage.verify("pdfs/b.pdf", expires, None, signature)


def test_verify_refuses_a_signature_for_another_filename(local_storage: LocalStorage) -> None:
    expires = int(time.time()) + 60
    signature = local_storage.sign("pdfs/a.pdf", expires, "a.pdf")
    with pytest.raises(BadSignature):
        local_storage.verify("pdfs/a.pdf", expires, "b.pdf", signature)


def test_verify_refuses_a_signature_made_with_another_secret(tmp_path: Path) -> None:
    expires = int(time.time()) + 60
    signature = LocalStorage(tmp_path, b"another secret", TTL).sign("pdfs/a.pdf", expires, None)
    with pytest.raises(BadSignature):
        LocalStorage(tmp_path, SECRET, TTL).verify("pdfs/a.pdf", expires, None, signature)


def test_verify_refuses_a_link_past_its_expiry(local_storage: LocalStorage) -> None:
    expires = 1_700_000_000
    signature = local_storage.sign("pdfs/a.pdf", expires, None)
    with pytest.raises(LinkExpired):
        local_storage.verify("pdfs/a.pdf", expires, None, signature, now=expires)


async def test_keys_lists_what_is_stored_under_a_folder_and_nothing_beside_it(
    local_storage: LocalStorage,
) -> None:
    inside = ["shots/a/1.png", "shots/a/deeper/2.png"]
    for key in [*inside, "shots/ab/3.png", "shots/b/4.png"]:
        await local_storage.put(key, b"x", "image/png")
    assert sorted(await local_storage.keys("shots/a/")) == inside


async def test_keys_of_a_folder_never_written_is_empty(local_storage: LocalStorage) -> None:
    assert await local_storage.keys("shots/nothing-here/") == []


async def test_keys_wants_a_folder_prefix(local_storage: LocalStorage) -> None:
    with pytest.raises(ValueError, match="prefix"):
        await local_storage.keys("shots/a")
    with pytest.raises(ValueError, match="storage key"):
        await local_storage.keys("../")
