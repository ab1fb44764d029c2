"""Where people may bring their own model, tidying goes to the caller's own, never another's."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from resumate.app import create_app
from tests.ai.providers.wire import serve
from tests.databases import test_settings
from tests.helpers import AppParts, sign_up
from tests.tidy.reading import FIRST_JOB, SECOND_JOB, answer, tidy
from tests.web.e2e.scripted_model import Script, build

OWN_KEY = "sk-own-0123456789abcdef"


@pytest.fixture
async def own_model() -> AsyncIterator[Script]:
    script = Script(port=0)
    async with serve(build(script)) as address:
        script.port = int(address.rsplit(":", 1)[1])
        yield script


@pytest.fixture(scope="session")
async def open_app(database_url: str, data_dir: Path) -> AsyncIterator[FastAPI]:
    """Own models allowed, on the office network too; the operator has chosen none."""
    ai = {"allow_user_providers": True, "allow_private_urls": True}
    application = create_app(test_settings(database_url, data_dir, ai=ai))
    yield application
    await AppParts.of(application).close()


@pytest.fixture
async def http(open_app: FastAPI, context: AppParts) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=open_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


async def test_another_persons_own_model_is_never_used(
    http: httpx.AsyncClient, own_model: Script
) -> None:
    owner = await sign_up(http)
    own = {"kind": "openai", "baseUrl": own_model.base_url, "model": "mine", "apiKey": OWN_KEY}
    saved = await http.put("/api/ai/provider", json=own, headers=owner.headers)
    assert saved.status_code == 200, saved.text

    other = await sign_up(http)
    refused = await tidy(http, other)
    assert refused.status_code == 503
    assert refused.json()["error"]["code"] == "ai_not_configured"
    assert own_model.requests == []

    own_model.say(answer(work=[FIRST_JOB, SECOND_JOB]))
    tidied = await tidy(http, owner)
    assert tidied.status_code == 200, tidied.text
    assert tidied.json()["document"]["work"][1] == SECOND_JOB
    assert own_model.keys == [f"Bearer {OWN_KEY}"]
    assert own_model.requests[0]["model"] == "mine"
