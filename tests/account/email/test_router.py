"""/api/account/email: a link to the new address, a notice to the old, one answer either way."""

from __future__ import annotations

import httpx

from tests.helpers import Account, error_fields, sign_up, unique_email
from tests.mailbox import last_mail, link_token, outbox_of, take_mail

LINK = "/account/email/confirm/"


async def ask(client: httpx.AsyncClient, account: Account, email: str) -> httpx.Response:
    return await client.post(
        "/api/account/email",
        json={"email": email, "password": account.password},
        headers=account.headers,
    )


async def confirm(client: httpx.AsyncClient, account: Account, token: str) -> httpx.Response:
    return await client.post(
        "/api/account/email/confirm", json={"token": token}, headers=account.headers
    )


async def test_the_new_address_confirms_and_the_old_one_is_told(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    new = unique_email("moved")
    asked = await ask(client, account, new.upper())
    assert asked.status_code == 202
    assert asked.json() == {"status": "confirmation-sent", "email": new}
    changing = last_mail(outbox_of(client), account.email)
    assert changing.subject == "Your Resumate address is being changed"
    assert new not in changing.text  # masked: n…@example.com
    assert f"{new[0]}…@example.com" in changing.text

    token = link_token(last_mail(outbox_of(client), new), LINK)
    confirmed = await confirm(client, account, token)
    assert confirmed.status_code == 200
    assert confirmed.json()["email"] == new
    # The session carries on, on the new address.
    me = await client.get("/api/auth/me", headers=account.headers)
    assert me.json()["email"] == new
    changed = last_mail(outbox_of(client), account.email)
    assert changed.subject == "Your Resumate address was changed"
    old = await client.post(
        "/api/auth/login", json={"email": account.email, "password": account.password}
    )
    assert old.status_code == 401
    moved = await client.post("/api/auth/login", json={"email": new, "password": account.password})
    assert moved.status_code == 200
    assert (await confirm(client, account, token)).status_code == 400


async def test_a_taken_address_gets_the_same_answer_and_no_link(
    client: httpx.AsyncClient,
) -> None:
    account, other = await sign_up(client), await sign_up(client)
    taken = await ask(client, account, other.email)
    free = await ask(client, account, unique_email())
    assert taken.status_code == free.status_code == 202
    assert taken.json() == {"status": "confirmation-sent", "email": other.email}
    told = last_mail(outbox_of(client), other.email)
    assert told.subject == "Someone tried to move an account to your address"
    assert LINK not in told.text
    assert len(take_mail(outbox_of(client), account.email)) == 2  # one notice per request


async def test_the_password_and_a_new_address_are_required(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    wrong = await client.post(
        "/api/account/email",
        json={"email": unique_email(), "password": "not-the-password-1"},
        headers=account.headers,
    )
    assert wrong.status_code == 422
    assert error_fields(wrong) == ["password"]
    same = await ask(client, account, account.email)
    assert same.status_code == 422
    assert error_fields(same) == ["email"]


async def test_both_routes_need_a_session(client: httpx.AsyncClient) -> None:
    asked = await client.post(
        "/api/account/email", json={"email": unique_email(), "password": "whatever-1"}
    )
    confirmed = await client.post("/api/account/email/confirm", json={"token": "x"})
    assert asked.status_code == confirmed.status_code == 401


async def test_another_accounts_link_is_not_found_and_stays_usable(
    client: httpx.AsyncClient,
) -> None:
    owner, stranger = await sign_up(client), await sign_up(client)
    new = unique_email("moved")
    await ask(client, owner, new)
    token = link_token(last_mail(outbox_of(client), new), LINK)
    refused = await confirm(client, stranger, token)
    assert refused.status_code == 404
    me = await client.get("/api/auth/me", headers=stranger.headers)
    assert me.json()["email"] == stranger.email
    assert (await confirm(client, owner, token)).status_code == 200


async def test_an_address_taken_after_the_link_went_is_a_conflict(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    new = unique_email("moved")
    await ask(client, account, new)
    token = link_token(last_mail(outbox_of(client), new), LINK)
    await sign_up(client, email=new)
    response = await confirm(client, account, token)
    assert response.status_code == 409
    assert error_fields(response) == ["email"]
    me = await client.get("/api/auth/me", headers=account.headers)
    assert me.json()["email"] == account.email


async def test_a_sign_up_link_does_not_change_an_address(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    email = unique_email()
    await client.post("/api/auth/register", json={"email": email, "password": account.password})
    token = link_token(last_mail(outbox_of(client), email), "/verify-email/")
    response = await confirm(client, account, token)
    assert response.status_code == 400
    assert error_fields(response) == ["token"]
