"""Cookies, CSRF, refresh-token rotation, logout and the JWKS."""

from __future__ import annotations

import httpx
import jwt

from tests.helpers import PASSWORD, sign_up, unique_email
from tests.mailbox import last_mail, link_token, outbox_of


async def test_the_session_cookie_authenticates_reads(client: httpx.AsyncClient) -> None:
    await sign_up(client)  # the client keeps the cookies it was given
    response = await client.get("/api/auth/me")
    assert response.status_code == 200


async def test_session_cookies_are_http_only_and_same_site(client: httpx.AsyncClient) -> None:
    email = unique_email()
    await client.post("/api/auth/register", json={"email": email, "password": PASSWORD})
    token = link_token(last_mail(outbox_of(client), email), "/verify-email/")
    response = await client.post("/api/auth/verify-email", json={"token": token})
    cookies = {c.split("=", 1)[0]: c.lower() for c in response.headers.get_list("set-cookie")}
    assert "httponly" in cookies["resumate_access"]
    assert "samesite=lax" in cookies["resumate_access"]
    assert "httponly" in cookies["resumate_refresh"]
    assert "samesite=strict" in cookies["resumate_refresh"]
    assert "httponly" not in cookies["resumate_csrf"]


async def test_cookie_authenticated_writes_need_the_csrf_header(client: httpx.AsyncClient) -> None:
    await sign_up(client)
    refused = await client.post("/api/resumes", json={"title": "From a cookie"})
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "csrf_failed"
    token = client.cookies["resumate_csrf"]
    accepted = await client.post(
        "/api/resumes", json={"title": "From a cookie"}, headers={"X-CSRF-Token": token}
    )
    assert accepted.status_code == 201


async def test_refresh_rotates_the_token(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    response = await client.post("/api/auth/refresh", json={"refreshToken": account.refresh_token})
    assert response.status_code == 200
    body = response.json()
    assert body["refreshToken"] != account.refresh_token
    me = await client.get(
        "/api/auth/me", headers={"Authorization": f"Bearer {body['accessToken']}"}
    )
    assert me.status_code == 200


async def test_reusing_a_spent_refresh_token_revokes_its_family(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    first = await client.post("/api/auth/refresh", json={"refreshToken": account.refresh_token})
    successor = first.json()["refreshToken"]
    replay = await client.post("/api/auth/refresh", json={"refreshToken": account.refresh_token})
    assert replay.status_code == 401
    after = await client.post("/api/auth/refresh", json={"refreshToken": successor})
    assert after.status_code == 401


async def test_refresh_works_from_the_cookie(client: httpx.AsyncClient) -> None:
    await sign_up(client)
    response = await client.post("/api/auth/refresh")
    assert response.status_code == 200


async def test_refresh_refuses_missing_and_unknown_tokens(client: httpx.AsyncClient) -> None:
    assert (await client.post("/api/auth/refresh", json={})).status_code == 401
    unknown = await client.post("/api/auth/refresh", json={"refreshToken": "made-up"})
    assert unknown.status_code == 401
    assert unknown.json()["error"]["code"] == "unauthorized"


async def test_logout_ends_every_session_at_once(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    other = await client.post(
        "/api/auth/login", json={"email": account.email, "password": account.password}
    )
    other_access = other.json()["accessToken"]
    other_refresh = other.json()["refreshToken"]
    assert (await client.post("/api/auth/logout", headers=account.headers)).status_code == 204
    for token in (account.access_token, other_access):
        me = await client.get("/api/auth/me", headers={"Authorization": f"Bearer {token}"})
        assert me.status_code == 401
    for refresh in (account.refresh_token, other_refresh):
        again = await client.post("/api/auth/refresh", json={"refreshToken": refresh})
        assert again.status_code == 401


async def test_logout_needs_a_session(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/auth/logout")
    assert response.status_code == 401


async def test_jwks_verifies_issued_tokens(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    keys = (await client.get("/.well-known/jwks.json")).json()["keys"]
    kid = jwt.get_unverified_header(account.access_token)["kid"]
    (jwk,) = [key for key in keys if key["kid"] == kid]
    claims = jwt.decode(
        account.access_token,
        jwt.PyJWK(jwk).key,
        algorithms=["RS256"],
        audience="resumate-api",
        issuer="resumate",
    )
    assert claims["sub"] == account.user_id
