"""Helpers for the reset tests: ask for a link and take the token out of the mail."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

import httpx
import pytest

from resumate.app import create_app
from resumate.config import Settings
from tests.helpers import AppParts
from tests.mailbox import Received

ReadMail = Callable[[str], Awaitable[list[Received]]]
NEW_PASSWORD = "quiet-harbour-violet-77"


async def ask(client: httpx.AsyncClient, email: str, **kwargs: object) -> httpx.Response:
    return await client.post("/api/auth/password-reset", json={"email": email}, **kwargs)  # type: ignore[arg-type]


async def confirm(
    client: httpx.AsyncClient, token: str, password: str = NEW_PASSWORD
) -> httpx.Response:
    return await client.post(
        "/api/auth/password-reset/confirm", json={"token": token, "password": password}
    )


def token_of(mail: Received) -> str:
    return mail.link.rsplit("/reset/", 1)[1]


@pytest.fixture
def mailed_token(client: httpx.AsyncClient, read_mail: ReadMail) -> Callable[[str], Awaitable[str]]:
    """Ask for a reset of `email` and return the token from the newest mail it got."""

    async def request(email: str) -> str:
        response = await ask(client, email)
        assert response.status_code == 202, response.text
        mails = await read_mail(email)
        assert mails, f"no mail reached {email}"
        return token_of(mails[-1])

    return request


@asynccontextmanager
async def own_app(settings: Settings) -> AsyncIterator[tuple[httpx.AsyncClient, AppParts]]:
    """A client for an app of the test's own, and its parts; closed afterwards."""
    app = create_app(settings)
    parts = AppParts.of(app)
    try:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            yield client, parts
    finally:
        await parts.close()
