"""The passkeys section of the account page, its rename and remove forms, and the sign-in page."""

from __future__ import annotations

import uuid

import httpx

from tests.auth.passkeys.helpers import API, register
from tests.helpers import Account, sign_up
from tests.pages import PageClient


async def signed_in(pages: PageClient, client: httpx.AsyncClient) -> Account:
    account = await sign_up(client)
    await pages.sign_in(account)
    return account


async def test_the_account_page_lists_passkeys(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    _, passkey = await register(client, account)
    response = await pages.get(f"/account?passkey=added&new={passkey['id']}")
    assert response.status_code == 200
    section = pages.last.context["passkeys"]
    assert section.shown
    assert [str(item.id) for item in section.passkeys] == [passkey["id"]]
    assert (section.done, str(section.fresh)) == ("added", passkey["id"])
    assert "Chrome on Linux" in response.text
    assert "not used yet" in response.text


async def test_the_account_page_at_an_ip_address_says_where_passkeys_work(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    pages.http.base_url = httpx.URL("http://127.0.0.1:8000")
    await signed_in(pages, client)
    response = await pages.get("/account")
    section = pages.last.context["passkeys"]
    assert not section.availability.usable
    assert "Passkeys need the site's name: open" in response.text
    assert 'href="http://localhost:8000/account"' in response.text
    assert "data-passkey-add" not in response.text


async def test_the_account_page_at_localhost_offers_to_add_one(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    pages.http.base_url = httpx.URL("http://localhost:8000")
    await signed_in(pages, client)
    response = await pages.get("/account")
    assert pages.last.context["passkeys"].availability.usable
    assert "data-passkey-add" in response.text
    assert "js/passkeys.js" in response.text


async def test_the_sign_in_page_offers_a_passkey_where_it_can_work(pages: PageClient) -> None:
    pages.http.base_url = httpx.URL("http://localhost:8000")
    here = await pages.get("/login?next=/resumes/x")
    assert 'data-passkey-sign-in data-next="/resumes/x"' in here.text
    pages.http.base_url = httpx.URL("http://127.0.0.1:8000")
    there = await pages.get("/login")
    assert "data-passkey-sign-in" not in there.text
    assert 'href="http://localhost:8000/login"' in there.text


async def test_a_passkey_is_renamed_and_removed_from_the_account_page(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    _, passkey = await register(client, account)
    base = f"/account/passkeys/{passkey['id']}"
    renamed = await pages.post(f"{base}/rename", data={"name": " Phone "})
    assert renamed.status_code == 303
    assert renamed.headers["location"] == "/account?passkey=renamed#passkeys"
    listed = await client.get(API, headers=account.headers)
    assert [item["name"] for item in listed.json()] == ["Phone"]

    removed = await pages.post(f"{base}/delete")
    assert removed.status_code == 303
    assert removed.headers["location"] == "/account?passkey=removed#passkeys"
    assert (await client.get(API, headers=account.headers)).json() == []


async def test_an_empty_name_is_shown_on_the_rename_page(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    _, passkey = await register(client, account)
    response = await pages.post(f"/account/passkeys/{passkey['id']}/rename", data={"name": "  "})
    assert response.status_code == 422
    assert pages.last.template == "account/passkey_rename.html"
    assert pages.last.context["errors"] == {"name": "Is required"}
    page = await pages.get(f"/account/passkeys/{passkey['id']}/rename")
    assert page.status_code == 200
    assert pages.last.context["passkey"].name == "Chrome on Linux"


async def test_another_users_passkey_is_not_found_on_the_pages(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    owner = await sign_up(client)
    _, passkey = await register(client, owner)
    await signed_in(pages, client)
    for url in (f"/account/passkeys/{passkey['id']}", f"/account/passkeys/{uuid.uuid4()}"):
        assert (await pages.post(f"{url}/rename", data={"name": "Mine"})).status_code == 404
        assert (await pages.post(f"{url}/delete")).status_code == 404
        assert (await pages.get(f"{url}/rename")).status_code == 404
    assert [item["name"] for item in (await client.get(API, headers=owner.headers)).json()] == [
        passkey["name"]
    ]


async def test_the_forms_need_a_session_and_the_csrf_token(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    owner = await sign_up(client)
    _, passkey = await register(client, owner)
    base = f"/account/passkeys/{passkey['id']}"
    await pages.get("/login")
    assert (await pages.post(f"{base}/delete")).status_code == 401
    assert (await pages.get(f"{base}/rename")).status_code == 303
    await pages.sign_in(owner)
    forged = await pages.http.post(f"{base}/delete", data={"csrf_token": "forged.token"})
    assert forged.status_code == 403
    assert len((await client.get(API, headers=owner.headers)).json()) == 1
