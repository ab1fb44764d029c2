"""With accounts in Cognito, passkeys are not offered: their routes say so with a 404."""

from __future__ import annotations

import httpx

from tests.helpers import sign_up
from tests.pages import PageClient

API = "/api/auth/passkeys"


async def test_passkey_routes_answer_that_cognito_keeps_sign_in(client: httpx.AsyncClient) -> None:
    headers = (await sign_up(client)).headers
    for response in (
        await client.get(API, headers=headers),
        await client.post(f"{API}/registration/options", headers=headers),
        await client.post(f"{API}/authentication/options"),
    ):
        assert response.status_code == 404, response.request.url
        assert "Cognito" in response.json()["error"]["message"]


async def test_the_pages_offer_no_passkeys(pages: PageClient, client: httpx.AsyncClient) -> None:
    login = await pages.get("/login")
    assert not pages.last.context["passkeys"].shown
    assert "passkey" not in login.text.casefold()


async def test_the_account_page_has_no_passkeys_section(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await sign_up(client)
    await pages.sign_in(account)
    page = await pages.get("/account")
    assert page.status_code == 200
    assert not pages.last.context["passkeys"].shown
    assert "passkey" not in page.text.casefold()
