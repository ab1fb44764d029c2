"""The account page: change password, sign out everywhere, delete the account."""

from __future__ import annotations

import httpx

from tests.helpers import PASSWORD, Account, create_resume, sign_up
from tests.pages import PageClient

NEW_PASSWORD = "quiet-harbour-violet-17"


async def signed_in(pages: PageClient, client: httpx.AsyncClient) -> Account:
    account = await sign_up(client)
    await pages.sign_in(account)
    return account


async def can_log_in(client: httpx.AsyncClient, email: str, password: str) -> bool:
    response = await client.post("/api/auth/login", json={"email": email, "password": password})
    return response.status_code == 200


async def test_account_page_shows_who_is_signed_in_and_since_when(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    response = await pages.get("/account")
    assert response.status_code == 200
    assert pages.last.template == "account/account.html"
    assert pages.last.context["user"].email == account.email
    assert pages.last.context["member_since"]
    assert pages.last.context["password_changed"] is False


async def test_account_page_needs_a_session(pages: PageClient) -> None:
    response = await pages.get("/account")
    assert response.status_code == 303
    assert response.headers["location"] == "/renew?next=%2Faccount"


async def test_account_forms_refuse_signed_out_visitors(pages: PageClient) -> None:
    await pages.get("/login")
    for url in ("/account/password", "/account/sign-out-everywhere", "/account/delete"):
        response = await pages.post(url)
        assert response.status_code == 401, url
        assert pages.last.template == "error.html"
        htmx = await pages.htmx("POST", url)
        assert htmx.status_code == 401, url
        assert pages.last.template == "partials/toast.html"


async def test_account_forms_refuse_a_missing_csrf_token(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    forms = {
        "/account/password": {"current_password": PASSWORD, "new_password": NEW_PASSWORD},
        "/account/sign-out-everywhere": {},
        "/account/delete": {"password": PASSWORD, "confirm": "delete my account"},
    }
    for url, data in forms.items():
        response = await pages.http.post(url, data=data)
        assert response.status_code == 403, url
    assert await can_log_in(client, account.email, PASSWORD)
    assert (await client.get("/api/auth/me", headers=account.headers)).status_code == 200


async def test_changing_password_with_a_wrong_current_one_says_so_inline(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    await signed_in(pages, client)
    response = await pages.post(
        "/account/password",
        data={"current_password": "not-my-password-9", "new_password": NEW_PASSWORD},
    )
    assert response.status_code == 422
    assert pages.last.template == "account/account.html"
    assert pages.last.context["errors"] == {
        "current_password": "The current password is not right."
    }


async def test_changing_to_a_weak_password_names_the_new_password(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    response = await pages.post(
        "/account/password", data={"current_password": PASSWORD, "new_password": "short"}
    )
    assert response.status_code == 422
    assert list(pages.last.context["errors"]) == ["new_password"]
    assert await can_log_in(client, account.email, PASSWORD)


async def test_changing_password_without_the_current_one_names_it(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    await signed_in(pages, client)
    response = await pages.post("/account/password", data={"new_password": NEW_PASSWORD})
    assert response.status_code == 422
    assert "current_password" in pages.last.context["errors"]


async def test_changing_password_ends_other_sessions_and_keeps_this_one(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    other = await sign_up(client)
    old_access = pages.http.cookies["resumate_access"]
    response = await pages.post(
        "/account/password", data={"current_password": PASSWORD, "new_password": NEW_PASSWORD}
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/account?password_changed=1"
    assert pages.http.cookies["resumate_access"] != old_access
    assert (await client.get("/api/auth/me", headers=account.headers)).status_code == 401
    assert (await pages.get("/account?password_changed=1")).status_code == 200
    assert pages.last.context["password_changed"] is True
    assert await can_log_in(client, account.email, NEW_PASSWORD)
    assert (await client.get("/api/auth/me", headers=other.headers)).status_code == 200
    assert await can_log_in(client, other.email, PASSWORD)


async def test_sign_out_everywhere_ends_every_session_of_this_user_only(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    other = await sign_up(client)
    response = await pages.post("/account/sign-out-everywhere")
    assert response.status_code == 303
    assert response.headers["location"] == "/login?signed_out=1"
    assert "resumate_access" not in pages.http.cookies
    assert (await client.get("/api/auth/me", headers=account.headers)).status_code == 401
    refresh = await client.post("/api/auth/refresh", json={"refreshToken": account.refresh_token})
    assert refresh.status_code == 401
    assert (await client.get("/api/auth/me", headers=other.headers)).status_code == 200


async def test_delete_confirmation_page_needs_a_session_and_shows_the_form(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    assert (await pages.get("/account/delete")).status_code == 303
    await signed_in(pages, client)
    response = await pages.get("/account/delete")
    assert response.status_code == 200
    assert pages.last.template == "account/delete.html"
    assert pages.last.context["errors"] == {}


async def test_deleting_without_the_typed_confirmation_names_it(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    response = await pages.post(
        "/account/delete", data={"password": PASSWORD, "confirm": "delete my acount"}
    )
    assert response.status_code == 422
    assert pages.last.template == "account/delete.html"
    assert list(pages.last.context["errors"]) == ["confirm"]
    assert await can_log_in(client, account.email, PASSWORD)


async def test_deleting_with_a_wrong_password_names_it(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    for password in ("", "not-my-password-9"):
        response = await pages.post(
            "/account/delete", data={"password": password, "confirm": "delete my account"}
        )
        assert response.status_code == 422
        assert list(pages.last.context["errors"]) == ["password"]
    assert await can_log_in(client, account.email, PASSWORD)


async def test_deleting_removes_this_account_only_and_says_so_on_the_home_page(
    pages: PageClient, client: httpx.AsyncClient
) -> None:
    account = await signed_in(pages, client)
    other = await sign_up(client)
    kept = await create_resume(client, other)
    await create_resume(client, account)
    response = await pages.post(
        "/account/delete", data={"password": PASSWORD, "confirm": "  Delete my account "}
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/?deleted=1"
    assert "resumate_access" not in pages.http.cookies
    assert not await can_log_in(client, account.email, PASSWORD)
    resume = await client.get(f"/api/resumes/{kept['id']}", headers=other.headers)
    assert resume.status_code == 200
    assert (await pages.get("/?deleted=1")).status_code == 200
    assert pages.last.template == "home.html"
    assert pages.last.context["deleted"] is True
