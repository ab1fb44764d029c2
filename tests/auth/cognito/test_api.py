"""/api/auth and /api/account with accounts in the Cognito pool. All tokens here are moto's own."""

from __future__ import annotations

import uuid

import httpx
import jwt
import pytest
from sqlalchemy import func, select

from resumate.auth.cognito.tokens import CognitoClaims
from resumate.auth.models import User
from tests.auth.cognito.moto import Pool
from tests.helpers import PASSWORD, AppParts, error_fields, sign_up, unique_email
from tests.mailbox import last_mail, link_token, outbox_of, take_mail

NEW_PASSWORD = "quiet-harbour-violet-77"


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def unverified(token: str) -> dict[str, object]:
    claims: dict[str, object] = jwt.decode(token, options={"verify_signature": False})
    return claims


async def test_register_login_me_refresh_and_logout(client: httpx.AsyncClient, pool: Pool) -> None:
    email = unique_email()
    answer = await client.post("/api/auth/register", json={"email": email, "password": PASSWORD})
    assert answer.status_code == 202, answer.text
    assert answer.json() == {"status": "confirmation-sent", "email": email}
    early = await client.post("/api/auth/login", json={"email": email, "password": PASSWORD})
    assert early.status_code != 200  # the pool's user waits for the link
    token = link_token(last_mail(outbox_of(client), email), "/verify-email/")
    verified = await client.post("/api/auth/verify-email", json={"token": token})
    # Cognito checks the password: the confirmed person signs in next.
    assert verified.status_code == 200, verified.text
    assert verified.json() == {"status": "confirmed", "email": email}

    login = await client.post("/api/auth/login", json={"email": email, "password": PASSWORD})
    assert login.status_code == 200, login.text
    assert unverified(login.json()["accessToken"])["iss"] == pool.issuer
    registered = login

    me = await client.get("/api/auth/me", headers=bearer(login.json()["accessToken"]))
    assert me.status_code == 200
    assert me.json()["email"] == email

    renewed = await client.post(
        "/api/auth/refresh", json={"refreshToken": login.json()["refreshToken"]}
    )
    assert renewed.status_code == 200, renewed.text
    fresh = renewed.json()["accessToken"]
    assert (await client.get("/api/auth/me", headers=bearer(fresh))).status_code == 200

    assert (await client.post("/api/auth/logout", headers=bearer(fresh))).status_code == 204
    for body in (registered.json(), login.json(), renewed.json()):
        me = await client.get("/api/auth/me", headers=bearer(body["accessToken"]))
        assert me.status_code == 401
    again = await client.post(
        "/api/auth/refresh", json={"refreshToken": login.json()["refreshToken"]}
    )
    assert again.status_code == 401


async def test_the_user_is_linked_by_the_tokens_subject(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    account = await sign_up(client)
    async with context.sessionmaker() as session:
        user = await session.get(User, uuid.UUID(account.user_id))
    assert user is not None
    assert user.external_subject == unverified(account.access_token)["sub"]
    assert user.password_hash is None


async def test_a_pool_user_from_elsewhere_gets_an_account_on_first_sight(
    client: httpx.AsyncClient, context: AppParts, pool: Pool
) -> None:
    email = unique_email("elsewhere")
    tokens = pool.tokens(email)
    first = await client.get("/api/auth/me", headers=bearer(tokens["AccessToken"]))
    assert first.status_code == 200, first.text
    assert first.json()["email"] == email
    second = await client.get("/api/auth/me", headers=bearer(tokens["AccessToken"]))
    assert second.json()["id"] == first.json()["id"]
    async with context.sessionmaker() as session:
        count = await session.scalar(select(func.count()).select_from(User))
    assert count == 1


async def test_a_signed_out_sessions_token_is_refused_and_signing_in_again_works(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    other_device = await client.post(
        "/api/auth/login", json={"email": account.email, "password": account.password}
    )
    assert (await client.post("/api/auth/logout", headers=account.headers)).status_code == 204
    for token in (account.access_token, other_device.json()["accessToken"]):
        refused = await client.get("/api/auth/me", headers=bearer(token))
        assert refused.status_code == 401
        assert refused.json()["error"]["message"] == "Your session has ended. Sign in again."
    # Within the same second as the sign-out: Cognito stamps tokens to the second.
    back = await client.post(
        "/api/auth/login", json={"email": account.email, "password": account.password}
    )
    assert back.status_code == 200
    assert (
        await client.get("/api/auth/me", headers=bearer(back.json()["accessToken"]))
    ).status_code == 200


async def test_an_id_token_is_not_an_access_token(client: httpx.AsyncClient, pool: Pool) -> None:
    tokens = pool.tokens()
    refused = await client.get("/api/auth/me", headers=bearer(tokens["IdToken"]))
    assert refused.status_code == 401


async def test_password_change_ends_other_sessions_and_keeps_this_one(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    response = await client.post(
        "/api/account/password",
        json={"currentPassword": account.password, "newPassword": NEW_PASSWORD},
        headers=account.headers,
    )
    assert response.status_code == 200, response.text
    assert (await client.get("/api/auth/me", headers=account.headers)).status_code == 401
    fresh = bearer(response.json()["accessToken"])
    assert (await client.get("/api/auth/me", headers=fresh)).status_code == 200
    old = await client.post("/api/auth/login", json={"email": account.email, "password": PASSWORD})
    assert old.status_code == 401
    new = await client.post(
        "/api/auth/login", json={"email": account.email, "password": NEW_PASSWORD}
    )
    assert new.status_code == 200


async def test_password_change_needs_the_current_password(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    response = await client.post(
        "/api/account/password",
        json={"currentPassword": "not-the-password-1", "newPassword": NEW_PASSWORD},
        headers=account.headers,
    )
    assert response.status_code == 422
    assert error_fields(response) == ["currentPassword"]


async def test_deleting_the_account_checks_the_password_and_removes_the_pool_user(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    wrong = await client.request(
        "DELETE", "/api/account", json={"password": "not-the-password-1"}, headers=account.headers
    )
    assert wrong.status_code == 422
    assert error_fields(wrong) == ["password"]
    deleted = await client.request(
        "DELETE", "/api/account", json={"password": account.password}, headers=account.headers
    )
    assert deleted.status_code == 204
    # The token would otherwise bring back an empty account on first sight.
    assert (await client.get("/api/auth/me", headers=account.headers)).status_code == 401
    login = await client.post(
        "/api/auth/login", json={"email": account.email, "password": account.password}
    )
    assert login.status_code == 401


async def test_signing_out_of_this_device_clears_its_cookies(client: httpx.AsyncClient) -> None:
    # moto has no RevokeToken: the sign-out carries on without it, as it must when Cognito
    # cannot revoke (the device forgets the token either way).
    await sign_up(client)
    response = await client.post("/logout", data={"csrf_token": client.cookies["resumate_csrf"]})
    assert response.status_code == 303
    assert "resumate_access" not in client.cookies
    assert "resumate_refresh" not in client.cookies


async def test_the_local_jwks_is_not_published(client: httpx.AsyncClient) -> None:
    assert (await client.get("/.well-known/jwks.json")).status_code == 404


async def test_a_request_verifies_its_token_once(
    client: httpx.AsyncClient, context: AppParts, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Finding the caller's user uses the claims already verified, not a second RSA check."""
    account = await sign_up(client)
    assert context.cognito is not None
    verifier = context.cognito.authenticator.verifier
    real = verifier.verify
    calls: list[str] = []

    async def counted(token: str) -> CognitoClaims:
        calls.append(token)
        return await real(token)

    monkeypatch.setattr(verifier, "verify", counted)
    assert (await client.get("/api/auth/me", headers=account.headers)).status_code == 200
    assert len(calls) == 1


async def test_sending_again_gives_a_link_that_confirms_the_pools_user(
    client: httpx.AsyncClient,
) -> None:
    email = unique_email()
    await client.post("/api/auth/register", json={"email": email, "password": PASSWORD})
    first = link_token(last_mail(outbox_of(client), email), "/verify-email/")
    resent = await client.post("/api/auth/register/resend", json={"email": email})
    assert resent.status_code == 202
    fresh = link_token(last_mail(outbox_of(client), email), "/verify-email/")
    assert (await client.post("/api/auth/verify-email", json={"token": fresh})).status_code == 200
    login = await client.post("/api/auth/login", json={"email": email, "password": PASSWORD})
    assert login.status_code == 200
    late = await client.post("/api/auth/verify-email", json={"token": first})
    # An older link of the same sign-up: moto confirms a confirmed user again (Cognito refuses
    # with NotAuthorizedException, which the app answers 409 "already has an account").
    assert late.status_code == 200
    nobody = unique_email("nobody")
    await client.post("/api/auth/register/resend", json={"email": nobody})
    assert take_mail(outbox_of(client), nobody) == []
