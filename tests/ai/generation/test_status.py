"""GET /api/ai/status says what works, who would see the text, and the day's budget."""

from __future__ import annotations

import httpx

from tests.ai.generation.conftest import Install
from tests.helpers import sign_up


async def test_with_generation_off_it_says_how_to_turn_it_on(client: httpx.AsyncClient) -> None:
    account = await sign_up(client)
    response = await client.get("/api/ai/status", headers=account.headers)
    assert response.status_code == 200
    body = response.json()
    assert body["analyzers"]["match"] is True
    assert body["analyzers"]["check"] is True
    assert body["analyzers"]["spelling"] == ["ar", "de", "en", "es", "fr", "it", "nl", "pt", "ru"]
    generation = body["generation"]
    assert (generation["on"], generation["provider"], generation["model"]) == (False, None, None)
    assert "RESUMATE_AI_PROVIDER" in generation["howToTurnOn"]
    assert body["budget"] is None


async def test_with_a_model_it_names_who_sees_the_text(
    client: httpx.AsyncClient, model: Install
) -> None:
    model(daily=5000)
    account = await sign_up(client)
    body = (await client.get("/api/ai/status", headers=account.headers)).json()
    assert body["generation"] == {
        "on": True,
        "provider": "openai",
        "model": "scripted-1",
        "description": "a scripted test model, model scripted-1",
        "howToTurnOn": "",
    }
    assert body["budget"] == {"dailyTokens": 200_000, "usedToday": 0}


async def test_status_needs_a_session(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/ai/status")
    assert response.status_code == 401
