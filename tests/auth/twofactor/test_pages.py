"""The pages: the code step of signing in, and two-step verification on the account page."""

from __future__ import annotations

import time

import httpx
import pyotp

from tests.auth.twofactor.flows import enrolled
from tests.helpers import Account, sign_up
from tests.pages import PageClient

PENDING = "resumate_two_step"


async def password_page_step(pages: PageClient, account: Account, next: str = "/resumes") -> str:
    """The sign-in form's answer for an account with two-factor: the code page's address."""
    await pages.get("/login")
    response = await pages.post(
        "/login", data={"email": account.email, "password": account.password, "next": next}
    )
    assert response.status_code == 303, response.text
    assert PENDING in pages.http.cookies
    assert "resumate_access" not in pages.http.cookies
    location: str = response.headers["location"]
    return location


async def test_the_password_leads_to_the_code_page_keeping_next(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    person = await enrolled(client)
    location = await password_page_step(pages, person.account, next="/account")
    assert location == "/login/two-step?next=%2Faccount"
    response = await pages.get(location)
    assert response.status_code == 200
    assert pages.last.template == "auth/two_step.html"
    assert pages.last.context["method"] == "totp"
    assert 'autocomplete="one-time-code"' in response.text
    assert 'inputmode="numeric"' in response.text
    signed_in = await pages.post(
        "/login/two-step", data={"code": person.code(), "next": "/account"}
    )
    assert signed_in.status_code == 303
    assert signed_in.headers["location"] == "/account"
    assert "resumate_access" in pages.http.cookies
    assert PENDING not in pages.http.cookies
    assert (await pages.get("/account")).status_code == 200


async def test_a_wrong_code_is_said_inline_and_a_recovery_code_works(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    person = await enrolled(client)
    await password_page_step(pages, person.account)
    wrong = "000000" if person.code() != "000000" else "111111"
    response = await pages.post("/login/two-step", data={"code": wrong})
    assert response.status_code == 422
    assert pages.last.template == "auth/two_step.html"
    assert list(pages.last.context["errors"]) == ["code"]
    await pages.get("/login/two-step?method=recovery")
    assert pages.last.context["method"] == "recovery"
    signed_in = await pages.post(
        "/login/two-step", data={"code": person.recovery_codes[0], "method": "recovery"}
    )
    assert signed_in.status_code == 303
    assert signed_in.headers["location"] == "/resumes"


async def test_without_a_pending_sign_in_the_code_step_goes_back_to_the_password(
    pages: PageClient,
) -> None:
    response = await pages.get("/login/two-step?next=/account")
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/account"
    await pages.get("/login")
    posted = await pages.post("/login/two-step", data={"code": "123456"})
    assert posted.status_code == 401
    assert pages.last.template == "auth/login.html"
    assert "expired" in pages.last.context["errors"]["form"]


async def test_the_code_step_refuses_a_missing_csrf_token(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    person = await enrolled(client)
    await password_page_step(pages, person.account)
    response = await pages.http.post("/login/two-step", data={"code": person.code()})
    assert response.status_code == 403
    assert "resumate_access" not in pages.http.cookies


async def test_setting_up_from_the_account_page(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await sign_up(client)
    await pages.sign_in(account)
    await pages.get("/account")
    assert pages.last.context["two_factor"].enabled is False
    setup = await pages.post("/account/two-factor/setup")
    assert setup.status_code == 200
    assert pages.last.template == "account/totp_setup.html"
    secret = pages.last.context["setup"].secret
    assert secret in setup.text
    assert "<svg" in setup.text
    # A wrong code shows the same set-up again, with the error.
    wrong = await pages.post("/account/two-factor/enable", data={"code": "12"})
    assert wrong.status_code == 422
    assert pages.last.context["setup"].secret == secret
    assert list(pages.last.context["errors"]) == ["code"]
    code = pyotp.TOTP(secret).at(time.time() - 30)
    on = await pages.post("/account/two-factor/enable", data={"code": code})
    assert on.status_code == 200
    assert pages.last.template == "account/recovery_codes.html"
    codes = pages.last.context["codes"]
    assert len(codes) == 10
    assert 'download="resumate-recovery-codes.txt"' in on.text
    await pages.get("/account")
    assert pages.last.context["two_factor"].recovery_codes_left == 10


async def test_managing_new_codes_and_turning_off(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    person = await enrolled(client)
    await password_page_step(pages, person.account)
    await pages.post("/login/two-step", data={"code": person.code()})
    await pages.get("/account/two-factor")
    assert pages.last.context["status"].enabled is True
    wrong = await pages.post(
        "/account/two-factor/recovery-codes", data={"codes_password": "not-it-at-all-1"}
    )
    assert wrong.status_code == 422
    assert list(pages.last.context["errors"]) == ["codes_password"]
    fresh = await pages.post(
        "/account/two-factor/recovery-codes", data={"codes_password": person.account.password}
    )
    assert fresh.status_code == 200
    new_codes = pages.last.context["codes"]
    no_code = await pages.post(
        "/account/two-factor/disable", data={"off_password": person.account.password}
    )
    assert no_code.status_code == 422
    assert list(pages.last.context["errors"]) == ["off_code"]
    off = await pages.post(
        "/account/two-factor/disable",
        data={"off_password": person.account.password, "off_code": new_codes[0]},
    )
    assert off.status_code == 303
    assert off.headers["location"] == "/account/two-factor?turned_off=1"
    await pages.get(off.headers["location"])
    assert pages.last.context["status"].enabled is False
    assert pages.last.context["turned_off"] is True


async def test_the_account_forms_need_a_session_and_the_csrf_token(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    urls = (
        "/account/two-factor/setup",
        "/account/two-factor/enable",
        "/account/two-factor/recovery-codes",
        "/account/two-factor/disable",
    )
    await pages.get("/login")
    for url in urls:
        assert (await pages.post(url)).status_code == 401, url
    redirect = await pages.get("/account/two-factor")
    assert redirect.status_code == 303
    account = await sign_up(client)
    await pages.sign_in(account)
    for url in urls:
        assert (await pages.http.post(url)).status_code == 403, url
