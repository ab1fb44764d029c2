"""Cognito's refusals and failures, answered as the app's own errors. All tokens are moto's."""

from __future__ import annotations

import base64
from collections.abc import Callable

import httpx

from resumate.config import Settings
from tests.auth.cognito.conftest import own_app
from tests.auth.cognito.moto import Pool, free_port
from tests.helpers import PASSWORD, error_fields, sign_up, unique_email
from tests.mailbox import last_mail, outbox_of

WRONG = "not-the-password-1"


async def test_an_email_taken_in_the_pool_gets_the_same_answer_and_a_notice(
    client: httpx.AsyncClient, pool: Pool
) -> None:
    email = unique_email("taken")
    pool.tokens(email)  # signed up at the pool, never seen here
    response = await client.post("/api/auth/register", json={"email": email, "password": PASSWORD})
    assert response.status_code == 202
    assert response.json() == {"status": "confirmation-sent", "email": email}
    notice = last_mail(outbox_of(client), email)
    assert notice.subject == "Someone tried to create an account with your address"


async def test_an_email_taken_here_gets_the_same_answer_too(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    again = await client.post(
        "/api/auth/register", json={"email": account.email.upper(), "password": PASSWORD}
    )
    assert again.status_code == 202
    assert again.json() == {"status": "confirmation-sent", "email": account.email}
    assert "/verify-email/" not in last_mail(outbox_of(client), account.email).text


async def test_the_products_password_rules_apply_before_cognito(
    client: httpx.AsyncClient,
) -> None:
    response = await client.post(
        "/api/auth/register", json={"email": unique_email(), "password": "password123"}
    )
    assert response.status_code == 422
    assert error_fields(response) == ["password"]


async def test_the_pools_own_password_rules_name_the_password(
    cognito_settings: Callable[..., Settings], strict_pool: Pool
) -> None:
    async with own_app(cognito_settings(strict_pool)) as client:
        response = await client.post(
            "/api/auth/register", json={"email": unique_email(), "password": PASSWORD}
        )
    assert response.status_code == 422
    assert error_fields(response) == ["password"]


async def test_unknown_email_and_wrong_password_get_the_same_answer(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    wrong = await client.post("/api/auth/login", json={"email": account.email, "password": WRONG})
    unknown = await client.post(
        "/api/auth/login", json={"email": unique_email(), "password": WRONG}
    )
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()


async def test_repeated_failures_are_throttled(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    for _ in range(5):
        failed = await client.post(
            "/api/auth/login", json={"email": account.email, "password": WRONG}
        )
        assert failed.status_code == 401
    throttled = await client.post(
        "/api/auth/login", json={"email": account.email, "password": account.password}
    )
    assert throttled.status_code == 429
    assert int(throttled.headers["Retry-After"]) > 0


async def test_an_unknown_refresh_token_is_refused(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/auth/refresh", json={"refreshToken": "made-up"})
    assert response.status_code == 401


async def test_cognito_unreachable_is_503(cognito_settings: Callable[..., Settings]) -> None:
    nowhere = f"http://127.0.0.1:{free_port()}"
    async with own_app(cognito_settings(endpoint_url=nowhere)) as client:
        body = {"email": unique_email(), "password": PASSWORD}
        registered = await client.post("/api/auth/register", json=body)
        login = await client.post("/api/auth/login", json=body)
    for response in (registered, login):
        assert response.status_code == 503
        assert response.json()["error"]["code"] == "unavailable"
        assert "Retry-After" in response.headers


async def test_an_unconfirmed_sign_up_left_to_the_pool_is_503(
    cognito_settings: Callable[..., Settings],
) -> None:
    # This pool has no pre-sign-up Lambda, so `pool` confirmation leaves the user unconfirmed.
    async with own_app(cognito_settings(confirm_sign_up="pool")) as client:
        response = await client.post(
            "/api/auth/register", json={"email": unique_email(), "password": PASSWORD}
        )
    assert response.status_code == 503


async def test_a_client_with_a_secret_signs_every_call(
    cognito_settings: Callable[..., Settings], pool: Pool
) -> None:
    settings = cognito_settings(client_id=pool.secret_client_id, client_secret=pool.client_secret)
    async with own_app(settings) as client:
        account = await sign_up(client)
        renewed = await client.post(
            "/api/auth/refresh", json={"refreshToken": account.refresh_token}
        )
        assert renewed.status_code == 200, renewed.text
        # The username rides in the token handed out; Cognito checks the hash made from it.
        _, _, cognito_token = account.refresh_token.partition("~")
        someone_else = base64.urlsafe_b64encode(b"someone-else@example.com").decode()
        for forged in (cognito_token, f"{someone_else}~{cognito_token}"):
            refused = await client.post("/api/auth/refresh", json={"refreshToken": forged})
            assert refused.status_code == 401
        deleted = await client.request(
            "DELETE", "/api/account", json={"password": PASSWORD}, headers=account.headers
        )
        assert deleted.status_code == 204
