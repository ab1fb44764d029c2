"""The sign-up pages: "check your e-mail", send it again, and the link's states."""

from __future__ import annotations

import httpx
import pytest

from resumate.auth.repository import UserRepository
from tests.helpers import PASSWORD, sign_up, unique_email
from tests.mailbox import last_mail, link_token, outbox_of
from tests.pages import PageClient


async def signed_up_through_the_form(pages: PageClient, email: str, **extra: str) -> None:
    await pages.get("/signup" + (f"?next={extra['next']}" if "next" in extra else ""))
    response = await pages.post("/signup", data={"email": email, "password": PASSWORD} | extra)
    assert response.status_code == 200
    assert pages.last.template == "auth/check_email.html"


async def test_the_check_page_names_the_address_and_sends_again(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    email = unique_email()
    await signed_up_through_the_form(pages, email)
    assert pages.last.context["email"] == email
    assert pages.last.context["outbox"] is True  # the note for `make run`
    first = link_token(last_mail(outbox_of(client), email), "/verify-email/")
    again = await pages.post("/signup/resend", data={"email": email})
    assert again.status_code == 200
    assert pages.last.context["resent"] is True
    fresh = link_token(last_mail(outbox_of(client), email), "/verify-email/")
    assert fresh != first


async def test_sending_again_too_often_says_so_on_the_page(pages: PageClient) -> None:
    email = unique_email()
    await signed_up_through_the_form(pages, email)
    statuses = [
        (await pages.post("/signup/resend", data={"email": email})).status_code for _ in range(3)
    ]
    assert statuses == [200, 200, 429]
    assert pages.last.template == "auth/check_email.html"
    assert "Too many" in pages.last.context["error"]


async def test_a_spent_or_unknown_link_offers_a_new_one(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    for path in ("/verify-email/unknown", "/verify-email/" + "x" * 500):
        response = await pages.get(path)
        assert response.status_code == 400
        assert pages.last.context["state"] == "expired"
        assert response.headers["Referrer-Policy"] == "no-referrer"
    await pages.get("/signup")
    pressed = await pages.post("/verify-email/unknown")
    assert pressed.status_code == 400
    assert not pages.http.cookies.get("resumate_access")


async def test_a_second_confirmed_request_says_the_address_has_an_account(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    email = unique_email()
    await client.post("/api/auth/register", json={"email": email, "password": PASSWORD})
    late = link_token(last_mail(outbox_of(client), email), "/verify-email/")
    await sign_up(client, email=email)
    await pages.get(f"/verify-email/{late}")
    response = await pages.post(f"/verify-email/{late}")
    assert response.status_code == 409
    assert pages.last.context["state"] == "registered"


async def test_the_browser_that_signed_up_lands_where_it_was_going(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    email = unique_email()
    await signed_up_through_the_form(pages, email, next="/templates/executive")
    token = link_token(last_mail(outbox_of(client), email), "/verify-email/")
    confirmed = await pages.post(f"/verify-email/{token}")
    assert confirmed.headers["location"] == "/templates/executive"


async def test_a_foreign_next_is_never_followed(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    email = unique_email()
    await signed_up_through_the_form(pages, email, next="//evil.example/x")
    token = link_token(last_mail(outbox_of(client), email), "/verify-email/")
    confirmed = await pages.post(f"/verify-email/{token}")
    assert confirmed.headers["location"] == "/resumes"


async def test_a_link_confirmed_in_a_race_says_the_address_has_an_account(
    pages: PageClient, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    email = unique_email()
    await client.post("/api/auth/register", json={"email": email, "password": PASSWORD})
    late = link_token(last_mail(outbox_of(client), email), "/verify-email/")
    await sign_up(client, email=email)
    await pages.get(f"/verify-email/{late}")
    monkeypatch.setattr(UserRepository, "by_email", _nobody)
    response = await pages.post(f"/verify-email/{late}")
    assert response.status_code == 409
    assert pages.last.context["state"] == "registered"


async def _nobody(_self: UserRepository, _email: str) -> None:
    return None


async def test_the_forms_carry_the_csrf_token_for_browsers_without_scripts(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    email = unique_email()
    await pages.get("/signup")
    check = await pages.post("/signup", data={"email": email, "password": PASSWORD})
    token = link_token(last_mail(outbox_of(client), email), "/verify-email/")
    opened = await pages.get(f"/verify-email/{token}")
    expired = await pages.get("/verify-email/unknown")
    for page in (check, opened, expired):
        assert f'name="csrf_token" value="{pages.csrf}"' in page.text
    # Posted as a browser without scripts posts it: the field, no header.
    confirmed = await pages.http.post(f"/verify-email/{token}", data={"csrf_token": pages.csrf})
    assert confirmed.status_code == 303
