"""A change of address with Cognito: the pool's user moves with the account, verified."""

from __future__ import annotations

import httpx

from tests.auth.cognito.moto import Pool
from tests.helpers import Account, sign_up, unique_email
from tests.mailbox import last_mail, link_token, outbox_of

LINK = "/account/email/confirm/"


async def ask(client: httpx.AsyncClient, account: Account, email: str) -> httpx.Response:
    body = {"email": email, "password": account.password}
    return await client.post("/api/account/email", json=body, headers=account.headers)


async def confirm(client: httpx.AsyncClient, account: Account, token: str) -> httpx.Response:
    body = {"token": token}
    return await client.post("/api/account/email/confirm", json=body, headers=account.headers)


def attributes(pool: Pool, email: str) -> dict[str, str | None]:
    user = pool.idp().admin_get_user(UserPoolId=pool.pool_id, Username=email)
    return {a["Name"]: a.get("Value") for a in user["UserAttributes"]}


async def test_the_pool_user_moves_to_the_confirmed_address(
    client: httpx.AsyncClient, pool: Pool
) -> None:
    account = await sign_up(client)
    new = unique_email("moved")
    assert (await ask(client, account, new)).status_code == 202
    token = link_token(last_mail(outbox_of(client), new), LINK)

    confirmed = await confirm(client, account, token)

    assert confirmed.status_code == 200, confirmed.text
    assert confirmed.json()["email"] == new
    # The pool's user (moto finds it by the name it was made with) now has the new address,
    # verified, so the pool mails its reset codes there.
    moved = attributes(pool, account.email)
    assert (moved["email"], moved["email_verified"]) == (new, "true")
    me = await client.get("/api/auth/me", headers=account.headers)
    assert me.json()["email"] == new
    assert "changed" in last_mail(outbox_of(client), account.email).subject.lower()


async def test_a_wrong_password_moves_nothing(client: httpx.AsyncClient, pool: Pool) -> None:
    account = await sign_up(client)
    body = {"email": unique_email(), "password": "not-the-password-7"}
    asked = await client.post("/api/account/email", json=body, headers=account.headers)
    assert asked.status_code == 422
    assert attributes(pool, account.email)["email"] == account.email


async def test_an_address_taken_before_the_link_is_opened_moves_nothing(
    client: httpx.AsyncClient, pool: Pool
) -> None:
    account = await sign_up(client)
    new = unique_email("contested")
    assert (await ask(client, account, new)).status_code == 202
    token = link_token(last_mail(outbox_of(client), new), LINK)
    await sign_up(client, email=new)  # someone else signs up with it first

    confirmed = await confirm(client, account, token)

    assert confirmed.status_code == 409, confirmed.text
    assert attributes(pool, account.email)["email"] == account.email
    me = await client.get("/api/auth/me", headers=account.headers)
    assert me.json()["email"] == account.email
