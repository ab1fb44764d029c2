"""/api/auth/password-reset with local accounts, on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from datetime import timedelta

import httpx
from sqlalchemy import select, update

from resumate.auth.reset.models import PasswordReset
from resumate.db import utcnow
from tests.auth.reset.conftest import NEW_PASSWORD, ReadMail, ask, confirm, token_of
from tests.helpers import PASSWORD, AppParts, error_fields, sign_up, unique_email

MailedToken = Callable[[str], Awaitable[str]]


async def test_the_whole_reset_ends_every_old_session(
    client: httpx.AsyncClient, read_mail: ReadMail, context: AppParts
) -> None:
    account = await sign_up(client)
    assert (await ask(client, account.email)).status_code == 202

    [mail] = await read_mail(account.email)
    assert mail.subject == "Reset your Resumate password"
    assert mail.link.startswith(f"{context.settings.site_url}/reset/")
    assert mail.html is not None
    assert mail.link in mail.html
    assert (await confirm(client, token_of(mail))).status_code == 204

    assert (await client.get("/api/auth/me", headers=account.headers)).status_code == 401
    renewed = await client.post("/api/auth/refresh", json={"refreshToken": account.refresh_token})
    assert renewed.status_code == 401
    old = await client.post("/api/auth/login", json={"email": account.email, "password": PASSWORD})
    assert old.status_code == 401
    new = await client.post(
        "/api/auth/login", json={"email": account.email, "password": NEW_PASSWORD}
    )
    assert new.status_code == 200


async def test_an_unknown_address_gets_the_same_answer_and_no_mail(
    client: httpx.AsyncClient, read_mail: ReadMail
) -> None:
    account = await sign_up(client)
    stranger = unique_email("nobody")

    known, unknown = await ask(client, account.email), await ask(client, stranger)

    assert (known.status_code, known.content) == (unknown.status_code, unknown.content)
    assert known.headers.keys() == unknown.headers.keys()
    assert await read_mail(stranger) == []


async def test_a_link_works_once(client: httpx.AsyncClient, mailed_token: MailedToken) -> None:
    account = await sign_up(client)
    token = await mailed_token(account.email)

    assert (await confirm(client, token)).status_code == 204
    again = await confirm(client, token, "another-fresh-password-19")
    assert again.status_code == 400
    assert again.json()["error"]["code"] == "reset_link_invalid"
    assert error_fields(again) == ["token"]


async def test_a_wrong_token_names_the_field(client: httpx.AsyncClient) -> None:
    response = await confirm(client, "not-a-token-anyone-was-sent")
    assert response.status_code == 400
    assert error_fields(response) == ["token"]


async def test_a_link_expires(
    client: httpx.AsyncClient, mailed_token: MailedToken, context: AppParts
) -> None:
    account = await sign_up(client)
    token = await mailed_token(account.email)
    async with context.sessionmaker.begin() as session:
        await session.execute(
            update(PasswordReset).values(expires_at=utcnow() - timedelta(seconds=1))
        )

    assert (await confirm(client, token)).status_code == 400
    login = await client.post(
        "/api/auth/login", json={"email": account.email, "password": PASSWORD}
    )
    assert login.status_code == 200


async def test_links_last_at_most_thirty_minutes_and_are_stored_hashed(
    client: httpx.AsyncClient, mailed_token: MailedToken, context: AppParts
) -> None:
    account = await sign_up(client)
    token = await mailed_token(account.email)
    async with context.sessionmaker() as session:
        [reset] = (await session.scalars(select(PasswordReset))).all()

    assert reset.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in (reset.token_hash, reset.password_fingerprint)
    assert reset.expires_at - reset.created_at == timedelta(minutes=30)


async def test_a_newer_link_replaces_the_older_one(
    client: httpx.AsyncClient, mailed_token: MailedToken
) -> None:
    account = await sign_up(client)
    first = await mailed_token(account.email)
    second = await mailed_token(account.email)

    assert first != second
    assert (await confirm(client, first)).status_code == 400
    assert (await confirm(client, second)).status_code == 204


async def test_changing_the_password_otherwise_voids_the_link(
    client: httpx.AsyncClient, mailed_token: MailedToken
) -> None:
    account = await sign_up(client)
    token = await mailed_token(account.email)
    changed = await client.post(
        "/api/account/password",
        json={"currentPassword": PASSWORD, "newPassword": "changed-it-myself-31"},
        headers=account.headers,
    )
    assert changed.status_code == 200, changed.text

    assert (await confirm(client, token)).status_code == 400


async def test_a_weak_password_is_named_and_leaves_the_link_usable(
    client: httpx.AsyncClient, mailed_token: MailedToken
) -> None:
    account = await sign_up(client)
    token = await mailed_token(account.email)

    weak = await confirm(client, token, "password1")
    assert weak.status_code == 422
    assert error_fields(weak) == ["password"]
    same_as_email = await confirm(client, token, account.email)
    assert error_fields(same_as_email) == ["password"]
    assert (await confirm(client, token)).status_code == 204


async def test_malformed_bodies_name_their_fields(client: httpx.AsyncClient) -> None:
    asked = await client.post("/api/auth/password-reset", json={"email": "not-an-address"})
    assert (asked.status_code, error_fields(asked)) == (422, ["email"])
    confirmed = await client.post(
        "/api/auth/password-reset/confirm", json={"token": "", "password": NEW_PASSWORD}
    )
    assert (confirmed.status_code, error_fields(confirmed)) == (422, ["token"])
    extra = await client.post(
        "/api/auth/password-reset", json={"email": "a@example.com", "userId": "x"}
    )
    assert extra.status_code == 422


async def test_the_link_uses_the_site_address_not_the_host_header(
    client: httpx.AsyncClient, read_mail: ReadMail, context: AppParts
) -> None:
    account = await sign_up(client)
    await ask(client, account.email, headers={"Host": "evil.example", "X-Forwarded-Host": "evil"})

    [mail] = await read_mail(account.email)
    assert mail.link.startswith(context.settings.site_url + "/reset/")
    assert "evil" not in mail.text


async def test_the_token_decides_the_account_not_the_session(
    client: httpx.AsyncClient, mailed_token: MailedToken
) -> None:
    owner, other = await sign_up(client), await sign_up(client)
    token = await mailed_token(owner.email)

    response = await client.post(
        "/api/auth/password-reset/confirm",
        json={"token": token, "password": NEW_PASSWORD},
        headers=other.headers,
    )
    assert response.status_code == 204
    assert (await client.get("/api/auth/me", headers=other.headers)).status_code == 200
    assert (await client.get("/api/auth/me", headers=owner.headers)).status_code == 401
    other_login = await client.post(
        "/api/auth/login", json={"email": other.email, "password": PASSWORD}
    )
    assert other_login.status_code == 200


async def test_a_reset_clears_the_accounts_sign_in_lockout(
    client: httpx.AsyncClient, mailed_token: MailedToken, context: AppParts
) -> None:
    account = await sign_up(client)
    for _ in range(context.settings.auth.throttle_per_account):
        wrong = {"email": account.email, "password": "not-the-password-at-all"}
        await client.post("/api/auth/login", json=wrong)
    locked = {"email": account.email, "password": PASSWORD}
    assert (await client.post("/api/auth/login", json=locked)).status_code == 429

    assert (await confirm(client, await mailed_token(account.email))).status_code == 204
    fresh = {"email": account.email, "password": NEW_PASSWORD}
    assert (await client.post("/api/auth/login", json=fresh)).status_code == 200
