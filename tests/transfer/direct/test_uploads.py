"""Direct uploads with local accounts: the app signs a form for one key, the file goes to the
bucket, and the import takes it from there, for the person the form was given to only."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from botocore.exceptions import ClientError

from resumate.transfer.direct.deps import NOT_SET_UP
from resumate.transfer.reading.limits import MAX_BYTES
from tests.helpers import Account, error_fields, sign_up
from tests.pages import PageClient
from tests.transfer.direct.conftest import UPLOADS_BUCKET, key_of, send
from tests.transfer.resume_files import TEXT_RESUME, random_bytes

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

UPLOADS = "/api/resumes/import/uploads"


async def ticket_for(
    client: httpx.AsyncClient, account: Account, filename: str = "cv.md"
) -> dict[str, Any]:
    answer = await client.post(UPLOADS, json={"filename": filename}, headers=account.headers)
    assert answer.status_code == 201, answer.text
    ticket: dict[str, Any] = answer.json()
    return ticket


def stored(s3_admin: S3Client, key: str) -> bool:
    try:
        s3_admin.head_object(Bucket=UPLOADS_BUCKET, Key=key)
    except ClientError:
        return False
    return True


async def test_a_file_sent_to_the_bucket_is_read_once_and_taken_out(
    direct_client: httpx.AsyncClient, s3_admin: S3Client
) -> None:
    account = await sign_up(direct_client)
    ticket = await ticket_for(direct_client, account)
    key = key_of(ticket["uploadId"])
    assert key.startswith(f"user-{account.user_id}/")
    assert ticket["fields"]["key"] == key
    assert ticket["maxBytes"] == MAX_BYTES
    expires = datetime.fromisoformat(ticket["expiresAt"])
    assert timedelta(0) < expires - datetime.now(UTC) <= timedelta(seconds=300)

    sent = await send(ticket, TEXT_RESUME.encode(), "cv.md")
    assert sent.status_code == 204, sent.text
    assert stored(s3_admin, key)

    read = await direct_client.post(
        f"{UPLOADS}/{ticket['uploadId']}?dryRun=true", headers=account.headers
    )
    assert read.status_code == 200, read.text
    assert read.json()["document"]["basics"]["name"] == "Ada Lovelace"
    assert read.json()["kind"] == "text"
    assert not stored(s3_admin, key)  # read once, then gone from the bucket
    again = await direct_client.post(f"{UPLOADS}/{ticket['uploadId']}", headers=account.headers)
    assert again.status_code == 404
    assert "Send the file again" in again.json()["error"]["message"]


async def test_an_upload_imported_becomes_a_new_resume(direct_client: httpx.AsyncClient) -> None:
    account = await sign_up(direct_client)
    ticket = await ticket_for(direct_client, account)
    assert (await send(ticket, TEXT_RESUME.encode())).status_code == 204
    created = await direct_client.post(
        f"{UPLOADS}/{ticket['uploadId']}",
        params={"title": "From the bucket"},
        headers=account.headers,
    )
    assert created.status_code == 201, created.text
    assert created.json()["title"] == "From the bucket"
    assert created.json()["data"]["basics"]["name"] == "Ada Lovelace"
    listed = await direct_client.get("/api/resumes", headers=account.headers)
    assert [resume["title"] for resume in listed.json()["items"]] == ["From the bucket"]


async def test_someone_elses_upload_is_not_found_and_stays_theirs(
    direct_client: httpx.AsyncClient, s3_admin: S3Client
) -> None:
    owner = await sign_up(direct_client)
    other = await sign_up(direct_client)
    ticket = await ticket_for(direct_client, owner)
    assert (await send(ticket, TEXT_RESUME.encode())).status_code == 204
    upload = f"{UPLOADS}/{ticket['uploadId']}"
    borrowed = await direct_client.post(upload, headers=other.headers)
    assert borrowed.status_code == 404
    assert stored(s3_admin, key_of(ticket["uploadId"]))  # not taken by the other person
    # An id made up for the owner's key, or changed by one character, is no id.
    theirs = (await ticket_for(direct_client, other))["uploadId"]
    forged = ticket["uploadId"].partition(".")[0] + "." + theirs.partition(".")[2]
    for made_up in (forged, ticket["uploadId"][:-2] + "AA", "x", "a.b.c", "%2e%2e"):
        answer = await direct_client.post(f"{UPLOADS}/{made_up}", headers=other.headers)
        assert answer.status_code == 404, made_up
    assert (await direct_client.post(upload, headers=owner.headers)).status_code == 201


async def test_the_form_allows_one_key_and_ten_megabytes_and_checks_its_signature(
    direct_client: httpx.AsyncClient,
) -> None:
    account = await sign_up(direct_client)
    ticket = await ticket_for(direct_client, account)
    elsewhere = ticket | {"fields": ticket["fields"] | {"key": f"user-{account.user_id}/other"}}
    assert (await send(elsewhere, b"%PDF-1.7")).status_code == 403
    other_name = ticket | {"fields": ticket["fields"] | {"x-amz-meta-filename": "x.pdf"}}
    assert (await send(other_name, b"%PDF-1.7")).status_code == 403
    unsigned = ticket | {"fields": ticket["fields"] | {"x-amz-signature": "0" * 64}}
    assert (await send(unsigned, b"%PDF-1.7")).status_code == 403
    assert (await send(ticket, b"")).status_code == 400
    assert (await send(ticket, b"x" * (MAX_BYTES + 1))).status_code == 400


async def test_a_file_past_the_limit_put_there_otherwise_is_refused_unread(
    direct_client: httpx.AsyncClient, s3_admin: S3Client
) -> None:
    account = await sign_up(direct_client)
    ticket = await ticket_for(direct_client, account)
    key = key_of(ticket["uploadId"])
    s3_admin.put_object(Bucket=UPLOADS_BUCKET, Key=key, Body=b"%PDF-" + b"0" * MAX_BYTES)
    answer = await direct_client.post(f"{UPLOADS}/{ticket['uploadId']}", headers=account.headers)
    assert answer.status_code == 422
    assert error_fields(answer) == ["file"]
    assert answer.json()["error"]["message"] == "This file is larger than 10 MB."
    assert not stored(s3_admin, key)


async def test_a_file_that_is_no_resume_is_refused_naming_the_file(
    direct_client: httpx.AsyncClient,
) -> None:
    account = await sign_up(direct_client)
    ticket = await ticket_for(direct_client, account, "noise.pdf")
    assert (await send(ticket, random_bytes())).status_code == 204
    answer = await direct_client.post(
        f"{UPLOADS}/{ticket['uploadId']}?dryRun=true", headers=account.headers
    )
    assert answer.status_code == 422
    assert error_fields(answer) == ["file"]


async def test_the_file_name_comes_along_and_tells_a_json_file(
    direct_client: httpx.AsyncClient,
) -> None:
    account = await sign_up(direct_client)
    ticket = await ticket_for(direct_client, account, "Lebenslauf – Jürgen.json")
    assert ticket["fields"]["x-amz-meta-filename"] == "Lebenslauf %E2%80%93 J%C3%BCrgen.json"
    document = b'  \n{"basics": {"name": "J\xc3\xbcrgen"}}'
    assert (await send(ticket, document)).status_code == 204
    read = await direct_client.post(
        f"{UPLOADS}/{ticket['uploadId']}?dryRun=true", headers=account.headers
    )
    assert read.status_code == 200, read.text
    assert read.json()["kind"] == "json"
    assert read.json()["document"]["basics"]["name"] == "Jürgen"


async def test_a_file_name_with_control_characters_is_refused(
    direct_client: httpx.AsyncClient,
) -> None:
    account = await sign_up(direct_client)
    answer = await direct_client.post(
        UPLOADS, json={"filename": "cv\n.pdf"}, headers=account.headers
    )
    assert answer.status_code == 422
    assert error_fields(answer) == ["filename"]


async def test_many_forms_at_once_each_name_a_key_of_their_own(
    direct_client: httpx.AsyncClient,
) -> None:
    account = await sign_up(direct_client)
    tickets = await asyncio.gather(*(ticket_for(direct_client, account) for _ in range(40)))
    keys = {key_of(ticket["uploadId"]) for ticket in tickets}
    assert len(keys) == 40
    assert all(key.startswith(f"user-{account.user_id}/") for key in keys)


async def test_signed_out_requests_are_refused(direct_client: httpx.AsyncClient) -> None:
    assert (await direct_client.post(UPLOADS, json={})).status_code == 401
    assert (await direct_client.post(f"{UPLOADS}/anything")).status_code == 401


@pytest.mark.parametrize("path", [UPLOADS, f"{UPLOADS}/anything"])
async def test_a_server_without_an_uploads_bucket_says_where_files_go(
    client: httpx.AsyncClient, path: str
) -> None:
    account = await sign_up(client)
    answer = await client.post(path, json={}, headers=account.headers)
    assert answer.status_code == 404
    assert answer.json()["error"]["message"] == NOT_SET_UP


async def test_the_review_page_may_send_to_the_bucket_and_nowhere_else(
    direct_client: httpx.AsyncClient, client: httpx.AsyncClient
) -> None:
    for app_client, bucket in ((direct_client, True), (client, False)):
        account = await sign_up(app_client)
        pages = PageClient(app_client)
        await pages.sign_in(account)
        page = await pages.get("/resumes/import/review")
        assert page.status_code == 200
        policy = page.headers["content-security-policy"]
        connect = next(part for part in policy.split("; ") if part.startswith("connect-src"))
        if bucket:
            origin = (await ticket_for(app_client, account))["url"].rsplit("/", 1)[0]
            assert connect == f"connect-src 'self' {origin}"
            assert 'data-direct-upload="/api/resumes/import/uploads"' in page.text
        else:
            assert connect == "connect-src 'self'"
            assert "data-direct-upload" not in page.text
