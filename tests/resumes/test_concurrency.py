"""Two editors of one resume: the first save wins; a save against the old version is 412."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import replace

import httpx
import pytest
from fastapi import FastAPI

from tests.helpers import Account, AppParts, create_resume, if_match, sign_up

WRITERS = 8


@pytest.fixture
async def second_client(app: FastAPI, context: AppParts) -> AsyncIterator[httpx.AsyncClient]:
    """Another browser: its own connection and cookies, the same app."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


async def log_in(client: httpx.AsyncClient, account: Account) -> Account:
    response = await client.post(
        "/api/auth/login", json={"email": account.email, "password": account.password}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    return replace(account, access_token=body["accessToken"], refresh_token=body["refreshToken"])


async def test_a_save_against_the_version_another_session_replaced_is_412(
    client: httpx.AsyncClient, second_client: httpx.AsyncClient
) -> None:
    first = await sign_up(client)
    second = await log_in(second_client, first)
    created = await create_resume(client, first)
    loaded = [
        await c.get(f"/api/resumes/{created['id']}", headers=a.headers)
        for c, a in ((client, first), (second_client, second))
    ]
    assert [r.headers["ETag"] for r in loaded] == ['"1"', '"1"']

    saved = await client.patch(
        f"/api/resumes/{created['id']}",
        json={"data": {"basics": {"name": "First"}}},
        headers=if_match(first, 1),
    )
    assert saved.status_code == 200
    assert saved.json()["version"] == 2

    refused = await second_client.patch(
        f"/api/resumes/{created['id']}",
        json={"data": {"basics": {"name": "Second"}}},
        headers=if_match(second, 1),
    )
    assert refused.status_code == 412
    assert refused.json()["error"]["code"] == "stale_version"

    stored = await second_client.get(f"/api/resumes/{created['id']}", headers=second.headers)
    assert stored.json()["data"] == {"basics": {"name": "First"}}
    assert stored.headers["ETag"] == '"2"'


async def test_concurrent_saves_of_one_version_let_exactly_one_through(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    created = await create_resume(client, account)

    responses = await asyncio.gather(
        *(
            client.patch(
                f"/api/resumes/{created['id']}",
                json={"title": f"Writer {n}", "data": {"basics": {"name": f"Writer {n}"}}},
                headers=if_match(account, 1),
            )
            for n in range(WRITERS)
        )
    )

    assert Counter(r.status_code for r in responses) == {200: 1, 412: WRITERS - 1}
    winner = next(r.json() for r in responses if r.status_code == 200)
    stored = (await client.get(f"/api/resumes/{created['id']}", headers=account.headers)).json()
    assert (stored["version"], stored["title"], stored["data"]) == (
        2,
        winner["title"],
        winner["data"],
    )
    versions = (
        await client.get(f"/api/resumes/{created['id']}/versions", headers=account.headers)
    ).json()
    assert versions["total"] == 2
    assert versions["items"][0]["title"] == winner["title"]


async def test_concurrent_version_restores_let_exactly_one_through(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    created = await create_resume(client, account, title="Original")
    edited = await client.patch(
        f"/api/resumes/{created['id']}", json={"title": "Edited"}, headers=if_match(account, 1)
    )
    assert edited.status_code == 200

    responses = await asyncio.gather(
        *(
            client.post(
                f"/api/resumes/{created['id']}/versions/1/restore", headers=if_match(account, 2)
            )
            for _ in range(WRITERS)
        )
    )

    assert Counter(r.status_code for r in responses) == {200: 1, 412: WRITERS - 1}
    versions = (
        await client.get(f"/api/resumes/{created['id']}/versions", headers=account.headers)
    ).json()
    assert versions["total"] == 3
