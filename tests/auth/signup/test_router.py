"""/api/auth/register, /register/resend, /verify-email: no account until the link is used."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from sqlalchemy import func, select, update

from resumate.auth.models import User
from resumate.auth.repository import UserRepository
from resumate.auth.signup.models import EmailConfirmation
from resumate.db import utcnow
from tests.helpers import PASSWORD, AppParts, error_fields, sign_up, unique_email
from tests.mailbox import last_mail, link_token, outbox_of, take_mail

OTHER_PASSWORD = "copper-kettle-meadow-58"


async def register(client: httpx.AsyncClient, email: str, password: str = PASSWORD) -> str:
    """Register and return the mailed link's token."""
    response = await client.post("/api/auth/register", json={"email": email, "password": password})
    assert response.status_code == 202, response.text
    return link_token(last_mail(outbox_of(client), email), "/verify-email/")


async def verify(client: httpx.AsyncClient, token: str) -> httpx.Response:
    return await client.post("/api/auth/verify-email", json={"token": token})


async def test_registering_makes_no_account_and_keeps_no_secret_in_the_clear(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    email = unique_email()
    token = await register(client, email)
    async with context.sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(User)) == 0
        request = await session.scalar(select(EmailConfirmation))
    assert request is not None
    assert request.email == email
    assert request.password_hash is not None
    assert request.password_hash.startswith("$argon2id$")
    assert token not in request.token_hash
    assert len(request.token_hash) == 64
    assert request.expires_at - request.created_at <= timedelta(hours=24)


async def test_a_link_works_once(client: httpx.AsyncClient) -> None:
    token = await register(client, unique_email())
    assert (await verify(client, token)).status_code == 201
    again = await verify(client, token)
    assert again.status_code == 400
    assert error_fields(again) == ["token"]


async def test_unknown_and_malformed_tokens_are_refused_naming_the_token(
    client: httpx.AsyncClient,
) -> None:
    unknown = await verify(client, "no-such-token")
    assert unknown.status_code == 400
    assert error_fields(unknown) == ["token"]
    too_long = await verify(client, "x" * 129)
    assert too_long.status_code == 422
    assert error_fields(too_long) == ["token"]


async def test_an_expired_link_is_refused(client: httpx.AsyncClient, context: AppParts) -> None:
    token = await register(client, unique_email())
    async with context.sessionmaker.begin() as session:
        await session.execute(
            update(EmailConfirmation).values(expires_at=utcnow() - timedelta(seconds=1))
        )
    response = await verify(client, token)
    assert response.status_code == 400
    assert error_fields(response) == ["token"]


async def test_a_sign_up_with_someone_elses_address_cannot_own_the_account(
    client: httpx.AsyncClient,
) -> None:
    email = unique_email("victim")
    attackers = await register(client, email, OTHER_PASSWORD)
    owners = await register(client, email, PASSWORD)
    assert (await verify(client, owners)).status_code == 201
    # The attacker's request, even confirmed from the inbox, creates nothing.
    late = await verify(client, attackers)
    assert late.status_code == 409
    assert error_fields(late) == ["email"]
    wrong = await client.post("/api/auth/login", json={"email": email, "password": OTHER_PASSWORD})
    assert wrong.status_code == 401
    right = await client.post("/api/auth/login", json={"email": email, "password": PASSWORD})
    assert right.status_code == 200


async def test_each_request_carries_its_own_password(client: httpx.AsyncClient) -> None:
    email = unique_email()
    first = await register(client, email, OTHER_PASSWORD)
    await register(client, email, PASSWORD)
    assert (await verify(client, first)).status_code == 201
    login = await client.post("/api/auth/login", json={"email": email, "password": OTHER_PASSWORD})
    assert login.status_code == 200


async def test_sending_again_mails_a_fresh_link_for_a_waiting_sign_up(
    client: httpx.AsyncClient,
) -> None:
    email = unique_email()
    first = await register(client, email)
    resent = await client.post("/api/auth/register/resend", json={"email": email})
    assert resent.status_code == 202
    assert resent.json() == {"status": "confirmation-sent", "email": email}
    fresh = link_token(last_mail(outbox_of(client), email), "/verify-email/")
    assert fresh != first
    assert (await verify(client, fresh)).status_code == 201


async def test_sending_again_answers_alike_for_any_address(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    nobody = unique_email("nobody")
    for email in (account.email, nobody):
        response = await client.post("/api/auth/register/resend", json={"email": email})
        assert response.status_code == 202
        assert response.json() == {"status": "confirmation-sent", "email": email}
    assert take_mail(outbox_of(client), nobody) == []
    notice = last_mail(outbox_of(client), account.email)
    assert notice.subject == "Someone tried to create an account with your address"


async def test_requests_for_one_address_are_throttled(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    email = unique_email()
    body = {"email": email, "password": PASSWORD}
    for _ in range(context.settings.auth.mail_per_email):
        assert (await client.post("/api/auth/register", json=body)).status_code == 202
    refused = await client.post("/api/auth/register/resend", json={"email": email})
    assert refused.status_code == 429
    assert 0 < int(refused.headers["Retry-After"]) <= context.settings.auth.throttle_window_seconds
    assert len(take_mail(outbox_of(client), email)) == context.settings.auth.mail_per_email


async def test_requests_from_one_client_are_throttled(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    for _ in range(context.settings.auth.mail_per_client):
        resent = await client.post("/api/auth/register/resend", json={"email": unique_email()})
        assert resent.status_code == 202
    body = {"email": unique_email(), "password": PASSWORD}
    refused = await client.post("/api/auth/register", json=body)
    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) > 0


async def test_a_weak_password_is_named_before_anything_is_sent(
    client: httpx.AsyncClient,
) -> None:
    email = unique_email()
    response = await client.post(
        "/api/auth/register", json={"email": email, "password": "password123"}
    )
    assert response.status_code == 422
    assert error_fields(response) == ["password"]
    assert take_mail(outbox_of(client), email) == []


async def test_two_links_confirmed_at_once_make_one_account(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    email = unique_email()
    first = await register(client, email)
    second = await register(client, email, OTHER_PASSWORD)
    assert (await verify(client, first)).status_code == 201
    # As if both had looked before either wrote: the unique address decides.
    monkeypatch.setattr(UserRepository, "by_email", _nobody)
    late = await verify(client, second)
    assert late.status_code == 409
    assert error_fields(late) == ["email"]


async def _nobody(_self: UserRepository, _email: str) -> None:
    return None
