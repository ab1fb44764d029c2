"""A person's own model: where the operator allows it, their writing help goes to it, with
their key, and the operator's key never does."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from resumate.app import create_app
from tests.ai.generation.conftest import nurse_resume
from tests.ai.providers.wire import serve
from tests.databases import test_settings
from tests.helpers import AppParts, sign_up
from tests.web.e2e.scripted_model import Script, build

OWN_KEY = "sk-own-0123456789abcdef"
OPERATOR_KEY = "sk-operator-abcdef0123456789"


@pytest.fixture
async def own_model() -> AsyncIterator[Script]:
    script = Script(port=0)
    async with serve(build(script)) as address:
        script.port = int(address.rsplit(":", 1)[1])
        yield script


@pytest.fixture(scope="session")
async def open_app(database_url: str, data_dir: Path) -> AsyncIterator[FastAPI]:
    """Own models allowed, on the office network too; the operator's model is a dead address."""
    ai = {
        "allow_user_providers": True,
        "allow_private_urls": True,
        "provider": "openai",
        "base_url": "http://127.0.0.1:9/v1",
        "model": "operator-model",
        "api_key": OPERATOR_KEY,
    }
    application = create_app(test_settings(database_url, data_dir, ai=ai))
    yield application
    await AppParts.of(application).close()


@pytest.fixture
async def http(open_app: FastAPI, context: AppParts) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=open_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


async def test_writing_help_goes_to_the_persons_own_model_with_their_key(
    http: httpx.AsyncClient, own_model: Script
) -> None:
    account = await sign_up(http)
    own = {"kind": "openai", "baseUrl": own_model.base_url, "model": "mine", "apiKey": OWN_KEY}
    saved = await http.put("/api/ai/provider", json=own, headers=account.headers)
    assert saved.status_code == 200, saved.text
    status = (await http.get("/api/ai/status", headers=account.headers)).json()
    assert status["generation"]["on"] is True
    assert status["generation"]["model"] == "mine"
    assert "127.0.0.1" in status["generation"]["description"]

    resume_id = await nurse_resume(http, account)
    own_model.say(json.dumps({"text": "Led a team of 12 nurses on night shifts"}))
    url = f"/api/resumes/{resume_id}/ai/rewrite"
    body = {"path": "work[0].highlights[0]", "style": "stronger"}
    answer = await http.post(url, json=body, headers=account.headers)
    assert answer.status_code == 200, answer.text
    assert answer.json()["changes"][0]["new"] == "Led a team of 12 nurses on night shifts"
    assert own_model.keys
    assert set(own_model.keys) == {f"Bearer {OWN_KEY}"}
    assert own_model.requests[0]["model"] == "mine"


async def test_without_an_own_model_the_operators_is_used(
    http: httpx.AsyncClient, own_model: Script
) -> None:
    account = await sign_up(http)
    status = (await http.get("/api/ai/status", headers=account.headers)).json()
    assert status["generation"]["model"] == "operator-model"
    assert own_model.keys == []
