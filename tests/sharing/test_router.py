"""The owner's side: making, listing and withdrawing links; nobody else's resume."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy import select

from resumate.sharing.models import Share
from tests.helpers import AppParts, create_resume, error_fields, sign_up
from tests.sharing.conftest import path_of, resume_with_share


async def test_a_link_is_made_listed_and_withdrawn(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    account = await sign_up(client)
    resume, link = await resume_with_share(client, account, password="tide-line-42")
    token = path_of(link).removeprefix("/r/")
    assert len(token) == 32  # 192 random bits
    assert link["label"] == "Acme Corp"
    assert link["state"] == "active"
    assert link["hasPassword"] is True
    assert (link["views"], link["downloads"]) == (0, 0)
    assert link["snapshot"] is True
    assert link["allowDownload"] is True
    assert link["indexable"] is False

    async with context.sessionmaker() as session:
        row = await session.scalar(select(Share).where(Share.id == uuid.UUID(link["id"])))
    assert row is not None
    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in row.token_sealed
    assert row.password_hash is not None
    assert row.password_hash.startswith("$argon2id$")

    shares = f"/api/resumes/{resume['id']}/shares"
    listed = await client.get(shares, headers=account.headers)
    assert [item["url"] for item in listed.json()["items"]] == [link["url"]]
    gone = await client.delete(f"{shares}/{link['id']}", headers=account.headers)
    assert gone.status_code == 204
    after = (await client.get(shares, headers=account.headers)).json()["items"]
    assert after[0]["state"] == "revoked"
    assert after[0]["revokedAt"] is not None
    assert (await client.get(path_of(link))).status_code == 404


async def test_someone_elses_resume_and_links_are_not_found(client: httpx.AsyncClient) -> None:
    owner = await sign_up(client)
    other = await sign_up(client)
    resume, link = await resume_with_share(client, owner)
    shares = f"/api/resumes/{resume['id']}/shares"
    made = await client.post(shares, json={"label": "Mine now"}, headers=other.headers)
    assert made.status_code == 404
    assert (await client.get(shares, headers=other.headers)).status_code == 404
    revoked = await client.delete(f"{shares}/{link['id']}", headers=other.headers)
    assert revoked.status_code == 404
    # Nor through a resume of their own.
    theirs = await create_resume(client, other)
    crossed = await client.delete(
        f"/api/resumes/{theirs['id']}/shares/{link['id']}", headers=other.headers
    )
    assert crossed.status_code == 404
    assert (await client.get(path_of(link))).status_code == 200


async def test_bad_settings_are_refused_naming_the_field(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account)
    shares = f"/api/resumes/{resume['id']}/shares"
    past = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    cases = [
        ({"label": "   "}, "label"),
        ({"label": "x" * 121}, "label"),
        ({"label": "A", "expiresAt": past}, "expiresAt"),
        ({"label": "A", "expiresAt": "2030-01-01T10:00:00"}, "expiresAt"),
        ({"label": "A", "password": "abc"}, "password"),
        ({"label": "A", "redact": {"employer": ""}}, "redact.employer"),
        ({"label": "A", "owner": "me"}, "owner"),
    ]
    for body, field in cases:
        answer = await client.post(shares, json=body, headers=account.headers)
        assert answer.status_code == 422, body
        assert error_fields(answer) == [field], body
    assert (await client.get(shares, headers=account.headers)).json()["items"] == []


async def test_signed_out_requests_are_refused(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    resume = await create_resume(client, account)
    shares = f"/api/resumes/{resume['id']}/shares"
    client.cookies.clear()
    assert (await client.post(shares, json={"label": "A"})).status_code == 401
    assert (await client.get(shares)).status_code == 401
