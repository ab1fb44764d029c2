"""Over HTTPS the session cookies are __Host- cookies, and plain ones are not believed."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from resumate.web.host_cookies import incoming, outgoing
from tests.helpers import AppParts, sign_up
from tests.pages import PageClient


def test_incoming_cookies_keep_ours_only_when_prefixed() -> None:
    header = "__Host-resumate_access=A; resumate_access=PLANTED; theme=dark; resumate_csrf=X"
    assert incoming(header) == "resumate_access=A; theme=dark"


def test_outgoing_cookies_of_ours_get_the_prefix_secure_and_root_path() -> None:
    sent = outgoing("resumate_refresh=R; HttpOnly; Max-Age=60; Path=/; SameSite=strict")
    assert (
        sent == "__Host-resumate_refresh=R; HttpOnly; Max-Age=60; SameSite=strict; Path=/; Secure"
    )
    assert outgoing("other=1; Path=/") == "other=1; Path=/; Secure"


@pytest.fixture
async def https_pages(app: FastAPI, context: AppParts) -> AsyncIterator[PageClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as http:
        yield PageClient(http, [])


async def test_signing_in_over_https_sets_host_only_secure_cookies_that_work(
    https_pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await sign_up(client)
    await https_pages.get("/login")
    assert set(https_pages.http.cookies) == {"__Host-resumate_csrf"}
    response = await https_pages.http.post(
        "/login",
        data={
            "email": account.email,
            "password": account.password,
            "csrf_token": https_pages.http.cookies["__Host-resumate_csrf"],
        },
    )
    assert response.status_code == 303, response.text
    cookies = response.headers.get_list("set-cookie")
    assert {c.split("=")[0] for c in cookies} == {
        "__Host-resumate_access",
        "__Host-resumate_refresh",
        "__Host-resumate_csrf",
    }
    assert all("Secure" in c and "Path=/" in c and "Domain" not in c for c in cookies)
    assert (await https_pages.get("/resumes")).status_code == 200
    token = https_pages.http.cookies["__Host-resumate_csrf"]
    signed_out = await https_pages.http.post("/logout", data={"csrf_token": token})
    assert signed_out.status_code == 303


async def test_over_https_a_plain_session_cookie_is_not_believed(
    https_pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await sign_up(client)
    https_pages.http.cookies.set("resumate_access", account.access_token)
    assert (await https_pages.get("/resumes")).status_code in (303, 307)


async def test_plain_http_keeps_plain_names(pages: PageClient) -> None:
    await pages.get("/login")
    assert set(pages.http.cookies) == {"resumate_csrf"}
