"""Sign up, sign in and sign out pages: inline errors, no enumeration, CSRF on every form."""

from __future__ import annotations

import httpx
from fastapi import FastAPI

from tests.helpers import PASSWORD, sign_up, unique_email
from tests.mailbox import last_mail, link_token, outbox_of
from tests.pages import PageClient


async def test_home_is_public_and_sends_signed_in_users_to_their_resumes(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    response = await pages.get("/")
    assert response.status_code == 200
    assert pages.last.template == "home.html"
    account = await sign_up(client)
    await pages.sign_in(account)
    assert (await pages.get("/")).headers["location"] == "/resumes"


async def test_sign_up_mails_a_link_whose_confirm_button_signs_in(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    email = unique_email()
    await pages.get("/signup")
    response = await pages.post("/signup", data={"email": email, "password": PASSWORD})
    assert response.status_code == 200
    assert pages.last.template == "auth/check_email.html"
    assert pages.last.context["email"] == email
    assert not pages.http.cookies.get("resumate_access")
    token = link_token(last_mail(outbox_of(client), email), "/verify-email/")

    # Opening the link (as a mail scanner does) spends nothing: the button does.
    for _ in range(2):
        opened = await pages.get(f"/verify-email/{token}")
        assert opened.status_code == 200
        assert pages.last.context["state"] == "confirm"
        assert opened.headers["Referrer-Policy"] == "no-referrer"
    confirmed = await pages.post(f"/verify-email/{token}")
    assert confirmed.status_code == 303
    assert confirmed.headers["location"] == "/resumes"
    assert pages.http.cookies.get("resumate_access")

    again = await pages.get(f"/verify-email/{token}")
    assert again.status_code == 400
    assert pages.last.context["state"] == "expired"


async def test_sign_up_with_a_taken_email_shows_the_same_page(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await sign_up(client)
    await pages.get("/signup")
    taken = await pages.post("/signup", data={"email": account.email, "password": PASSWORD})
    taken_page = pages.last
    fresh = await pages.post("/signup", data={"email": unique_email(), "password": PASSWORD})
    assert taken.status_code == fresh.status_code == 200
    assert taken_page.template == pages.last.template == "auth/check_email.html"
    assert taken_page.context["email"] == account.email
    assert taken_page.context.keys() == pages.last.context.keys()
    notice = last_mail(outbox_of(client), account.email)
    assert notice.subject == "Someone tried to create an account with your address"


async def test_sign_up_with_a_weak_password_names_the_problem(pages: PageClient) -> None:
    await pages.get("/signup")
    response = await pages.post("/signup", data={"email": unique_email(), "password": "password1"})
    assert response.status_code == 422
    assert "password" in pages.last.context["errors"]


async def test_sign_up_with_a_malformed_email_names_the_field(pages: PageClient) -> None:
    await pages.get("/signup")
    response = await pages.post("/signup", data={"email": "not-an-email", "password": PASSWORD})
    assert response.status_code == 422
    assert pages.last.context["errors"]["email"].startswith("Enter an email address")


async def test_wrong_password_and_unknown_email_get_the_same_answer(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await sign_up(client)
    await pages.get("/login")
    wrong = await pages.post("/login", data={"email": account.email, "password": "nope-nope-1"})
    wrong_errors = pages.last.context["errors"]
    unknown = await pages.post("/login", data={"email": unique_email(), "password": "nope-nope-1"})
    assert wrong.status_code == unknown.status_code == 401
    assert (
        wrong_errors
        == pages.last.context["errors"]
        == {"form": "The email or password is not right."}
    )


async def test_sign_in_returns_to_the_page_asked_for_but_never_off_site(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await sign_up(client)
    await pages.get("/login")
    data = {"email": account.email, "password": account.password}
    away = await pages.post("/login", data=data | {"next": "//evil.example/x"})
    assert away.headers["location"] == "/resumes"
    back = await pages.post("/login", data=data | {"next": "/account"})
    assert back.headers["location"] == "/account"


async def test_forms_without_the_csrf_token_are_refused(pages: PageClient) -> None:
    await pages.get("/login")
    response = await pages.http.post("/login", data={"email": unique_email(), "password": PASSWORD})
    assert response.status_code == 403
    assert pages.last.template == "error.html"


async def test_sign_out_ends_this_devices_session(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await sign_up(client)
    await pages.sign_in(account)
    refresh = pages.http.cookies["resumate_refresh"]
    response = await pages.post("/logout")
    assert response.headers["location"].startswith("/login")
    renewed = await client.post("/api/auth/refresh", json={"refreshToken": refresh})
    assert renewed.status_code == 401


async def test_signed_out_visitors_are_sent_to_sign_in_from_private_pages(
    pages: PageClient,
) -> None:
    response = await pages.get("/account")
    assert response.status_code == 303
    assert response.headers["location"] == "/renew?next=%2Faccount"


async def test_unknown_pages_get_a_friendly_404(pages: PageClient) -> None:
    response = await pages.get("/no/such/page")
    assert response.status_code == 404
    assert pages.last.template == "error.html"
    assert pages.last.context["title"] == "We couldn't find that page"


async def test_another_sessions_csrf_token_planted_as_cookie_and_header_is_refused(
    app: FastAPI, pages: PageClient, client: httpx.AsyncClient
) -> None:
    """An attacker who can set cookies (a sibling subdomain, say) plants their own token."""
    attacker, victim = await sign_up(client), await sign_up(client)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as other:
        attacker_pages = PageClient(other, [])
        await attacker_pages.sign_in(attacker)
        planted = attacker_pages.csrf
    await pages.sign_in(victim)
    own = pages.csrf
    for token in (planted, "made-up.token", own.split(".")[0] + ".0123456789abcdef"):
        plant(pages, token)
        refused = await pages.http.post(
            "/logout", data={"csrf_token": token}, headers={"X-CSRF-Token": token}
        )
        assert refused.status_code == 403, token
    # The victim's own token, still bound to their session, works.
    plant(pages, own)
    assert (await pages.post("/logout")).status_code == 303


async def test_a_signed_in_page_replaces_a_token_made_for_no_session(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    await pages.get("/login")
    anonymous = pages.csrf
    account = await sign_up(client)
    await pages.sign_in(account)
    assert pages.csrf != anonymous
    plant(pages, anonymous)
    await pages.get("/account")  # the page sets a token for this session again
    assert pages.csrf != anonymous
    assert (await pages.post("/logout")).status_code == 303


def plant(pages: PageClient, token: str) -> None:
    """Replace the CSRF cookie, keeping the domain the server set it for."""
    domain = next(c.domain for c in pages.http.cookies.jar if c.name == "resumate_csrf")
    pages.http.cookies.delete("resumate_csrf")
    pages.http.cookies.set("resumate_csrf", token, domain=domain)


async def test_signing_out_of_the_pages_ends_the_access_token_at_once(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await sign_up(client)
    await pages.sign_in(account)
    access = pages.http.cookies["resumate_access"]
    other_device = await client.post(
        "/api/auth/login", json={"email": account.email, "password": account.password}
    )
    assert (await pages.post("/logout")).status_code == 303
    bearer = {"Authorization": f"Bearer {access}"}
    assert (await client.get("/api/auth/me", headers=bearer)).status_code == 401
    assert (await client.get("/api/resumes", headers=bearer)).status_code == 401
    client.cookies.set("resumate_access", access)
    assert (await client.get("/resumes")).status_code in (303, 307)
    client.cookies.clear()
    # Only this device: a session signed in elsewhere goes on.
    elsewhere = {"Authorization": f"Bearer {other_device.json()['accessToken']}"}
    assert (await client.get("/api/auth/me", headers=elsewhere)).status_code == 200
