"""Password reset with accounts in the Cognito pool: ForgotPassword / ConfirmForgotPassword.

Cognito mails its own code; moto hands it back in a response header of ForgotPassword, which
the tests read off the app's own Cognito client as it arrives.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.auth.cognito.moto import Pool
from tests.helpers import PASSWORD, AppParts, error_fields, sign_up, unique_email
from tests.mailbox import last_mail, link_token, outbox_of
from tests.pages import PageClient

NEW_PASSWORD = "quiet-harbour-violet-77"
CODE_HEADER = "x-moto-forgot-password-confirmation-code"


@pytest.fixture
def codes(context: AppParts) -> Iterator[list[str]]:
    """The codes moto's pool issues to the app, newest last."""
    assert context.cognito is not None
    events = context.cognito.client._client.meta.events
    issued: list[str] = []

    def keep(http_response: Any, **_: Any) -> None:
        if (code := http_response.headers.get(CODE_HEADER, "None")) != "None":
            issued.append(code)

    events.register("after-call.cognito-idp.ForgotPassword", keep)
    yield issued
    events.unregister("after-call.cognito-idp.ForgotPassword", keep)


async def ask(client: httpx.AsyncClient, context: AppParts, email: str) -> httpx.Response:
    response = await client.post("/api/auth/password-reset", json={"email": email})
    await context.postbox.drain()
    return response


async def confirm(client: httpx.AsyncClient, **body: str) -> httpx.Response:
    return await client.post("/api/auth/password-reset/confirm", json=body)


async def test_a_mailed_code_sets_the_password_and_ends_every_session(
    client: httpx.AsyncClient, context: AppParts, codes: list[str]
) -> None:
    account = await sign_up(client)
    assert (await ask(client, context, account.email)).status_code == 202
    [code] = codes

    done = await confirm(client, token=code, password=NEW_PASSWORD, email=account.email)

    assert done.status_code == 204, done.text
    assert (await client.get("/api/auth/me", headers=account.headers)).status_code == 401
    renewed = await client.post("/api/auth/refresh", json={"refreshToken": account.refresh_token})
    assert renewed.status_code == 401
    old = {"email": account.email, "password": PASSWORD}
    assert (await client.post("/api/auth/login", json=old)).status_code == 401
    new = {"email": account.email, "password": NEW_PASSWORD}
    assert (await client.post("/api/auth/login", json=new)).status_code == 200


async def test_the_sign_up_link_marks_the_address_verified_so_the_pool_mails_reset_codes(
    client: httpx.AsyncClient, context: AppParts, pool: Pool, codes: list[str]
) -> None:
    """The pool recovers accounts by verified e-mail only; the link is what verifies it."""
    email = unique_email()
    body = {"email": email, "password": PASSWORD}
    registered = await client.post("/api/auth/register", json=body)
    assert registered.status_code == 202, registered.text
    assert email_verified(pool, email) is None  # signed up, not yet proved
    token = link_token(last_mail(outbox_of(client), email), "/verify-email/")

    assert (await client.post("/api/auth/verify-email", json={"token": token})).status_code == 200

    assert email_verified(pool, email) == "true"
    assert (await ask(client, context, email)).status_code == 202
    [code] = codes
    done = await confirm(client, token=code, password=NEW_PASSWORD, email=email)
    assert done.status_code == 204, done.text
    new = {"email": email, "password": NEW_PASSWORD}
    assert (await client.post("/api/auth/login", json=new)).status_code == 200


def email_verified(pool: Pool, email: str) -> str | None:
    user = pool.idp().admin_get_user(UserPoolId=pool.pool_id, Username=email)
    attributes = {a["Name"]: a.get("Value") for a in user["UserAttributes"]}
    return attributes.get("email_verified")


async def test_an_unknown_address_gets_the_same_answer(
    client: httpx.AsyncClient, context: AppParts, codes: list[str]
) -> None:
    account = await sign_up(client)
    known = await ask(client, context, account.email)
    unknown = await ask(client, context, unique_email("nobody"))
    assert (known.status_code, known.content) == (unknown.status_code, unknown.content)
    assert len(codes) == 1


async def test_a_wrong_code_names_the_token_and_a_missing_email_its_field(
    client: httpx.AsyncClient, context: AppParts, codes: list[str]
) -> None:
    account = await sign_up(client)
    await ask(client, context, account.email)

    wrong = await confirm(
        client, token="moto-confirmation-code:000000", password=NEW_PASSWORD, email=account.email
    )
    assert (wrong.status_code, error_fields(wrong)) == (400, ["token"])
    no_email = await confirm(client, token=codes[0], password=NEW_PASSWORD)
    assert (no_email.status_code, error_fields(no_email)) == (422, ["email"])
    weak = await confirm(client, token=codes[0], password="password1", email=account.email)
    assert (weak.status_code, error_fields(weak)) == (422, ["password"])
    login = {"email": account.email, "password": PASSWORD}
    assert (await client.post("/api/auth/login", json=login)).status_code == 200


async def test_the_pages_ask_for_the_code_and_sign_in(
    pages: PageClient, client: httpx.AsyncClient, context: AppParts, codes: list[str]
) -> None:
    account = await sign_up(client)
    await pages.get("/forgot")
    asked = await pages.post("/forgot", data={"email": account.email})
    await context.postbox.drain()
    assert asked.status_code == 200
    assert pages.last.template == "auth/reset.html"
    assert (pages.last.context["kind"], pages.last.context["email"]) == ("code", account.email)

    done = await pages.post(
        "/reset", data={"email": account.email, "token": codes[0], "password": NEW_PASSWORD}
    )

    assert done.status_code == 303, done.text
    assert done.headers["location"] == "/account?password_changed=1"
    assert (await pages.get("/account")).status_code == 200
