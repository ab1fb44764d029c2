"""/api/auth/sessions: the devices signed in, and signing one out at once."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import httpx
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from resumate.auth.devices.models import DeviceSession
from resumate.auth.devices.service import prune_ended
from resumate.auth.models import RefreshToken
from resumate.auth.repository import RefreshTokenRepository
from resumate.auth.tokens import hash_refresh_token
from resumate.db import utcnow
from tests.auth.devices.devices import WINDOWS_CHROME, bearer, second_device, two_devices
from tests.helpers import AppParts, sign_up


async def listed(client: httpx.AsyncClient, token: str) -> list[dict[str, Any]]:
    response = await client.get("/api/auth/sessions", headers=bearer(token))
    assert response.status_code == 200, response.text
    sessions: list[dict[str, Any]] = response.json()
    return sessions


async def test_both_devices_are_listed_with_their_names_this_one_first(
    client: httpx.AsyncClient,
) -> None:
    windows, iphone = await two_devices(client)
    sessions = await listed(client, iphone.access_token)
    assert [(s["label"], s["current"]) for s in sessions] == [
        ("Safari on iOS", True),
        ("Chrome on Windows", False),
    ]
    assert {s["address"] for s in sessions} == {"127.0.0.1"}
    assert sessions[0]["browser"] == "Safari"
    assert sessions[0]["os"] == "iOS"
    assert sessions[0]["createdAt"] <= sessions[0]["lastUsedAt"]
    mine = await listed(client, windows.access_token)
    assert [s["current"] for s in mine] == [True, False]


async def test_ending_a_session_stops_its_tokens_at_once_and_spares_the_other(
    client: httpx.AsyncClient,
) -> None:
    windows, iphone = await two_devices(client)
    ended = next(s for s in await listed(client, windows.access_token) if not s["current"])
    response = await client.delete(
        f"/api/auth/sessions/{ended['id']}", headers=bearer(windows.access_token)
    )
    assert response.status_code == 204
    me = await client.get("/api/auth/me", headers=bearer(iphone.access_token))
    assert me.status_code == 401
    renewed = await client.post("/api/auth/refresh", json={"refreshToken": iphone.refresh_token})
    assert renewed.status_code == 401
    assert (await client.get("/api/auth/me", headers=bearer(windows.access_token))).is_success
    kept = await client.post(
        "/api/auth/refresh",
        json={"refreshToken": windows.refresh_token},
        headers={"User-Agent": WINDOWS_CHROME},
    )
    assert kept.status_code == 200
    assert [s["label"] for s in await listed(client, kept.json()["accessToken"])] == [
        "Chrome on Windows"
    ]


async def test_another_accounts_session_is_not_found_and_keeps_working(
    client: httpx.AsyncClient,
) -> None:
    _, iphone = await two_devices(client)
    stranger = await sign_up(client)
    client.cookies.clear()
    theirs = (await listed(client, iphone.access_token))[0]["id"]
    response = await client.delete(
        f"/api/auth/sessions/{theirs}", headers=bearer(stranger.access_token)
    )
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert (await client.get("/api/auth/me", headers=bearer(iphone.access_token))).is_success


async def test_unknown_and_ended_ids_are_not_found_and_malformed_ones_refused(
    client: httpx.AsyncClient,
) -> None:
    windows, _ = await two_devices(client)
    other = next(s for s in await listed(client, windows.access_token) if not s["current"])
    headers = bearer(windows.access_token)
    assert (await client.delete(f"/api/auth/sessions/{other['id']}", headers=headers)).is_success
    for session_id in (other["id"], uuid.uuid4()):
        response = await client.delete(f"/api/auth/sessions/{session_id}", headers=headers)
        assert response.status_code == 404, session_id
    malformed = await client.delete("/api/auth/sessions/not-a-session", headers=headers)
    assert malformed.status_code == 422


async def test_sessions_need_a_session(client: httpx.AsyncClient) -> None:
    assert (await client.get("/api/auth/sessions")).status_code == 401
    assert (await client.delete(f"/api/auth/sessions/{uuid.uuid4()}")).status_code == 401
    forged = bearer("not.a.token")
    assert (await client.get("/api/auth/sessions", headers=forged)).status_code == 401


async def test_ending_this_session_signs_this_client_out(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)  # the client keeps the cookies
    this = (await listed(client, account.access_token))[0]
    csrf = {"X-CSRF-Token": client.cookies["resumate_csrf"]}
    response = await client.delete(f"/api/auth/sessions/{this['id']}", headers=csrf)
    assert response.status_code == 204
    cleared = [c.split("=", 1)[0] for c in response.headers.get_list("set-cookie")]
    assert "resumate_access" in cleared
    me = await client.get("/api/auth/me", headers=bearer(account.access_token))
    assert me.status_code == 401


async def test_cookie_requests_to_end_a_session_need_the_csrf_header(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    this = (await listed(client, account.access_token))[0]
    response = await client.delete(f"/api/auth/sessions/{this['id']}")
    assert response.status_code == 403
    assert (await client.get("/api/auth/me")).status_code == 200


async def test_renewing_keeps_the_device_and_records_when_and_from_what(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    account = await sign_up(client)
    client.cookies.clear()
    before = (await listed(client, account.access_token))[0]
    long_agent = "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0 " + "x" * 2000
    renewed = await client.post(
        "/api/auth/refresh",
        json={"refreshToken": account.refresh_token},
        headers={"User-Agent": long_agent, "X-Forwarded-For": "203.0.113.9"},
    )
    assert renewed.status_code == 200
    after = await listed(client, renewed.json()["accessToken"])
    assert [s["id"] for s in after] == [before["id"]]
    assert after[0]["createdAt"] == before["createdAt"]
    assert after[0]["lastUsedAt"] >= before["lastUsedAt"]
    assert after[0]["label"] == "Firefox on Linux"
    assert len(str(after[0]["userAgent"])) == 512
    # A forwarded header from an address that is no configured proxy is not believed.
    assert after[0]["address"] == "127.0.0.1"


async def test_after_signing_out_everywhere_only_the_next_sign_in_is_listed(
    client: httpx.AsyncClient,
) -> None:
    windows, _ = await two_devices(client)
    logout = await client.post("/api/auth/logout", headers=bearer(windows.access_token))
    assert logout.status_code == 204
    again = await second_device(client, windows)
    assert [s["current"] for s in await listed(client, again.access_token)] == [True]


async def test_expired_and_ended_sessions_are_not_listed_and_are_pruned(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    windows, iphone = await two_devices(client)
    third = await second_device(client, windows)
    ids = {s["label"]: s["id"] for s in await listed(client, windows.access_token)}
    async with context.sessionmaker.begin() as session:
        expired = await family_of(session, third.refresh_token)
        await session.execute(
            update(RefreshToken)
            .where(RefreshToken.family_id == expired)
            .values(expires_at=utcnow() - timedelta(seconds=1))
        )
    headers = bearer(windows.access_token)
    await client.delete(f"/api/auth/sessions/{ids['Safari on iOS']}", headers=headers)
    assert [s["label"] for s in await listed(client, windows.access_token)] == ["Chrome on Windows"]
    assert await prune_ended(context.sessionmaker) == 2
    async with context.sessionmaker() as session:
        rows = list(await session.scalars(select(DeviceSession.id)))
    assert [str(row) for row in rows] == [ids["Chrome on Windows"]]
    # The ended session's tokens stay refused once its row is gone.
    me = await client.get("/api/auth/me", headers=bearer(iphone.access_token))
    assert me.status_code == 401


async def family_of(session: AsyncSession, refresh_token: str) -> uuid.UUID:
    token = await RefreshTokenRepository(session).by_hash(hash_refresh_token(refresh_token))
    assert token is not None
    return token.family_id


async def test_the_api_is_documented(client: httpx.AsyncClient) -> None:
    paths = (await client.get("/api/openapi.json")).json()["paths"]
    listing = paths["/api/auth/sessions"]["get"]
    ending = paths["/api/auth/sessions/{session_id}"]["delete"]
    assert {"200", "401", "404"} <= set(listing["responses"])
    assert {"204", "401", "404", "422"} <= set(ending["responses"])
