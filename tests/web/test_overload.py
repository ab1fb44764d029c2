"""An overloaded server says so (503 with Retry-After), never 500."""

from __future__ import annotations

import asyncio
import weakref

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.exc import TimeoutError as PoolTimeout

from resumate.auth import passwords
from resumate.errors import ServiceUnavailable
from resumate.web.handlers import install


async def test_a_request_that_finds_no_free_connection_is_told_to_retry() -> None:
    app = FastAPI()
    install(app)

    @app.get("/api/busy")
    async def busy() -> None:
        raise PoolTimeout("QueuePool limit reached, connection timed out")

    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        response = await client.get("/api/busy")
    assert response.status_code == 503
    assert int(response.headers["Retry-After"]) > 0
    assert response.json()["error"]["code"] == "unavailable"


async def test_hashes_beyond_the_slots_are_refused_not_queued(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(passwords, "HASH_SLOTS", 1)
    monkeypatch.setattr(passwords, "HASH_WAIT", 0.05)
    monkeypatch.setattr(passwords, "_slots", weakref.WeakKeyDictionary())
    started, finish = asyncio.Event(), asyncio.Event()

    def slow(value: str) -> str:
        asyncio.run_coroutine_threadsafe(set_event(started), loop).result()
        asyncio.run_coroutine_threadsafe(finish.wait(), loop).result()
        return value

    loop = asyncio.get_running_loop()
    holder = asyncio.create_task(passwords.in_hash_slot(slow, "first"))
    await started.wait()
    with pytest.raises(ServiceUnavailable) as refused:
        await passwords.in_hash_slot(str.upper, "second")
    assert refused.value.retry_after == 1
    finish.set()
    assert await holder == "first"
    assert await passwords.in_hash_slot(str.upper, "third") == "THIRD"


async def set_event(event: asyncio.Event) -> None:
    event.set()
