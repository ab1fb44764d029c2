"""The code step of signing in, with "Use a passkey": its offer, its options, its answer."""

from __future__ import annotations

import json
from typing import Any

import httpx

from resumate.auth.twofactor.signin import WRONG_PASSKEY
from tests.auth.passkeys.helpers import register
from tests.auth.twofactor.flows import Enrolled, enrolled
from tests.auth.twofactor.test_pages import PENDING, password_page_step
from tests.auth.webauthn_client import SoftAuthenticator, b64url
from tests.pages import PageClient

OPTIONS = "/login/two-step/passkey"
NAMED = httpx.URL("http://localhost:8000")


async def at_the_code_step(
    pages: PageClient, client: httpx.AsyncClient, *, passkey: bool = True
) -> tuple[Enrolled, SoftAuthenticator | None]:
    """An account with two-step on (and a passkey), past its password on the pages."""
    person = await enrolled(client)
    authenticator = (await register(client, person.account))[0] if passkey else None
    await password_page_step(pages, person.account, next="/account")
    return person, authenticator


async def page_options(pages: PageClient) -> httpx.Response:
    """What the page's script asks for, as `Resumate.request` sends it."""
    return await pages.http.post(OPTIONS, headers={"X-CSRF-Token": pages.csrf})


async def answered(pages: PageClient, authenticator: SoftAuthenticator) -> dict[str, Any]:
    response = await page_options(pages)
    assert response.status_code == 200, response.text
    return authenticator.get(response.json()["publicKey"])


async def test_the_code_step_offers_a_passkey_that_signs_in(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    pages.http.base_url = NAMED
    person, authenticator = await at_the_code_step(pages, client)
    assert authenticator is not None
    page = await pages.get("/login/two-step?next=%2Faccount")
    assert page.status_code == 200
    assert pages.last.context["passkey"] is True
    assert "Use a passkey" in page.text
    assert "js/two-step-passkey.js" in page.text
    assert 'name="code" type="text"' in page.text  # the app's code still works without it

    options = await page_options(pages)
    assert options.status_code == 200
    allowed = options.json()["publicKey"]["allowCredentials"]
    assert [item["id"] for item in allowed] == [b64url(authenticator.credential_id)]
    credential = authenticator.get(options.json()["publicKey"])
    signed_in = await pages.post(
        "/login/two-step",
        data={"code": json.dumps(credential), "method": "passkey", "next": "/account"},
    )
    assert signed_in.status_code == 303, signed_in.text
    assert signed_in.headers["location"] == "/account"
    assert "resumate_access" in pages.http.cookies
    assert PENDING not in pages.http.cookies
    assert (await pages.get("/account")).status_code == 200
    assert pages.last.context["user"].email == person.account.email


async def test_no_passkey_offered_without_one_or_where_passkeys_cannot_work(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    pages.http.base_url = NAMED
    await at_the_code_step(pages, client, passkey=False)
    page = await pages.get("/login/two-step")
    assert pages.last.context["passkey"] is False
    assert "Use a passkey" not in page.text
    assert "two-step-passkey.js" not in page.text
    missing = await page_options(pages)
    assert missing.status_code == 404
    assert "no passkey" in missing.json()["error"]["message"]

    # At an IP address browsers make no passkeys: the app's code is all the page offers.
    pages.http.cookies.clear()
    pages.http.base_url = httpx.URL("http://127.0.0.1:8000")
    await at_the_code_step(pages, client)
    page = await pages.get("/login/two-step")
    assert pages.last.context["passkey"] is False
    assert "Use a passkey" not in page.text


async def test_the_options_need_the_csrf_token_and_a_pending_sign_in(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    pages.http.base_url = NAMED
    await at_the_code_step(pages, client)
    forged = await pages.http.post(OPTIONS, headers={"X-CSRF-Token": "forged.token"})
    assert forged.status_code == 403
    assert (await pages.http.post(OPTIONS)).status_code == 403
    pages.http.cookies.delete(PENDING)
    gone = await page_options(pages)
    assert gone.status_code == 401
    assert gone.json()["error"]["message"].startswith("This sign-in has expired.")


async def test_a_refused_passkey_is_said_on_the_code_step(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    pages.http.base_url = NAMED
    person, _ = await at_the_code_step(pages, client)
    stranger = SoftAuthenticator()  # holds no passkey of this account
    credential = await answered(pages, stranger)
    refused = await pages.post(
        "/login/two-step",
        data={"code": json.dumps(credential), "method": "passkey", "next": "/account"},
    )
    assert refused.status_code == 422
    assert pages.last.template == "auth/two_step.html"
    assert pages.last.context["errors"] == {"form": WRONG_PASSKEY}
    assert pages.last.context["method"] == "totp"
    assert pages.last.context["passkey"] is True
    assert PENDING in pages.http.cookies
    signed_in = await pages.post("/login/two-step", data={"code": person.code()})
    assert signed_in.status_code == 303
