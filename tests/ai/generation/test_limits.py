"""The budget and the rate limit through the API: 429 with the right code and Retry-After."""

from __future__ import annotations

import asyncio
import json

import httpx

from tests.ai.generation.conftest import Install, nurse_resume
from tests.helpers import sign_up

REWRITE = {"path": "work[0].highlights[0]"}
ANSWER = json.dumps({"text": "Led a team of 12 nurses on night shifts"})


async def test_forty_parallel_requests_get_exactly_the_calls_per_minute(
    client: httpx.AsyncClient, model: Install
) -> None:
    scripted = model(*[ANSWER] * 40, per_minute=5)
    account = await sign_up(client)
    resume_id = await nurse_resume(client, account)
    url = f"/api/resumes/{resume_id}/ai/rewrite"
    answers = await asyncio.gather(
        *[client.post(url, json=REWRITE, headers=account.headers) for _ in range(40)]
    )
    statuses = sorted(response.status_code for response in answers)
    assert statuses == [200] * 5 + [429] * 35
    refused = [response for response in answers if response.status_code == 429]
    assert {response.json()["error"]["code"] for response in refused} == {"ai_rate_limited"}
    assert all(1 <= int(response.headers["retry-after"]) <= 60 for response in refused)
    assert len(scripted.prompts) == 5


async def test_a_spent_budget_is_429_until_midnight(
    client: httpx.AsyncClient, model: Install
) -> None:
    scripted = model(ANSWER, daily=300)
    account = await sign_up(client)
    resume_id = await nurse_resume(client, account)
    url = f"/api/resumes/{resume_id}/ai/rewrite"
    response = await client.post(url, json=REWRITE, headers=account.headers)
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "ai_budget_spent"
    assert int(response.headers["retry-after"]) <= 24 * 3600
    assert scripted.prompts == []


async def test_a_call_is_charged_what_it_used(client: httpx.AsyncClient, model: Install) -> None:
    scripted = model(ANSWER)
    account = await sign_up(client)
    resume_id = await nurse_resume(client, account)
    url = f"/api/resumes/{resume_id}/ai/rewrite"
    await client.post(url, json=REWRITE, headers=account.headers)
    used = scripted.usage(scripted.prompts[0], ANSWER).total
    status = (await client.get("/api/ai/status", headers=account.headers)).json()
    assert status["budget"]["usedToday"] == used
