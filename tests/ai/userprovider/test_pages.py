"""The account's "Your own language model" page and its link on the account page."""

from __future__ import annotations

import httpx

from tests.helpers import sign_up
from tests.pages import PageClient


async def test_the_account_page_offers_it_only_where_allowed(
    allowed_pages: PageClient, pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await sign_up(client)
    await allowed_pages.sign_in(account)
    shown = await allowed_pages.get("/account")
    assert allowed_pages.last.context["own_model"] is True
    assert 'href="/account/ai-provider"' in shown.text
    await pages.sign_in(account)
    hidden = await pages.get("/account")
    assert pages.last.context["own_model"] is False
    assert "/account/ai-provider" not in hidden.text
    assert (await pages.get("/account/ai-provider")).status_code == 404


async def test_set_then_remove_from_the_page(
    allowed_pages: PageClient, client: httpx.AsyncClient
) -> None:
    await allowed_pages.sign_in(await sign_up(client))
    await allowed_pages.get("/account/ai-provider")
    before = allowed_pages.last.context["current"]
    assert before is None
    form = {"kind": "anthropic", "base_url": "", "model": "claude-haiku", "api_key": "sk-ant-1234"}
    saved = await allowed_pages.post("/account/ai-provider", data=form)
    assert (saved.status_code, saved.headers["location"]) == (303, "/account/ai-provider?saved=set")
    page = await allowed_pages.get(saved.headers["location"])
    current = allowed_pages.last.context["current"]
    assert (current.kind, current.model, current.key_last4) == ("anthropic", "claude-haiku", "1234")
    assert "sk-ant-1234" not in page.text
    removed = await allowed_pages.post("/account/ai-provider/remove")
    assert removed.headers["location"] == "/account/ai-provider?saved=removed"
    await allowed_pages.get(removed.headers["location"])
    assert allowed_pages.last.context["current"] is None


async def test_an_unsafe_address_is_shown_on_the_form_and_the_key_not_sent_back(
    allowed_pages: PageClient, client: httpx.AsyncClient
) -> None:
    await allowed_pages.sign_in(await sign_up(client))
    await allowed_pages.get("/account/ai-provider")
    form = {"kind": "openai", "base_url": "http://10.1.2.3/v1", "model": "m", "api_key": "k-9999"}
    response = await allowed_pages.post("/account/ai-provider", data=form)
    assert response.status_code == 422
    errors = allowed_pages.last.context["errors"]
    assert list(errors) == ["base_url"]
    assert "private" in errors["base_url"]
    assert "k-9999" not in response.text
    assert allowed_pages.last.context["form"]["base_url"] == "http://10.1.2.3/v1"


async def test_changes_need_the_pages_csrf_token(
    allowed_pages: PageClient, client: httpx.AsyncClient
) -> None:
    await allowed_pages.sign_in(await sign_up(client))
    form = {"kind": "openai", "model": "m", "api_key": "k-1"}
    forged = await allowed_pages.http.post("/account/ai-provider", data=form)
    assert forged.status_code == 403
