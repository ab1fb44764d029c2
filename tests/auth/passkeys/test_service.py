"""The service the sign-in steps call: a passkey alone, or as the second factor of one user."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import pytest

from resumate.auth.passkeys.errors import PasskeyRefused
from resumate.auth.passkeys.service import PasskeyService
from resumate.errors import TooManyRequests, ValidationFailed
from tests.auth.passkeys.helpers import API, register, sign_in
from tests.auth.webauthn_client import SoftAuthenticator
from tests.helpers import AppParts, sign_up

ADDRESS = "203.0.113.9"


@asynccontextmanager
async def service(context: AppParts) -> AsyncIterator[PasskeyService]:
    settings = context.settings.auth.passkey
    async with context.sessionmaker.begin() as session:
        yield PasskeyService(session, context.sessionmaker, settings, context.auth.throttle)


async def test_a_passkey_is_the_second_factor_of_its_own_user_only(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    owner, other = await sign_up(client), await sign_up(client)
    authenticator, _ = await register(client, owner)
    owner_id, other_id = uuid.UUID(owner.user_id), uuid.UUID(other.user_id)
    async with service(context) as passkeys:
        options = await passkeys.authentication_options(owner_id)
    assert [item["id"] for item in options["allowCredentials"]] == [
        authenticator.get(options)["id"]
    ]
    async with service(context) as passkeys:
        user = await passkeys.authenticate(authenticator.get(options), ADDRESS, user_id=owner_id)
    assert user.id == owner_id

    async with service(context) as passkeys:
        options = await passkeys.authentication_options(other_id)
    with pytest.raises(PasskeyRefused) as refused:
        async with service(context) as passkeys:
            await passkeys.authenticate(authenticator.get(options), ADDRESS, user_id=other_id)
    assert refused.value.fields
    assert refused.value.fields[0].field == "credential.id"


async def test_a_challenge_made_for_one_user_does_not_sign_in_without_a_password(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    owner = await sign_up(client)
    authenticator, _ = await register(client, owner)
    async with service(context) as passkeys:
        options = await passkeys.authentication_options(uuid.UUID(owner.user_id))
    with pytest.raises(PasskeyRefused):
        async with service(context) as passkeys:
            await passkeys.authenticate(authenticator.get(options), ADDRESS)


async def test_a_plain_dict_is_checked_naming_the_field(context: AppParts) -> None:
    with pytest.raises(ValidationFailed) as invalid:
        async with service(context) as passkeys:
            await passkeys.authenticate({"id": "AA", "type": "public-key"}, ADDRESS)
    fields = {field.field for field in invalid.value.fields or []}
    assert {"credential.rawId", "credential.response"} <= fields


async def test_failed_passkey_sign_ins_count_against_the_address(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    stranger = SoftAuthenticator()
    for _ in range(context.settings.auth.throttle_per_address):
        assert (await sign_in(client, stranger)).status_code == 401
    blocked = await sign_in(client, stranger)
    assert blocked.status_code == 429
    assert int(blocked.headers["Retry-After"]) > 0
    async with service(context) as passkeys:
        options = await passkeys.authentication_options()
    with pytest.raises(TooManyRequests):
        async with service(context) as passkeys:
            await passkeys.authenticate(stranger.get(options), "127.0.0.1")


async def test_a_passkey_sign_in_takes_its_attempt_back(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    account = await sign_up(client)
    authenticator, _ = await register(client, account)
    for _ in range(context.settings.auth.throttle_per_address + 3):
        assert (await sign_in(client, authenticator)).status_code == 200
    assert (await client.get(f"{API}", headers=account.headers)).status_code == 200
