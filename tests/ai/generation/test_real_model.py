"""Writing help on the real small model (SmolLM2-135M-Instruct), with no network: in process
through the local provider, and behind llama.cpp's OpenAI-compatible server. These check the
answers' structure and that cancelling stops the model, never the quality of the writing.

They run on an app of their own on SQLite: the model's work does not depend on the database,
and the machine's CPU is shared.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from resumate.ai.generation.deps import current_provider
from resumate.ai.generation.schemas import LetterAnswer
from resumate.ai.providers.base import Message, Prompt, Provider, Reply
from resumate.ai.providers.local import LocalModel
from resumate.ai.providers.openai_compat import OpenAICompatible
from resumate.ai.providers.structured import structured
from resumate.app import create_app
from tests.ai.generation.conftest import RESUME, nurse_resume
from tests.ai.generation.events import leave_after_first_delta
from tests.databases import migrated_database, test_settings
from tests.helpers import Account, AppParts, sign_up

BULLET = "work[0].highlights[0]"
FLAG_KEYS = {"path", "kind", "value", "message", "blocking"}


@pytest.fixture(scope="module")
def own_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    data_dir: Path = tmp_path_factory.mktemp("real-model")
    with migrated_database("sqlite", data_dir) as url:
        yield create_app(test_settings(url, data_dir))


@pytest.fixture
async def client(own_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=own_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http
    own_app.dependency_overrides.clear()
    await AppParts.of(own_app).close()


def use(app: FastAPI, provider: Provider) -> None:
    app.dependency_overrides[current_provider] = lambda: provider


async def _rewrite(client: httpx.AsyncClient) -> httpx.Response:
    account = await sign_up(client)
    resume_id = await nurse_resume(client, account)
    url = f"/api/resumes/{resume_id}/ai/rewrite"
    return await client.post(url, json={"path": BULLET}, headers=account.headers)


def _assert_a_rewrite_proposal(body: dict[str, Any]) -> None:
    assert set(body) == {"changes", "flags"}
    assert len(body["changes"]) <= 1
    for change in body["changes"]:
        assert change["path"] == BULLET
        assert change["original"] == RESUME["work"][0]["highlights"][0]
        assert isinstance(change["new"], str)
        assert 0 < len(change["new"]) <= 2000
    assert all(set(flag) == FLAG_KEYS for flag in body["flags"])


class Recording:
    """The provider as given, noting the output mode of each call (the ladder's steps)."""

    def __init__(self, inner: OpenAICompatible) -> None:
        self.inner = inner
        self.asked: list[str] = []
        self.name, self.model = inner.name, inner.model
        self.description, self.modes = inner.description, inner.modes

    async def complete(self, prompt: Prompt) -> Reply:
        self.asked.append(prompt.mode)
        return await self.inner.complete(prompt)

    async def stream(self, prompt: Prompt) -> AsyncIterator[str | Reply]:
        self.asked.append(prompt.mode)
        async for piece in self.inner.stream(prompt):
            yield piece

    async def aclose(self) -> None:
        await self.inner.aclose()


async def test_the_local_model_proposes_a_valid_rewrite(
    own_app: FastAPI, client: httpx.AsyncClient, local_model: LocalModel
) -> None:
    use(own_app, local_model)
    response = await _rewrite(client)
    assert response.status_code == 200, response.text
    _assert_a_rewrite_proposal(response.json())


async def test_the_openai_compatible_server_walks_the_ladder_to_a_proposal_or_a_clear_error(
    own_app: FastAPI, client: httpx.AsyncClient, llama_server: str
) -> None:
    server = OpenAICompatible(model="smollm2-gen", base_url=llama_server, api_key=None, timeout=120)
    recording = Recording(server)
    use(own_app, recording)
    try:
        response = await _rewrite(client)
    finally:
        await server.aclose()
    # The server refuses JSON schema output: the ladder steps down to a JSON object, and a reply
    # that does not fit gets one repair attempt. Whatever 135M parameters write, the answer is
    # a valid proposal or the error that names the provider, never anything else.
    assert recording.asked[:2] == ["schema", "object"]
    assert len(recording.asked) <= 3
    if response.status_code == 200:
        _assert_a_rewrite_proposal(response.json())
    else:
        assert response.status_code == 502, response.text
        error = response.json()["error"]
        assert error["code"] == "ai_bad_answer"
        assert "OpenAI-compatible server at 127.0.0.1" in error["message"]


async def test_leaving_a_streaming_letter_stops_the_local_model(
    own_app: FastAPI, client: httpx.AsyncClient, local_model: LocalModel
) -> None:
    use(own_app, local_model)
    account: Account = await sign_up(client)
    resume_id = await nurse_resume(client, account)
    path = f"/api/resumes/{resume_id}/ai/cover-letter"
    before = local_model.tokens_generated
    body = {"job": "Charge nurse for a surgical ward, nights."}
    chunks = await leave_after_first_delta(own_app, path, body, account)
    assert b"event: delta" in b"".join(chunks)
    assert b"event: result" not in b"".join(chunks)
    # The token in flight when the page left may still finish; after that the model is idle.
    await asyncio.sleep(0.5)
    stopped_at = local_model.tokens_generated
    await asyncio.sleep(0.5)
    assert local_model.tokens_generated == stopped_at
    # A letter may run to 1,200 tokens; leaving at the first piece stops it within a few.
    assert stopped_at - before < 10
    status = (await client.get("/api/ai/status", headers=account.headers)).json()
    assert 0 < status["budget"]["usedToday"] < 1200


async def test_a_long_bounded_answer_does_not_break_the_local_grammar(
    local_model: LocalModel,
) -> None:
    """A 6,000-character bound once made llama.cpp refuse the grammar and crash the process."""
    prompt = Prompt(
        (Message("user", 'Say hello as JSON: {"text": "..."}'),), max_tokens=24, mode="text"
    )
    answer, usage = await structured(local_model, prompt, LetterAnswer)
    assert isinstance(answer.text, str)
    assert usage.output_tokens > 0
