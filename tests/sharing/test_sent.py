"""What was sent, kept as sent: a record per link made and per PDF downloaded for an
application, whose PDF is the same bytes after any edit; nobody else's; gone with the account."""

from __future__ import annotations

import hashlib
import uuid

import httpx
from sqlalchemy import func, select

from resumate.sharing.models import SentRecord
from resumate.storage.deps import STORAGE
from tests.helpers import AppParts, if_match, sign_up
from tests.sharing.conftest import DATA, resume_with_share


async def test_a_link_made_is_kept_as_it_was_sent(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    resume, link = await resume_with_share(
        client, account, password="tide-line-42", redact={"phone": True}
    )
    sent = f"/api/resumes/{resume['id']}/sent"
    listed = (await client.get(sent, headers=account.headers)).json()["items"]
    assert len(listed) == 1
    record = listed[0]
    assert record["kind"] == "link"
    assert record["application"] == "Acme Corp"
    assert record["shareId"] == link["id"]
    assert record["settings"]["hasPassword"] is True
    assert "tide-line-42" not in str(record["settings"])
    assert record["settings"]["redact"]["phone"] is True
    pdf = await client.get(record["pdfUrl"], headers=account.headers)
    assert pdf.status_code == 200
    assert hashlib.sha256(pdf.content).hexdigest() == record["sha256"]
    assert len(pdf.content) == record["bytes"]
    detail = (await client.get(f"{sent}/{record['id']}", headers=account.headers)).json()
    assert "phone" not in detail["data"]["basics"]  # what the visitor got, redacted


async def test_a_pdf_sent_stays_the_same_bytes_after_edits(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    resume, _ = await resume_with_share(client, account)
    sent = f"/api/resumes/{resume['id']}/sent"
    first = await client.post(sent, json={"application": "Globex"}, headers=account.headers)
    assert first.status_code == 201, first.text
    before = (await client.get(first.json()["pdfUrl"], headers=account.headers)).content

    changed = DATA | {"basics": DATA["basics"] | {"name": "Grace B. Hopper"}}
    saved = await client.put(
        f"/api/resumes/{resume['id']}",
        json={"title": "Grace", "templateId": resume["templateId"], "data": changed},
        headers=if_match(account, resume["version"]),
    )
    assert saved.status_code == 200, saved.text
    second = await client.post(sent, json={"application": "Globex"}, headers=account.headers)
    after = (await client.get(first.json()["pdfUrl"], headers=account.headers)).content
    assert after == before
    assert second.json()["sha256"] != first.json()["sha256"]

    globex = await client.get(sent, params={"application": "Globex"}, headers=account.headers)
    assert [item["id"] for item in globex.json()["items"]] == [
        second.json()["id"],
        first.json()["id"],
    ]
    everything = (await client.get(sent, headers=account.headers)).json()["items"]
    assert [item["application"] for item in everything] == ["Acme Corp", "Globex", "Globex"]


async def test_someone_elses_records_are_not_found(client: httpx.AsyncClient) -> None:
    owner = await sign_up(client)
    other = await sign_up(client)
    resume, _ = await resume_with_share(client, owner)
    sent = f"/api/resumes/{resume['id']}/sent"
    record = (await client.get(sent, headers=owner.headers)).json()["items"][0]
    for path in (sent, f"{sent}/{record['id']}", record["pdfUrl"]):
        assert (await client.get(path, headers=other.headers)).status_code == 404
    made = await client.post(sent, json={"application": "Mine"}, headers=other.headers)
    assert made.status_code == 404


async def test_the_application_is_named(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    resume, _ = await resume_with_share(client, account)
    sent = f"/api/resumes/{resume['id']}/sent"
    answer = await client.post(sent, json={"application": "  "}, headers=account.headers)
    assert answer.status_code == 422
    assert [f["field"] for f in answer.json()["error"]["fields"]] == ["application"]


async def test_closing_the_account_deletes_what_was_sent(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    account = await sign_up(client)
    resume, _ = await resume_with_share(client, account)
    record = (
        await client.get(f"/api/resumes/{resume['id']}/sent", headers=account.headers)
    ).json()["items"][0]
    async with context.sessionmaker() as session:
        row = await session.get(SentRecord, uuid.UUID(record["id"]))
    assert row is not None
    key = row.pdf_key
    storage = context.components.get(STORAGE)
    assert await storage.exists(key)
    closed = await client.request(
        "DELETE", "/api/account", json={"password": account.password}, headers=account.headers
    )
    assert closed.status_code == 204
    async with context.sessionmaker() as session:
        count = await session.scalar(select(func.count()).select_from(SentRecord))
    assert count == 0
    assert not await storage.exists(key)
