"""The reset pages: forgot → mail → /reset/<token> → signed in with the new password."""

from __future__ import annotations

import httpx
from fastapi import FastAPI

from tests.auth.reset.conftest import NEW_PASSWORD, ReadMail, token_of
from tests.helpers import PASSWORD, AppParts, sign_up, unique_email
from tests.pages import PageClient, RecordRenders, Rendered


async def forgot(pages: PageClient, email: str) -> httpx.Response:
    await pages.get("/forgot")
    return await pages.post("/forgot", data={"email": email})


async def test_sign_in_offers_the_way_to_a_new_password(pages: PageClient) -> None:
    response = await pages.get("/login")
    assert 'href="/forgot"' in response.text
    assert (await pages.get("/forgot")).status_code == 200
    assert pages.last.template == "auth/forgot.html"


async def test_a_known_and_an_unknown_address_read_the_same(
    pages: PageClient, client: httpx.AsyncClient, read_mail: ReadMail
) -> None:
    account = await sign_up(client)
    stranger = unique_email("nobody")

    known = await forgot(pages, account.email)
    known_page = pages.last
    unknown = await forgot(pages, stranger)

    assert known.status_code == unknown.status_code == 200
    assert (known_page.template, pages.last.template) == ("auth/forgot.html",) * 2
    assert known_page.context["sent"]
    assert pages.last.context["sent"]
    assert known.text.replace(account.email, "@") == unknown.text.replace(stranger, "@")
    assert len(await read_mail(account.email)) == 1
    assert await read_mail(stranger) == []


async def test_the_link_opens_a_form_that_leaks_no_referrer_and_spends_nothing(
    pages: PageClient, client: httpx.AsyncClient, read_mail: ReadMail
) -> None:
    account = await sign_up(client)
    await forgot(pages, account.email)
    [mail] = await read_mail(account.email)
    path = mail.link.removeprefix(mail.link.split("/reset/")[0])

    for _ in range(2):  # a mail scanner opening the link first changes nothing
        opened = await pages.get(path)
        assert opened.status_code == 200
        assert opened.headers["referrer-policy"] == "no-referrer"
        assert pages.last.template == "auth/reset.html"
        assert pages.last.context["token"] == token_of(mail)
    assert f'value="{token_of(mail)}"' in opened.text


async def test_a_new_password_signs_this_browser_in_and_every_other_out(
    app: FastAPI, pages: PageClient, client: httpx.AsyncClient, read_mail: ReadMail
) -> None:
    account = await sign_up(client)
    elsewhere = await other_browser(app, account.email)
    await forgot(pages, account.email)
    [mail] = await read_mail(account.email)
    await pages.get(f"/reset/{token_of(mail)}")

    done = await pages.post("/reset", data={"token": token_of(mail), "password": NEW_PASSWORD})

    assert done.status_code == 303
    assert done.headers["location"] == "/account?password_changed=1"
    assert (await pages.get("/account")).status_code == 200
    assert pages.last.context["password_changed"] is False  # the page itself, now signed in
    # The other browser's access cookie is refused, and its renewal too.
    gone = await elsewhere.get("/resumes")
    assert (gone.status_code, gone.headers["location"]) == (303, "/renew?next=%2Fresumes")
    assert (await elsewhere.post("/api/auth/refresh")).status_code == 401
    await elsewhere.aclose()
    login = {"email": account.email, "password": NEW_PASSWORD}
    assert (await client.post("/api/auth/login", json=login)).status_code == 200


async def test_a_weak_password_is_named_beside_its_field(
    pages: PageClient, client: httpx.AsyncClient, read_mail: ReadMail
) -> None:
    account = await sign_up(client)
    await forgot(pages, account.email)
    token = token_of((await read_mail(account.email))[0])
    await pages.get(f"/reset/{token}")

    response = await pages.post("/reset", data={"token": token, "password": "password1"})

    assert response.status_code == 422
    assert pages.last.template == "auth/reset.html"
    assert "password" in pages.last.context["errors"]
    assert pages.last.context["token"] == token
    assert response.headers["referrer-policy"] == "no-referrer"


async def test_a_used_or_unknown_link_says_so_and_offers_a_new_one(
    pages: PageClient, client: httpx.AsyncClient, read_mail: ReadMail
) -> None:
    account = await sign_up(client)
    await forgot(pages, account.email)
    token = token_of((await read_mail(account.email))[0])
    await pages.get(f"/reset/{token}")
    await pages.post("/reset", data={"token": token, "password": NEW_PASSWORD})

    for path in (f"/reset/{token}", "/reset/made-up-token"):
        response = await pages.get(path)
        assert response.status_code == 400
        assert "token" in pages.last.context["errors"]
        assert 'href="/forgot"' in response.text


async def test_forms_need_their_csrf_token(pages: PageClient, client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    await pages.get("/forgot")
    refused = await pages.http.post("/forgot", data={"email": account.email})
    assert refused.status_code == 403
    refused = await pages.http.post("/reset", data={"token": "x", "password": NEW_PASSWORD})
    assert refused.status_code == 403


async def test_a_malformed_address_and_too_many_requests_show_on_the_form(
    pages: PageClient, context: AppParts
) -> None:
    response = await forgot(pages, "not-an-address")
    assert response.status_code == 422
    assert pages.last.context["errors"]["email"].startswith("Enter an email address")

    email = unique_email()
    for _ in range(context.settings.auth.reset_per_email):
        assert (await pages.post("/forgot", data={"email": email})).status_code == 200
    refused = await pages.post("/forgot", data={"email": email})
    assert refused.status_code == 429
    assert "Too many" in pages.last.context["errors"]["form"]
    assert int(refused.headers["Retry-After"]) > 0


async def other_browser(app: FastAPI, email: str) -> httpx.AsyncClient:
    """A second browser signed in to the account, through the sign-in page."""
    rendered: list[Rendered] = []
    transport = httpx.ASGITransport(app=RecordRenders(app, rendered))
    browser = httpx.AsyncClient(transport=transport, base_url="http://testserver")
    other = PageClient(browser, rendered)
    await other.get("/login")
    signed = await other.post("/login", data={"email": email, "password": PASSWORD})
    assert signed.status_code == 303
    return browser
