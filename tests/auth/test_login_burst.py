"""Sign-in under a burst, as an attacker sends it: the limit holds and nothing fails with 500."""

from __future__ import annotations

import asyncio
from collections import Counter

import httpx

from tests.helpers import AppParts, sign_up, unique_email

BURST = 40


async def burst(client: httpx.AsyncClient, attempts: list[dict[str, str]]) -> Counter[int]:
    responses = await asyncio.gather(
        *(client.post("/api/auth/login", json=attempt) for attempt in attempts)
    )
    for response in responses:
        if response.status_code in (429, 503):
            assert int(response.headers["Retry-After"]) > 0
    return Counter(response.status_code for response in responses)


async def test_a_burst_of_wrong_passwords_gets_no_more_checks_than_the_limit(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    account = await sign_up(client)
    wrong = {"email": account.email, "password": "not-the-password-1"}
    statuses = await burst(client, [wrong] * BURST)
    assert set(statuses) <= {401, 429, 503}, statuses
    assert statuses[401] <= context.settings.auth.throttle_per_account, statuses
    assert statuses[429] >= BURST - context.settings.auth.throttle_per_account - statuses[503]
    # And the account is locked now, for the right password as well.
    right = {"email": account.email, "password": account.password}
    assert (await client.post("/api/auth/login", json=right)).status_code == 429


async def test_a_burst_over_many_accounts_from_one_address_is_held_to_its_limit(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    attempts = [{"email": unique_email(), "password": "not-the-password-1"} for _ in range(BURST)]
    statuses = await burst(client, attempts)
    assert set(statuses) <= {401, 429, 503}, statuses
    assert statuses[401] <= context.settings.auth.throttle_per_address, statuses


async def test_as_many_right_passwords_at_once_as_the_limit_all_sign_in(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    account = await sign_up(client)
    right = {"email": account.email, "password": account.password}
    statuses = await burst(client, [right] * context.settings.auth.throttle_per_account)
    assert set(statuses) <= {200, 503}, statuses
    assert statuses[200] >= 1


async def test_more_right_passwords_at_once_than_the_limit_wait_their_turn(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    """Attempts being checked count until they succeed: beyond the limit, 429 (never 500)."""
    account = await sign_up(client)
    right = {"email": account.email, "password": account.password}
    statuses = await burst(client, [right] * BURST)
    assert set(statuses) <= {200, 429, 503}, statuses
    assert statuses[200] >= context.settings.auth.throttle_per_account - statuses[503]
    assert (await client.post("/api/auth/login", json=right)).status_code == 200
