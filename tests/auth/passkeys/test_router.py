"""/api/auth/passkeys: real WebAuthn ceremonies, answered by a soft authenticator."""

from __future__ import annotations

import uuid
from datetime import timedelta

import httpx
from sqlalchemy import func, select, update

from resumate.auth.passkeys.models import Passkey, PasskeyChallenge
from resumate.db import utcnow
from tests.auth.passkeys.helpers import API, options, register, sign_in
from tests.auth.webauthn_client import SoftAuthenticator
from tests.helpers import AppParts, error_fields, sign_up

CLIENT_DATA = "credential.response.clientDataJSON"


async def test_a_passkey_is_registered_listed_and_signs_in_without_a_password(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    authenticator, passkey = await register(client, account)
    assert passkey["name"] == "Chrome on Linux"
    assert passkey["transports"] == ["internal", "hybrid"]
    assert passkey["lastUsedAt"] is None

    listed = await client.get(API, headers=account.headers)
    assert [item["id"] for item in listed.json()] == [passkey["id"]]

    signed_in = await sign_in(client, authenticator)
    assert signed_in.status_code == 200, signed_in.text
    assert signed_in.json()["user"]["id"] == account.user_id
    me = await client.get(
        "/api/auth/me", headers={"Authorization": f"Bearer {signed_in.json()['accessToken']}"}
    )
    assert me.json()["email"] == account.email
    used = (await client.get(API, headers=account.headers)).json()[0]
    assert used["lastUsedAt"] is not None


async def test_registration_options_ask_for_a_discoverable_passkey_and_exclude_known_ones(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    authenticator, _ = await register(client, account)
    public_key = await options(client, "registration", headers=account.headers)
    assert public_key["rp"]["id"] == "localhost"
    assert public_key["user"]["name"] == account.email
    assert public_key["authenticatorSelection"]["residentKey"] == "required"
    assert public_key["authenticatorSelection"]["userVerification"] == "preferred"
    excluded = [item["id"] for item in public_key["excludeCredentials"]]
    assert excluded == [authenticator.create(public_key)["id"]]


async def test_an_answer_is_accepted_once_only(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    authenticator, _ = await register(client, account)
    public_key = await options(client, "authentication")
    credential = authenticator.get(public_key)
    first = await client.post(f"{API}/authentication", json={"credential": credential})
    assert first.status_code == 200
    replayed = await client.post(f"{API}/authentication", json={"credential": credential})
    assert replayed.status_code == 401
    assert replayed.json()["error"]["code"] == "passkey_refused"
    assert error_fields(replayed) == [CLIENT_DATA]


async def test_a_refused_answer_still_spends_its_challenge(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    authenticator, _ = await register(client, account)
    public_key = await options(client, "authentication")
    bad = authenticator.get(public_key)
    bad["response"]["signature"] = authenticator.get(public_key)["response"]["signature"][::-1]
    assert (await client.post(f"{API}/authentication", json={"credential": bad})).status_code == 401
    good = authenticator.get(public_key)
    retried = await client.post(f"{API}/authentication", json={"credential": good})
    assert retried.status_code == 401
    assert error_fields(retried) == [CLIENT_DATA]


async def test_an_expired_challenge_is_refused(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    account = await sign_up(client)
    authenticator, _ = await register(client, account)
    public_key = await options(client, "authentication")
    async with context.sessionmaker.begin() as session:
        await session.execute(
            update(PasskeyChallenge).values(expires_at=utcnow() - timedelta(seconds=1))
        )
    credential = authenticator.get(public_key)
    response = await client.post(f"{API}/authentication", json={"credential": credential})
    assert response.status_code == 401
    assert "expired" in response.json()["error"]["message"]


async def test_challenges_expire_within_five_minutes(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    await options(client, "authentication")
    async with context.sessionmaker() as session:
        expires = await session.scalar(select(func.max(PasskeyChallenge.expires_at)))
    assert expires is not None
    assert expires - utcnow() <= timedelta(minutes=5)


async def test_a_cloned_authenticator_whose_counter_goes_back_is_refused(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    authenticator, _ = await register(client, account)
    assert (await sign_in(client, authenticator, sign_count=7)).status_code == 200
    clone = await sign_in(client, authenticator, sign_count=5)
    assert clone.status_code == 401
    assert "copied" in clone.json()["error"]["message"]
    assert error_fields(clone) == ["credential.response.authenticatorData"]
    same = await sign_in(client, authenticator, sign_count=7)
    assert same.status_code == 401


async def test_a_forged_signature_names_the_signature(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    authenticator, _ = await register(client, account)
    impostor = SoftAuthenticator(credential_id=authenticator.credential_id)
    impostor.user_handle = authenticator.user_handle
    response = await sign_in(client, impostor)
    assert response.status_code == 401
    assert error_fields(response) == ["credential.response.signature"]


async def test_an_unknown_passkey_is_refused(client: httpx.AsyncClient) -> None:
    response = await sign_in(client, SoftAuthenticator())
    assert response.status_code == 401
    assert error_fields(response) == ["credential.id"]


async def test_an_answer_made_on_another_site_is_refused(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    authenticator, _ = await register(client, account)
    elsewhere = await sign_in(client, authenticator, origin="https://evil.example")
    assert elsewhere.status_code == 401
    assert error_fields(elsewhere) == [CLIENT_DATA]
    other_rp = await sign_in(client, authenticator, rp_id="evil.example")
    assert other_rp.status_code == 401
    assert error_fields(other_rp) == ["credential.response.authenticatorData"]


async def test_registration_names_the_field_that_did_not_check_out(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    authenticator = SoftAuthenticator()
    public_key = await options(client, "registration", headers=account.headers)
    credential = authenticator.create(public_key, origin="https://evil.example")
    response = await client.post(
        f"{API}/registration", json={"credential": credential}, headers=account.headers
    )
    assert response.status_code == 422
    assert error_fields(response) == [CLIENT_DATA]
    assert "evil.example" in response.json()["error"]["message"]

    public_key = await options(client, "registration", headers=account.headers)
    credential = authenticator.create(public_key)
    credential["response"]["attestationObject"] = credential["response"]["attestationObject"][:40]
    broken = await client.post(
        f"{API}/registration", json={"credential": credential}, headers=account.headers
    )
    assert broken.status_code == 422
    assert error_fields(broken) == ["credential.response.attestationObject"]


async def test_a_credential_not_shaped_like_a_browsers_is_refused_naming_the_field(
    client: httpx.AsyncClient,
) -> None:
    account = await sign_up(client)
    authenticator, _ = await register(client, account)
    credential = authenticator.get(await options(client, "authentication"))
    del credential["response"]["signature"]
    credential["rawId"] = "not base64url!"
    response = await client.post(f"{API}/authentication", json={"credential": credential})
    assert response.status_code == 422
    assert set(error_fields(response)) == {
        "credential.rawId",
        "credential.response.signature",
    }


async def test_a_registration_challenge_is_the_requesting_users_only(
    client: httpx.AsyncClient,
) -> None:
    owner, other = await sign_up(client), await sign_up(client)
    public_key = await options(client, "registration", headers=owner.headers)
    credential = SoftAuthenticator().create(public_key)
    response = await client.post(
        f"{API}/registration", json={"credential": credential}, headers=other.headers
    )
    assert response.status_code == 422
    assert error_fields(response) == [CLIENT_DATA]
    assert (await client.get(API, headers=other.headers)).json() == []


async def test_the_same_passkey_cannot_be_registered_twice(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    authenticator, _ = await register(client, account)
    public_key = await options(client, "registration", headers=account.headers)
    again = await client.post(
        f"{API}/registration",
        json={"credential": authenticator.create(public_key)},
        headers=account.headers,
    )
    assert again.status_code == 409


async def test_rename_and_delete(client: httpx.AsyncClient, context: AppParts) -> None:
    account = await sign_up(client)
    authenticator, passkey = await register(client, account)
    url = f"{API}/{passkey['id']}"
    renamed = await client.patch(url, json={"name": "  Work laptop "}, headers=account.headers)
    assert renamed.status_code == 200
    assert renamed.json()["name"] == "Work laptop"
    empty = await client.patch(url, json={"name": "  "}, headers=account.headers)
    assert empty.status_code == 422
    assert error_fields(empty) == ["name"]
    assert (await client.delete(url, headers=account.headers)).status_code == 204
    assert (await client.get(API, headers=account.headers)).json() == []
    assert (await sign_in(client, authenticator)).status_code == 401


async def test_another_users_passkey_is_not_found(client: httpx.AsyncClient) -> None:
    owner, other = await sign_up(client), await sign_up(client)
    _, passkey = await register(client, owner)
    url = f"{API}/{passkey['id']}"
    assert (
        await client.patch(url, json={"name": "Mine"}, headers=other.headers)
    ).status_code == 404
    assert (await client.delete(url, headers=other.headers)).status_code == 404
    assert (await client.get(API, headers=other.headers)).json() == []
    missing = f"{API}/{uuid.uuid4()}"
    assert (await client.delete(missing, headers=owner.headers)).status_code == 404
    assert [item["name"] for item in (await client.get(API, headers=owner.headers)).json()] == [
        passkey["name"]
    ]


async def test_every_account_route_needs_a_session(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    _, passkey = await register(client, account)
    url = f"{API}/{passkey['id']}"
    client.cookies.clear()
    credential = SoftAuthenticator().create(
        await options(client, "authentication") | {"user": {"id": "AA"}}
    )
    for response in (
        await client.post(f"{API}/registration/options"),
        await client.post(f"{API}/registration", json={"credential": credential}),
        await client.get(API),
        await client.patch(url, json={"name": "x"}),
        await client.delete(url),
    ):
        assert response.status_code == 401, response.request.url


async def test_deleting_the_account_deletes_its_passkeys(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    account = await sign_up(client)
    await register(client, account)
    deleted = await client.request(
        "DELETE", "/api/account", json={"password": account.password}, headers=account.headers
    )
    assert deleted.status_code == 204, deleted.text
    async with context.sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(Passkey)) == 0


async def test_the_api_documents_every_passkey_route(client: httpx.AsyncClient) -> None:
    paths = (await client.get("/api/openapi.json")).json()["paths"]
    assert set(paths[f"{API}/authentication"]["post"]["responses"]) >= {"200", "401", "422", "429"}
    assert "404" in paths[f"{API}/{{passkey_id}}"]["delete"]["responses"]
    for path in ("registration/options", "registration", "authentication/options"):
        assert f"{API}/{path}" in paths


async def test_undecodable_parts_are_refused_naming_them(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    authenticator, _ = await register(client, account)
    credential = authenticator.get(await options(client, "authentication"))
    credential["response"]["userHandle"] = "A"
    handle = await client.post(f"{API}/authentication", json={"credential": credential})
    assert handle.status_code == 401
    assert error_fields(handle) == ["credential.response.userHandle"]
    credential = authenticator.get(await options(client, "authentication"))
    credential["response"]["authenticatorData"] = "AAAA"
    data = await client.post(f"{API}/authentication", json={"credential": credential})
    assert data.status_code == 401
    assert error_fields(data) == ["credential.response.authenticatorData"]
