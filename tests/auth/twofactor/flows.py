"""Two-factor test data: an account with its authenticator app set up, and codes from it."""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpx
import pyotp

from tests.helpers import Account, sign_up


@dataclass
class Enrolled:
    account: Account
    secret: str
    recovery_codes: list[str]

    def code(self, steps: int = 0) -> str:
        """The app's code `steps` time steps from now (30 s each)."""
        return pyotp.TOTP(self.secret).at(time.time() + 30 * steps)


async def enrolled(client: httpx.AsyncClient, account: Account | None = None) -> Enrolled:
    """An account with two-factor on, confirmed with the code of the step before now, so the
    steps of now and after are still unused."""
    account = account or await sign_up(client)
    setup = await client.post("/api/account/two-factor/totp", headers=account.headers)
    assert setup.status_code == 201, setup.text
    secret = setup.json()["secret"]
    code = pyotp.TOTP(secret).at(time.time() - 30)
    confirmed = await client.post(
        "/api/account/two-factor/totp/confirm", json={"code": code}, headers=account.headers
    )
    assert confirmed.status_code == 200, confirmed.text
    return Enrolled(account, secret, confirmed.json()["recoveryCodes"])


async def password_step(client: httpx.AsyncClient, account: Account) -> str:
    """Sign in with the password; the pending sign-in's token."""
    response = await client.post(
        "/api/auth/login", json={"email": account.email, "password": account.password}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"secondFactor"}, body
    token: str = body["secondFactor"]["token"]
    return token


async def second_step(
    client: httpx.AsyncClient, token: str, code: str, **extra: str
) -> httpx.Response:
    return await client.post(
        "/api/auth/login/second-factor", json={"token": token, "code": code, **extra}
    )
