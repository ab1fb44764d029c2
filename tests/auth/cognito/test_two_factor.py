"""With accounts in a Cognito pool, two-factor is the pool's: the app refuses to set it up."""

from __future__ import annotations

import httpx

from tests.helpers import sign_up


async def test_setting_up_two_factor_is_refused_as_the_pools_business(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    for url, body in (
        ("/api/account/two-factor/totp", None),
        ("/api/account/two-factor/totp/confirm", {"code": "123456"}),
    ):
        response = await client.post(url, json=body, headers=account.headers)
        assert response.status_code == 409, url
        assert "managed by the identity provider" in response.json()["error"]["message"]
    status = await client.get("/api/account/two-factor", headers=account.headers)
    assert status.json()["enabled"] is False
    login = await client.post(
        "/api/auth/login", json={"email": account.email, "password": account.password}
    )
    assert "accessToken" in login.json()


async def test_the_second_sign_in_step_is_refused_too(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/auth/login/second-factor", json={"token": "any", "code": "123456"}
    )
    assert response.status_code == 409
    passkey = await client.post("/api/auth/login/second-factor/passkey", json={"token": "any"})
    assert passkey.status_code == 409
