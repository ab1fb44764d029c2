"""A passkey as the second step of a password sign-in, through the API, with a soft
authenticator signing real assertions."""

from __future__ import annotations

import json
from typing import Any

import httpx
from sqlalchemy import text

from tests.auth.passkeys.helpers import API, options, register
from tests.auth.twofactor.flows import Enrolled, enrolled, password_step, second_step
from tests.auth.webauthn_client import SoftAuthenticator, b64url
from tests.helpers import AppParts, error_fields, sign_up

OPTIONS = "/api/auth/login/second-factor/passkey"


async def with_passkey(client: httpx.AsyncClient) -> tuple[Enrolled, SoftAuthenticator]:
    """An account with two-step on and one passkey."""
    person = await enrolled(client)
    authenticator, _ = await register(client, person.account)
    return person, authenticator


async def second_step_options(client: httpx.AsyncClient, token: str) -> dict[str, Any]:
    response = await client.post(OPTIONS, json={"token": token})
    assert response.status_code == 200, response.text
    public_key: dict[str, Any] = response.json()["publicKey"]
    return public_key


async def answer(
    client: httpx.AsyncClient, token: str, credential: dict[str, Any], **extra: str
) -> httpx.Response:
    return await second_step(client, token, json.dumps(credential), **extra)


async def login_methods(client: httpx.AsyncClient, person: Enrolled) -> list[str] | None:
    """The methods the password step offers; None when the password alone signed in."""
    account = person.account
    response = await client.post(
        "/api/auth/login", json={"email": account.email, "password": account.password}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    return body["secondFactor"]["methods"] if "secondFactor" in body else None


async def test_the_password_then_a_passkey_signs_in(client: httpx.AsyncClient) -> None:
    person, authenticator = await with_passkey(client)
    token = await password_step(client, person.account)
    public_key = await second_step_options(client, token)
    assert public_key["rpId"] == "localhost"
    assert [item["id"] for item in public_key["allowCredentials"]] == [
        b64url(authenticator.credential_id)
    ]
    signed_in = await answer(client, token, authenticator.get(public_key), method="passkey")
    assert signed_in.status_code == 200, signed_in.text
    session = signed_in.json()
    assert session["user"]["email"] == person.account.email
    me = await client.get(
        "/api/auth/me", headers={"Authorization": f"Bearer {session['accessToken']}"}
    )
    assert me.status_code == 200
    # The pending sign-in is spent; the passkey shows its use.
    assert (await client.post(OPTIONS, json={"token": token})).status_code == 401
    listed = (await client.get(API, headers=person.account.headers)).json()
    assert listed[0]["lastUsedAt"] is not None


async def test_unnamed_the_answers_shape_chooses_the_passkey(client: httpx.AsyncClient) -> None:
    person, authenticator = await with_passkey(client)
    token = await password_step(client, person.account)
    credential = authenticator.get(await second_step_options(client, token))
    assert (await answer(client, token, credential)).status_code == 200


async def test_passkey_is_offered_only_with_two_step_on_and_a_passkey(
    client: httpx.AsyncClient,
) -> None:
    # A passkey alone does not turn two-step on: the password still signs in by itself.
    alone = await sign_up(client)
    await register(client, alone)
    assert await login_methods(client, Enrolled(alone, "", [])) is None
    person = await enrolled(client)
    assert await login_methods(client, person) == ["totp", "recovery"]
    await register(client, person.account)
    assert await login_methods(client, person) == ["totp", "passkey", "recovery"]
    status = await client.get("/api/account/two-factor", headers=person.account.headers)
    assert status.json()["methods"] == ["totp", "passkey", "recovery"]
    # Two-step off: the passkey stays, for password-less sign-in, but no second step is asked.
    off = await client.request(
        "DELETE",
        "/api/account/two-factor",
        json={"password": person.account.password, "code": person.recovery_codes[0]},
        headers=person.account.headers,
    )
    assert off.status_code == 204
    assert await login_methods(client, person) is None
    assert len((await client.get(API, headers=person.account.headers)).json()) == 1


async def test_options_check_the_token_without_spending_it(client: httpx.AsyncClient) -> None:
    person, _ = await with_passkey(client)
    missing = await client.post(OPTIONS, json={})
    assert missing.status_code == 422
    assert error_fields(missing) == ["token"]
    assert (await client.post(OPTIONS, json={"token": "made-up"})).status_code == 401
    token = await password_step(client, person.account)
    await second_step_options(client, token)
    await second_step_options(client, token)
    assert (await second_step(client, token, person.code())).status_code == 200
    assert (await client.post(OPTIONS, json={"token": token})).status_code == 401


async def test_options_for_an_account_without_a_passkey_are_not_found(
    client: httpx.AsyncClient,
) -> None:
    person = await enrolled(client)
    token = await password_step(client, person.account)
    response = await client.post(OPTIONS, json={"token": token})
    assert response.status_code == 404
    assert "no passkey for two-step verification" in response.json()["error"]["message"]
    named = await second_step(client, token, json.dumps({"id": "x"}), method="passkey")
    assert named.status_code == 422
    assert error_fields(named) == ["method"]


async def test_an_expired_pending_sign_in_gets_no_options(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    person, _ = await with_passkey(client)
    token = await password_step(client, person.account)
    async with context.engine.begin() as connection:
        await connection.execute(text("UPDATE pending_sign_ins SET expires_at = created_at"))
    assert (await client.post(OPTIONS, json={"token": token})).status_code == 401


async def test_another_users_passkey_is_refused(client: httpx.AsyncClient) -> None:
    mine, my_authenticator = await with_passkey(client)
    theirs, their_authenticator = await with_passkey(client)
    token = await password_step(client, mine.account)
    public_key = await second_step_options(client, token)
    refused = await answer(client, token, their_authenticator.get(public_key), method="passkey")
    assert refused.status_code == 422
    assert error_fields(refused) == ["code"]
    assert "passkey was not accepted" in refused.json()["error"]["message"]
    # Nor does their own sign-in's challenge pass for mine, or mine for theirs.
    their_token = await password_step(client, theirs.account)
    their_options = await second_step_options(client, their_token)
    crossed = await answer(client, token, my_authenticator.get(their_options), method="passkey")
    assert crossed.status_code == 422
    # My sign-in still finishes with my passkey.
    mine_now = my_authenticator.get(await second_step_options(client, token))
    assert (await answer(client, token, mine_now, method="passkey")).status_code == 200


async def test_challenges_of_the_two_uses_do_not_mix(client: httpx.AsyncClient) -> None:
    person, authenticator = await with_passkey(client)
    # A password-less sign-in's challenge does not pass as a second step...
    token = await password_step(client, person.account)
    loose = authenticator.get(await options(client, "authentication"))
    assert (await answer(client, token, loose, method="passkey")).status_code == 422
    # ...and a second step's answer does not sign in without the password.
    bound = authenticator.get(await second_step_options(client, token))
    alone = await client.post(f"{API}/authentication", json={"credential": bound})
    assert alone.status_code == 401
    assert (await answer(client, token, bound, method="passkey")).status_code == 422


async def test_a_replayed_assertion_is_refused(client: httpx.AsyncClient) -> None:
    person, authenticator = await with_passkey(client)
    token = await password_step(client, person.account)
    credential = authenticator.get(await second_step_options(client, token))
    assert (await answer(client, token, credential, method="passkey")).status_code == 200
    again = await password_step(client, person.account)
    replayed = await answer(client, again, credential, method="passkey")
    assert replayed.status_code == 422
    assert error_fields(replayed) == ["code"]


async def test_wrong_assertions_count_against_the_second_factor_limit(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    person, authenticator = await with_passkey(client)
    token = await password_step(client, person.account)
    limit = context.settings.auth.throttle_per_account
    for _ in range(limit):
        forged = authenticator.get(await second_step_options(client, token))
        forged["response"]["signature"] = b64url(b"\x30" * 70)
        assert (await answer(client, token, forged, method="passkey")).status_code == 422
    good = authenticator.get(await second_step_options(client, token))
    locked = await answer(client, token, good, method="passkey")
    assert locked.status_code == 429
    assert int(locked.headers["Retry-After"]) > 0
    assert (await second_step(client, token, person.code())).status_code == 429


async def test_a_proof_that_is_not_a_credential_is_a_wrong_code(
    client: httpx.AsyncClient,
) -> None:
    person, _ = await with_passkey(client)
    token = await password_step(client, person.account)
    for proof in ("{not json", "[" * 5000, '{"id": "x"}', '"a string"'):
        response = await second_step(client, token, proof, method="passkey")
        assert response.status_code == 422, proof
        assert error_fields(response) == ["code"]
    assert (await second_step(client, token, person.code())).status_code == 200


async def test_the_openapi_document_describes_the_passkey_step(
    client: httpx.AsyncClient,
) -> None:
    doc = (await client.get("/api/openapi.json")).json()
    route = doc["paths"][OPTIONS]["post"]
    assert {"200", "401", "404", "422"} <= set(route["responses"])
    assert "navigator.credentials.get()" in route["description"]
    proof = doc["components"]["schemas"]["SecondFactorProof"]["properties"]["code"]
    assert "passkey" in proof["description"]
