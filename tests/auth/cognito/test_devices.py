"""With accounts in Cognito the devices cannot be listed one by one: the pages and API say so."""

from __future__ import annotations

import uuid

import httpx

from resumate.auth.devices.deps import NOT_WITH_COGNITO
from tests.helpers import sign_up
from tests.pages import PageClient


async def test_the_api_says_devices_are_not_listed_for_cognito_accounts(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    client.cookies.clear()
    for method, url in (
        ("GET", "/api/auth/sessions"),
        ("DELETE", f"/api/auth/sessions/{uuid.uuid4()}"),
    ):
        response = await client.request(method, url, headers=account.headers)
        assert response.status_code == 404, url
        assert response.json()["error"]["message"] == NOT_WITH_COGNITO
        assert (await client.request(method, url)).status_code == 401, url


async def test_the_page_explains_and_lists_nothing(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await sign_up(client)
    await pages.sign_in(account)
    response = await pages.get("/account/sessions")
    assert response.status_code == 200
    assert pages.last.context["sessions"] == []
    assert pages.last.context["unavailable"] == NOT_WITH_COGNITO
    assert "Sign out of all other devices" not in response.text
    assert (await pages.post("/account/sessions/sign-out-others")).status_code == 404
