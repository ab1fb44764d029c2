"""The change-of-address pages: the form on the account page, the link's Confirm button."""

from __future__ import annotations

import uuid

import httpx
import pytest

from resumate.auth.models import User
from resumate.auth.repository import UserRepository
from tests.helpers import AppParts, sign_up, unique_email
from tests.mailbox import last_mail, link_token, outbox_of
from tests.pages import PageClient

LINK = "/account/email/confirm/"


async def test_the_account_page_offers_the_change(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    await pages.sign_in(await sign_up(client))
    response = await pages.get("/account")
    assert response.status_code == 200
    assert 'action="/account/email"' in response.text


async def test_asking_shows_where_the_link_went_and_the_button_confirms(
    pages: PageClient, client: httpx.AsyncClient, context: AppParts
) -> None:
    account = await sign_up(client)
    await pages.sign_in(account)
    new = unique_email("moved")
    asked = await pages.post("/account/email", data={"email": new, "password": account.password})
    assert asked.status_code == 200
    assert pages.last.template == "account/email.html"
    assert pages.last.context["sent_to"] == new
    token = link_token(last_mail(outbox_of(client), new), LINK)

    for _ in range(2):  # looking spends nothing
        opened = await pages.get(f"{LINK}{token}")
        assert opened.status_code == 200
        assert pages.last.context["state"] == "confirm"
        assert opened.headers["Referrer-Policy"] == "no-referrer"
    # The form carries its token, for browsers without scripts.
    assert f'name="csrf_token" value="{pages.csrf}"' in opened.text
    confirmed = await pages.post(f"{LINK}{token}")
    assert confirmed.status_code == 303
    assert confirmed.headers["location"] == "/account/email?changed=1"
    async with context.sessionmaker() as session:
        user = await session.get(User, uuid.UUID(account.user_id))
    assert user is not None
    assert user.email == new
    assert (await pages.get("/account/email?changed=1")).status_code == 200
    assert pages.last.context["changed"] is True


async def test_a_wrong_password_is_named_on_the_change_page(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    await pages.sign_in(await sign_up(client))
    response = await pages.post(
        "/account/email", data={"email": unique_email(), "password": "not-my-password-1"}
    )
    assert response.status_code == 422
    assert pages.last.template == "account/email.html"
    assert pages.last.context["errors"] == {"password": "The password is not right."}


async def test_the_link_asks_a_signed_out_visitor_to_sign_in_first(pages: PageClient) -> None:
    response = await pages.get(f"{LINK}some-token")
    assert response.status_code == 303
    # Through the session renewal stop, which sends a visitor with none on to sign in.
    assert response.headers["location"] == "/renew?next=%2Faccount%2Femail%2Fconfirm%2Fsome-token"


async def test_another_accounts_link_says_so(pages: PageClient, client: httpx.AsyncClient) -> None:
    owner = await sign_up(client)
    new = unique_email("moved")
    await client.post(
        "/api/account/email",
        json={"email": new, "password": owner.password},
        headers=owner.headers,
    )
    token = link_token(last_mail(outbox_of(client), new), LINK)
    await pages.sign_in(await sign_up(client))
    opened = await pages.get(f"{LINK}{token}")
    assert opened.status_code == 404
    assert pages.last.context["state"] == "foreign"
    pressed = await pages.post(f"{LINK}{token}")
    assert pressed.status_code == 404


async def test_the_form_needs_its_csrf_token(pages: PageClient, client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    await pages.sign_in(account)
    response = await pages.http.post(
        "/account/email", data={"email": unique_email(), "password": account.password}
    )
    assert response.status_code == 403


async def test_an_address_taken_in_a_race_says_so_and_keeps_the_session(
    pages: PageClient, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = await sign_up(client)
    await pages.sign_in(account)
    new = unique_email("moved")
    await pages.post("/account/email", data={"email": new, "password": account.password})
    token = link_token(last_mail(outbox_of(client), new), LINK)
    await sign_up(client, email=new)
    await pages.get(f"{LINK}{token}")
    monkeypatch.setattr(UserRepository, "by_email", _nobody)
    response = await pages.post(f"{LINK}{token}")
    assert response.status_code == 409
    assert pages.last.context["state"] == "taken"
    monkeypatch.undo()
    assert (await pages.get("/account")).status_code == 200
    assert pages.last.context["user"].email == account.email


async def _nobody(_self: UserRepository, _email: str) -> None:
    return None


async def test_the_change_page_needs_a_session(pages: PageClient) -> None:
    shown = await pages.get("/account/email")
    assert shown.status_code == 303
    await pages.get("/login")
    posted = await pages.post("/account/email", data={"email": unique_email(), "password": "x"})
    assert posted.status_code == 401
    pressed = await pages.post(f"{LINK}some-token")
    assert pressed.status_code == 401
