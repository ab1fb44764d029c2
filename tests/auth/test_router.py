"""Registration, sign-in and throttling over /api/auth."""

from __future__ import annotations

import httpx

from tests.helpers import PASSWORD, AppParts, error_fields, sign_up, unique_email
from tests.mailbox import last_mail, link_token, outbox_of


async def test_register_creates_an_account_once_the_mailed_link_is_confirmed(
    client: httpx.AsyncClient,
) -> None:
    email = unique_email()
    response = await client.post("/api/auth/register", json={"email": email, "password": PASSWORD})
    assert response.status_code == 202
    assert response.json() == {"status": "confirmation-sent", "email": email}
    mail = last_mail(outbox_of(client), email)
    assert mail.subject == "Confirm your e-mail to finish creating your account"
    verified = await client.post(
        "/api/auth/verify-email", json={"token": link_token(mail, "/verify-email/")}
    )
    assert verified.status_code == 201
    body = verified.json()
    assert body["user"]["email"] == email
    assert body["tokenType"] == "Bearer"
    assert body["expiresIn"] == 900
    me = await client.get(
        "/api/auth/me", headers={"Authorization": f"Bearer {body['accessToken']}"}
    )
    assert me.json()["id"] == body["user"]["id"]


async def test_emails_are_case_folded(client: httpx.AsyncClient) -> None:
    account = await sign_up(client, email="Grace.Hopper@Example.COM")
    me = await client.get("/api/auth/me", headers=account.headers)
    assert me.json()["email"] == "grace.hopper@example.com"


async def test_a_taken_email_gets_the_same_answer_and_its_owner_a_notice(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    fresh = unique_email()
    taken = await client.post(
        "/api/auth/register", json={"email": account.email.upper(), "password": PASSWORD}
    )
    new = await client.post("/api/auth/register", json={"email": fresh, "password": PASSWORD})
    assert taken.status_code == new.status_code == 202
    assert taken.json() == {"status": "confirmation-sent", "email": account.email}
    assert taken.headers.keys() == new.headers.keys()
    notice = last_mail(outbox_of(client), account.email)
    assert notice.subject == "Someone tried to create an account with your address"
    assert "/forgot-password" in notice.text
    assert "/verify-email/" not in notice.text


async def test_register_refuses_short_and_common_passwords(client: httpx.AsyncClient) -> None:
    for weak in ("short", "password123", "iloveyou"):
        response = await client.post(
            "/api/auth/register", json={"email": unique_email(), "password": weak}
        )
        assert response.status_code == 422, weak
        assert error_fields(response) == ["password"]


async def test_register_refuses_a_malformed_email(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/auth/register", json={"email": "nope", "password": PASSWORD})
    assert response.status_code == 422
    assert error_fields(response) == ["email"]


async def test_register_refuses_unknown_fields(client: httpx.AsyncClient) -> None:
    body = {"email": unique_email(), "password": PASSWORD, "isAdmin": True}
    response = await client.post("/api/auth/register", json=body)
    assert response.status_code == 422
    assert error_fields(response) == ["isAdmin"]


async def test_login_with_the_right_password_starts_a_session(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    response = await client.post(
        "/api/auth/login", json={"email": account.email, "password": account.password}
    )
    assert response.status_code == 200
    assert response.json()["user"]["id"] == account.user_id


async def test_unknown_email_and_wrong_password_get_the_same_answer(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    wrong = await client.post(
        "/api/auth/login", json={"email": account.email, "password": "not-the-password-1"}
    )
    unknown = await client.post(
        "/api/auth/login", json={"email": unique_email(), "password": "not-the-password-1"}
    )
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()


async def test_login_without_a_body_names_the_missing_fields(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/auth/login", json={})
    assert response.status_code == 422
    assert sorted(error_fields(response)) == ["email", "password"]


async def test_repeated_failures_throttle_the_account(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    account = await sign_up(client)
    attempt = {"email": account.email, "password": "not-the-password-1"}
    for _ in range(context.settings.auth.throttle_per_account):
        assert (await client.post("/api/auth/login", json=attempt)).status_code == 401
    blocked = await client.post(
        "/api/auth/login", json={"email": account.email, "password": account.password}
    )
    assert blocked.status_code == 429
    assert blocked.json()["error"]["code"] == "too_many_requests"
    assert 0 < int(blocked.headers["Retry-After"]) <= context.settings.auth.throttle_window_seconds


async def test_repeated_failures_from_one_address_throttle_it(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    for _ in range(context.settings.auth.throttle_per_address):
        attempt = {"email": unique_email(), "password": "not-the-password-1"}
        assert (await client.post("/api/auth/login", json=attempt)).status_code == 401
    blocked = await client.post(
        "/api/auth/login", json={"email": unique_email(), "password": "not-the-password-1"}
    )
    assert blocked.status_code == 429
    assert int(blocked.headers["Retry-After"]) > 0


async def test_a_successful_login_clears_the_account_failures(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    account = await sign_up(client)
    wrong = {"email": account.email, "password": "not-the-password-1"}
    right = {"email": account.email, "password": account.password}
    for _ in range(context.settings.auth.throttle_per_account - 1):
        await client.post("/api/auth/login", json=wrong)
    assert (await client.post("/api/auth/login", json=right)).status_code == 200
    for _ in range(context.settings.auth.throttle_per_account - 1):
        await client.post("/api/auth/login", json=wrong)
    assert (await client.post("/api/auth/login", json=right)).status_code == 200


async def test_me_needs_a_session(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/auth/me")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"
    assert response.headers["WWW-Authenticate"] == "Bearer"


async def test_me_refuses_a_malformed_authorization_header(client: httpx.AsyncClient) -> None:
    for header in ("Basic dXNlcjpwYXNz", "Bearer", "Bearer not-a-jwt"):
        response = await client.get("/api/auth/me", headers={"Authorization": header})
        assert response.status_code == 401, header
