"""The guard around every provider: timeout, one retry, concurrency limit, circuit breaker."""

from __future__ import annotations

import asyncio

import pytest

from resumate.ai.errors import ProviderUnavailable
from resumate.ai.providers.base import Message, ModeRefused, Prompt, Provider, Reply, Transient
from resumate.ai.providers.guarded import Breaker, Gate, Guarded, Guards
from resumate.ai.providers.openai_compat import OpenAICompatible
from resumate.config import AISettings
from tests.ai.providers.scripted import Scripted, reply
from tests.ai.providers.wire import silent_server

PROMPT = Prompt(messages=(Message("user", "hi"),), max_tokens=8)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def guarded(inner: Provider, breaker: Breaker | None = None, timeout: float = 5) -> Guarded:
    return Guarded(inner, Gate(4), breaker or Breaker(3, 60), timeout)


async def test_a_server_that_never_answers_times_out_after_one_retry() -> None:
    async with silent_server() as (url, accepted):
        provider = OpenAICompatible(model="m", base_url=url, api_key="k", timeout=30)
        with pytest.raises(ProviderUnavailable, match=r"within 0\.3 seconds"):
            await guarded(provider, timeout=0.3).complete(PROMPT)
        await provider.aclose()
    assert len(accepted) == 2


async def test_a_transient_failure_is_retried_once() -> None:
    inner = Scripted([Transient("502"), reply("fine")])
    assert (await guarded(inner).complete(PROMPT)).text == "fine"
    assert len(inner.prompts) == 2


async def test_two_transient_failures_give_up() -> None:
    inner = Scripted([Transient("502"), Transient("503"), reply("never")])
    with pytest.raises(Transient):
        await guarded(inner).complete(PROMPT)
    assert len(inner.prompts) == 2


async def test_a_refused_key_is_not_retried_nor_counted_by_the_breaker() -> None:
    breaker = Breaker(1, 60)
    inner = Scripted([ProviderUnavailable("bad key"), reply("ok")])
    with pytest.raises(ProviderUnavailable, match="bad key"):
        await guarded(inner, breaker).complete(PROMPT)
    assert len(inner.prompts) == 1
    assert breaker.state == "closed"


async def test_a_refused_mode_passes_through_untouched() -> None:
    inner = Scripted([ModeRefused("no schema")])
    with pytest.raises(ModeRefused):
        await guarded(inner).complete(PROMPT)


async def test_the_breaker_opens_after_failures_in_a_row_and_fails_at_once() -> None:
    clock = Clock()
    breaker = Breaker(2, 30, clock)
    inner = Scripted([Transient("x")] * 4 + [reply("late")])
    provider = guarded(inner, breaker)
    for _ in range(2):
        with pytest.raises(Transient):
            await provider.complete(PROMPT)
    assert breaker.state == "open"
    with pytest.raises(ProviderUnavailable) as caught:
        await provider.complete(PROMPT)
    assert len(inner.prompts) == 4  # the open breaker did not call the provider
    assert caught.value.headers()["Retry-After"] == "30"


async def test_the_breaker_half_opens_for_one_trial_that_closes_it() -> None:
    clock = Clock()
    breaker = Breaker(1, 30, clock)
    breaker.failed()
    clock.now += 31
    assert breaker.state == "half-open"
    inner = Scripted([reply("back")], pause=0.05)
    provider = guarded(inner, breaker)
    trial = asyncio.create_task(provider.complete(PROMPT))
    await asyncio.sleep(0.01)
    with pytest.raises(ProviderUnavailable):  # only one trial at a time
        await provider.complete(PROMPT)
    assert (await trial).text == "back"
    assert breaker.state == "closed"


async def test_a_failed_trial_opens_the_breaker_again() -> None:
    clock = Clock()
    breaker = Breaker(5, 30, clock)
    for _ in range(5):
        breaker.failed()
    clock.now += 31
    with pytest.raises(Transient):
        await guarded(Scripted([Transient("x"), Transient("y")]), breaker).complete(PROMPT)
    assert breaker.state == "open"


async def test_a_cancelled_trial_leaves_the_trial_to_the_next_call() -> None:
    clock = Clock()
    breaker = Breaker(1, 30, clock)
    breaker.failed()
    clock.now += 31
    call = asyncio.create_task(
        guarded(Scripted([reply("slow")], pause=5), breaker).complete(PROMPT)
    )
    await asyncio.sleep(0.01)
    call.cancel()
    with pytest.raises(asyncio.CancelledError):
        await call
    assert (await guarded(Scripted([reply("ok")]), breaker).complete(PROMPT)).text == "ok"


async def test_a_full_gate_answers_503_with_retry_after() -> None:
    gate = Gate(1, wait_seconds=0.05)
    slow = Guarded(Scripted([reply("slow")], pause=0.5), gate, Breaker(3, 60), 5)
    other = Guarded(Scripted([reply("x")]), gate, Breaker(3, 60), 5)
    busy = asyncio.create_task(slow.complete(PROMPT))
    await asyncio.sleep(0.01)
    with pytest.raises(ProviderUnavailable) as caught:
        await other.complete(PROMPT)
    assert caught.value.status == 503
    assert caught.value.headers()["Retry-After"] == "1"
    assert (await busy).text == "slow"


async def test_streams_retry_only_before_the_first_piece() -> None:
    inner = Scripted([Transient("x"), reply("two words")])
    pieces = [p async for p in guarded(inner).stream(PROMPT)]
    assert pieces[:-1] == ["two ", "words "]
    assert isinstance(pieces[-1], Reply)
    assert len(inner.prompts) == 2


def test_guards_keep_one_breaker_per_provider_and_scope() -> None:
    guards = Guards(AISettings(breaker_failures=2))
    a, b = Scripted([], model="a"), Scripted([], model="b")
    assert guards.breaker(a) is guards.breaker(a)
    assert guards.breaker(a) is not guards.breaker(b)
    assert guards.breaker(a) is not guards.breaker(a, scope="someone's key")


async def test_a_stream_that_goes_silent_times_out_after_one_retry() -> None:
    inner = Scripted([reply("late"), reply("later")], pause=1)
    with pytest.raises(ProviderUnavailable, match="did not answer"):
        _pieces = [p async for p in guarded(inner, timeout=0.1).stream(PROMPT)]
    assert len(inner.prompts) == 2
