"""Passkey tests' steps: register a soft authenticator through the API, sign in with it."""

from __future__ import annotations

from typing import Any

import httpx

from tests.auth.webauthn_client import SoftAuthenticator
from tests.helpers import Account

API = "/api/auth/passkeys"
CHROME_ON_LINUX = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/156.0.0.0 Safari/537.36"
)


async def options(client: httpx.AsyncClient, ceremony: str, **kwargs: Any) -> dict[str, Any]:
    response = await client.post(f"{API}/{ceremony}/options", **kwargs)
    assert response.status_code == 200, response.text
    public_key: dict[str, Any] = response.json()["publicKey"]
    return public_key


async def register(
    client: httpx.AsyncClient, account: Account, authenticator: SoftAuthenticator | None = None
) -> tuple[SoftAuthenticator, dict[str, Any]]:
    """A passkey for `account`, made by `authenticator` (a new one by default)."""
    authenticator = authenticator or SoftAuthenticator()
    public_key = await options(client, "registration", headers=account.headers)
    credential = authenticator.create(public_key)
    response = await client.post(
        f"{API}/registration",
        json={"credential": credential},
        headers=account.headers | {"User-Agent": CHROME_ON_LINUX},
    )
    assert response.status_code == 201, response.text
    passkey: dict[str, Any] = response.json()
    return authenticator, passkey


async def sign_in(
    client: httpx.AsyncClient, authenticator: SoftAuthenticator, **answer: Any
) -> httpx.Response:
    """Ask for sign-in options and answer them; `answer` changes the assertion."""
    public_key = await options(client, "authentication")
    credential = authenticator.get(public_key, **answer)
    return await client.post(f"{API}/authentication", json={"credential": credential})
