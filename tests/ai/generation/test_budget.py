"""The daily token budget and the calls per minute hold under parallel requests."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from resumate.ai.errors import AIRateLimited, BudgetSpent
from resumate.ai.generation.budget import Budget
from tests.helpers import AppParts, sign_up

NOON = datetime(2026, 12, 3, 12, 0, 5, tzinfo=UTC)


async def _user(client: httpx.AsyncClient) -> uuid.UUID:
    return uuid.UUID((await sign_up(client)).user_id)


async def _outcomes(budget: Budget, user: uuid.UUID, tokens: int, now: datetime) -> list[object]:
    calls = [budget.reserve(user, tokens, now) for _ in range(40)]
    return list(await asyncio.gather(*calls, return_exceptions=True))


async def test_forty_parallel_calls_get_exactly_the_minutes_limit(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    user = await _user(client)
    budget = Budget(context.sessionmaker, daily_tokens=1_000_000, calls_per_minute=7)
    outcomes = await _outcomes(budget, user, 10, NOON)
    refused = [o for o in outcomes if isinstance(o, Exception)]
    assert len(outcomes) - len(refused) == 7
    assert all(isinstance(o, AIRateLimited) for o in refused)
    assert all(isinstance(o, AIRateLimited) and o.retry_after == 55 for o in refused)
    assert await budget.used_today(user, NOON) == 70


async def test_forty_parallel_calls_never_spend_more_than_the_day(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    user = await _user(client)
    budget = Budget(context.sessionmaker, daily_tokens=1000, calls_per_minute=100)
    outcomes = await _outcomes(budget, user, 150, NOON)
    refused = [o for o in outcomes if isinstance(o, Exception)]
    assert len(outcomes) - len(refused) == 6
    assert all(isinstance(o, BudgetSpent) for o in refused)
    assert await budget.used_today(user, NOON) == 900


async def test_the_next_minute_allows_calls_again(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    user = await _user(client)
    budget = Budget(context.sessionmaker, daily_tokens=1000, calls_per_minute=1)
    await budget.reserve(user, 10, NOON)
    with pytest.raises(AIRateLimited):
        await budget.reserve(user, 10, NOON)
    await budget.reserve(user, 10, NOON + timedelta(minutes=1))


async def test_settling_counts_what_was_used_not_what_was_reserved(
    client: httpx.AsyncClient, context: AppParts
) -> None:
    user = await _user(client)
    budget = Budget(context.sessionmaker, daily_tokens=1000, calls_per_minute=10)
    reservation = await budget.reserve(user, 900, NOON)
    with pytest.raises(BudgetSpent) as refused:
        await budget.reserve(user, 200, NOON)
    assert refused.value.retry_after == 12 * 3600 - 5
    await budget.settle(reservation, 120)
    assert await budget.used_today(user, NOON) == 120
    await budget.reserve(user, 200, NOON)


async def test_a_new_day_has_a_new_budget(client: httpx.AsyncClient, context: AppParts) -> None:
    user = await _user(client)
    budget = Budget(context.sessionmaker, daily_tokens=100, calls_per_minute=10)
    await budget.reserve(user, 100, NOON)
    tomorrow = NOON + timedelta(days=1)
    await budget.reserve(user, 100, tomorrow)
    assert await budget.used_today(user, tomorrow) == 100
