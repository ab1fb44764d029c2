"""Test data: two devices of one account, told apart by their user agents."""

from __future__ import annotations

import httpx

from tests.helpers import Account, sign_up

WINDOWS_CHROME = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)
IPHONE_SAFARI = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"
)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def second_device(client: httpx.AsyncClient, account: Account) -> Account:
    """The same account signed in again, from an iPhone."""
    response = await client.post(
        "/api/auth/login",
        json={"email": account.email, "password": account.password},
        headers={"User-Agent": IPHONE_SAFARI},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    return Account(
        account.email, account.password, account.user_id, body["accessToken"], body["refreshToken"]
    )


async def two_devices(client: httpx.AsyncClient) -> tuple[Account, Account]:
    """An account signed up on Windows, then signed in on an iPhone (each by its tokens only:
    the client's cookies are dropped)."""
    client.headers["User-Agent"] = WINDOWS_CHROME
    try:
        first = await sign_up(client)
    finally:
        del client.headers["User-Agent"]
    second = await second_device(client, first)
    client.cookies.clear()
    return first, second
