"""The sessions page: the devices signed in, each signed out with one button."""

from __future__ import annotations

import uuid

import httpx

from resumate.auth.devices.service import DeviceSessionView
from tests.auth.devices.devices import WINDOWS_CHROME, bearer, second_device
from tests.helpers import Account, sign_up
from tests.pages import PageClient

PAGE = "/account/sessions"


async def signed_in_twice(pages: PageClient, client: httpx.AsyncClient) -> tuple[Account, Account]:
    """The pages signed in from Windows, and the same account on an iPhone through the API."""
    account = await sign_up(client)
    client.cookies.clear()
    pages.http.headers["User-Agent"] = WINDOWS_CHROME
    await pages.sign_in(account)
    return account, await second_device(client, account)


def shown(pages: PageClient) -> list[DeviceSessionView]:
    assert pages.last.template == "account/sessions.html"
    sessions: list[DeviceSessionView] = pages.last.context["sessions"]
    return sessions


async def test_the_page_lists_every_device_this_one_first(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    await signed_in_twice(pages, client)
    response = await pages.get(PAGE)
    assert response.status_code == 200
    sessions = shown(pages)
    # The account was signed up through the API too: that session is listed as well.
    assert [(s.device.label, s.current) for s in sessions] == [
        ("Chrome on Windows", True),
        ("Safari on iOS", False),
        ("python-httpx", False),
    ]
    assert pages.last.context["others"] == 2
    assert "This device" in response.text
    assert "Safari on iOS" in response.text
    assert "IP address 127.0.0.1" in response.text


async def test_the_account_page_links_to_the_devices(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    await signed_in_twice(pages, client)
    response = await pages.get("/account")
    assert 'href="/account/sessions"' in response.text


async def test_signing_out_another_device_ends_it_at_once(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    _, iphone = await signed_in_twice(pages, client)
    await pages.get(PAGE)
    other = next(s for s in shown(pages) if s.device.label == "Safari on iOS")
    response = await pages.post(f"{PAGE}/{other.id}/sign-out")
    assert response.status_code == 303
    assert response.headers["location"] == f"{PAGE}?ended=1"
    assert (
        await client.get("/api/auth/me", headers=bearer(iphone.access_token))
    ).status_code == 401
    await pages.get(response.headers["location"])
    assert pages.last.context["note"] == "Signed out of 1 device."
    assert "Safari on iOS" not in [s.device.label for s in shown(pages)]


async def test_signing_out_this_device_signs_this_browser_out(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    _, iphone = await signed_in_twice(pages, client)
    await pages.get(PAGE)
    this = next(s for s in shown(pages) if s.current)
    access = pages.http.cookies["resumate_access"]
    response = await pages.post(f"{PAGE}/{this.id}/sign-out")
    assert response.status_code == 303
    assert response.headers["location"] == "/login?signed_out=1"
    assert "resumate_access" not in pages.http.cookies
    assert (await client.get("/api/auth/me", headers=bearer(access))).status_code == 401
    assert (await client.get("/api/auth/me", headers=bearer(iphone.access_token))).is_success


async def test_signing_out_every_other_device_keeps_this_one(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account, iphone = await signed_in_twice(pages, client)
    response = await pages.post(f"{PAGE}/sign-out-others")
    assert response.headers["location"] == f"{PAGE}?ended=2"
    for token in (account.access_token, iphone.access_token):
        assert (await client.get("/api/auth/me", headers=bearer(token))).status_code == 401
    await pages.get(response.headers["location"])
    assert [s.current for s in shown(pages)] == [True]
    assert pages.last.context["note"] == "Signed out of 2 devices."
    assert pages.last.context["others"] == 0


async def test_another_accounts_device_is_not_found_and_stays_signed_in(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    await signed_in_twice(pages, client)
    stranger = await sign_up(client)
    client.cookies.clear()
    theirs = (await client.get("/api/auth/sessions", headers=stranger.headers)).json()[0]["id"]
    for session_id in (theirs, str(uuid.uuid4())):
        response = await pages.post(f"{PAGE}/{session_id}/sign-out")
        assert response.status_code == 404, session_id
        assert pages.last.context["error"] == "No such session: it may have ended already."
    assert (await client.get("/api/auth/me", headers=stranger.headers)).is_success


async def test_signed_out_visitors_are_sent_to_sign_in(pages: PageClient) -> None:
    response = await pages.get(PAGE)
    assert response.status_code == 303
    assert response.headers["location"] == "/renew?next=%2Faccount%2Fsessions"
    await pages.get("/login")
    for url in (f"{PAGE}/{uuid.uuid4()}/sign-out", f"{PAGE}/sign-out-others"):
        assert (await pages.post(url)).status_code == 401, url


async def test_the_forms_refuse_a_missing_csrf_token(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    _, iphone = await signed_in_twice(pages, client)
    await pages.get(PAGE)
    other = next(s for s in shown(pages) if s.device.label == "Safari on iOS")
    for url in (f"{PAGE}/{other.id}/sign-out", f"{PAGE}/sign-out-others"):
        assert (await pages.http.post(url)).status_code == 403, url
    assert (await client.get("/api/auth/me", headers=bearer(iphone.access_token))).is_success
