"""Wrong second-factor codes in a parallel burst: no more are checked than the limit."""

from __future__ import annotations

import asyncio
from collections import Counter

import httpx

from tests.auth.twofactor.flows import enrolled, password_step, second_step
from tests.helpers import AppParts

BURST = 40


def wrong_code(right: str) -> str:
    return "000000" if right != "000000" else "111111"


async def test_a_burst_of_wrong_codes_gets_no_more_checks_than_the_limit(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    person = await enrolled(client)
    token = await password_step(client, person.account)
    wrong = wrong_code(person.code())
    responses = await asyncio.gather(*(second_step(client, token, wrong) for _ in range(BURST)))
    statuses = Counter(response.status_code for response in responses)
    limit = context.settings.auth.throttle_per_account
    assert set(statuses) <= {422, 429, 503}, statuses
    assert statuses[422] <= limit, statuses
    assert statuses[429] >= BURST - limit - statuses[503], statuses
    for response in responses:
        if response.status_code in (429, 503):
            assert int(response.headers["Retry-After"]) > 0
    # Locked now, for the right code as well; the password's own count is apart.
    assert (await second_step(client, token, person.code())).status_code == 429
    assert await password_step(client, person.account)


async def test_a_burst_of_the_right_code_signs_in_once(client: httpx.AsyncClient) -> None:
    person = await enrolled(client)
    tokens = [await password_step(client, person.account) for _ in range(5)]
    code = person.code()
    responses = await asyncio.gather(*(second_step(client, token, code) for token in tokens))
    statuses = Counter(response.status_code for response in responses)
    assert statuses[200] == 1, statuses
    assert set(statuses) <= {200, 422, 503}, statuses
